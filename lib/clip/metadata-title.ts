/**
 * The article's title: the headline the page shows. Declared titles carry a site suffix or prefix
 * ("Headline | Site", "Site – Headline") or are a social teaser unlike the headline, so a visible
 * heading that one of them names (whole, or as a part between separators) wins; without one, the
 * declared title loses the parts that name the site.
 */

/** Separators between a headline and the site's or section's name. */
const SEPARATOR = /\s+[|\-–—·•»«~/\\:]{1,2}\s+|\s*[|•»«]\s*/g;

export function normalizeTitle(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Letters and digits only: "The Verge" and "theverge.com" compare as "theverge" and "thevergecom". */
function compact(text: string): string {
  return normalizeTitle(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** "Site: Headline": a colon ends a part too, but only a part that names the site is dropped at one. */
const COLON = /:\s+/g;

/** `title` cut at its separators (and at colons, with `colons`). */
function parts(title: string, colons = false): string[] {
  const out: string[] = [];
  let last = 0;
  const found = [...title.matchAll(SEPARATOR), ...(colons ? title.matchAll(COLON) : [])].sort((a, b) => a.index - b.index);
  for (const m of found) {
    if (m.index < last) continue;
    if (m.index === 0) continue;
    out.push(title.slice(last, m.index));
    last = m.index + m[0].length;
  }
  out.push(title.slice(last));
  return out.map((p) => p.trim()).filter(Boolean);
}

/** Whether `heading` is `declared`, or a run of its parts (the rest being a site or section name). */
export function namesHeading(declared: string, heading: string): boolean {
  const h = normalizeTitle(heading);
  if (h.length < 2) return false;
  const d = normalizeTitle(declared);
  if (d === h) return true;
  const segs = parts(declared, true).map(compact);
  const target = compact(heading);
  const total = segs.reduce((n, s) => n + s.length, 0);
  for (let i = 0; i < segs.length; i++) {
    let joined = '';
    for (let j = i; j < segs.length; j++) {
      joined += segs[j]!;
      // The rest must be the shorter side: a site's name shown as its logo's h1 is a part of every
      // page's title, but not its longer part.
      if (joined === target && j - i + 1 < segs.length && joined.length * 2 >= total) return true;
    }
  }
  return false;
}

function isSiteName(part: string, siteNames: readonly string[]): boolean {
  const c = compact(part);
  if (!c) return true;
  return siteNames.some((name) => {
    const s = compact(name);
    // "theguardian" holds the host's "guardian"; a long headline holding the word is no site name.
    return s.length > 1 && (c === s || (c.length >= 3 && (s.includes(c) || c.includes(s)) && Math.abs(c.length - s.length) <= (Math.min(c.length, s.length) >= 5 ? 10 : 6)));
  });
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** A declared title without the parts that name the site; a short trailing part goes when the rest reads as a headline. */
export function withoutSiteName(title: string, siteNames: readonly string[]): string {
  const colon = parts(title, true);
  // "The Space Review: Headline": a colon part goes only when it names the site.
  if (colon.length > 1 && isSiteName(colon[0]!, siteNames)) title = title.slice(title.indexOf(colon[1]!));
  const segs = parts(title);
  if (segs.length < 2) return title.trim();
  let start = 0;
  let end = segs.length;
  while (end - start > 1 && isSiteName(segs[end - 1]!, siteNames)) end--;
  while (end - start > 1 && isSiteName(segs[start]!, siteNames)) start++;
  if (start === 0 && end === segs.length) {
    // No part names the site: a short last part after a long enough headline is still its section or site.
    // Else, the same for a short first part ("Opinion | Headline", "EX | Headline").
    const last = segs[segs.length - 1]!;
    const firstPart = segs[0]!;
    if (words(last) <= 4 && words(segs.slice(0, -1).join(' ')) >= 3) end--;
    else if (words(firstPart) <= 4 && words(segs.slice(1).join(' ')) >= 3) start++;
    else return title.trim();
  }
  // Keep the page's own separators inside the kept run (a headline may hold " - " itself).
  const first = segs[start]!;
  const lastKept = segs[end - 1]!;
  const from = title.indexOf(first);
  const to = title.indexOf(lastKept, from) + lastKept.length;
  return title.slice(from, to).trim();
}

/** Visible headings that may be the article's headline, most likely first. */
function headings(doc: Document): string[] {
  const out: string[] = [];
  const add = (el: Element | null) => {
    const text = (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text && text.length <= 400 && !el!.closest('nav,footer,[hidden],[aria-hidden="true"]')) out.push(text);
  };
  for (const el of Array.from(doc.querySelectorAll('h1')).slice(0, 20)) add(el);
  for (const el of Array.from(doc.querySelectorAll('[itemprop~="headline"]')).slice(0, 5)) add(el);
  for (const el of Array.from(doc.querySelectorAll('h2')).slice(0, 10)) add(el);
  return out;
}

/**
 * `declared`: the page's declared titles in the order they are trusted (scholarly tags, JSON-LD
 * headline, Open Graph, Twitter, `<title>`). `siteNames`: the site's name and host.
 */
/** Titles declared with their entities escaped twice ("doesn&#8217;t") read as the text they mean. */
export function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };
  return text.replace(/&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z]+));/gi, (all, dec, hex, name) => {
    const code = dec ? Number(dec) : hex ? Number.parseInt(hex, 16) : undefined;
    if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    return named[(name as string).toLowerCase()] ?? all;
  });
}

export function headlineTitle(doc: Document, declaredRaw: readonly string[], siteNames: readonly string[]): string {
  const declared = declaredRaw.map((t) => decodeEntities(t).replace(/\s+/g, ' ').trim()).filter(Boolean);
  const shown = headings(doc);
  for (const candidate of declared) {
    // A site's logo may be an h1 too, and named by the title's suffix: the headline is the longer part.
    const named = shown.filter((h) => namesHeading(candidate, h) && (normalizeTitle(h) === normalizeTitle(candidate) || !isSiteName(h, siteNames)));
    if (named.length) return named.reduce((a, b) => (b.length > a.length ? b : a));
  }
  const first = declared[0];
  if (first) return withoutSiteName(first, siteNames);
  return shown[0] ?? '';
}
