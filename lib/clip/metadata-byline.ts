/**
 * Author names: cleaning what publishers declare, and reading the byline the page shows when it
 * declares none (most pages that name an author in print do not in their metadata). A byline is
 * "By Jane Roe and John Doe | March 5, 2024" or "Jane Roe, Staff Writer"; the names are what is
 * left without the "By", the dates, the roles after a comma-less separator and the joiners.
 */

const BY = /^(?:(?:written|posted|story|words|text|reporting|published)\s+)?(?:by|von|par|por)(?:\s*:\s*|\s+|$)/i;
const MONTH =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?\s*\d/i;
/** Words of a role or a job title, not of a name ("Staff Writer", "Senior Correspondent"). */
const ROLE_WORD = /\b(?:writer|reporter|correspondent|editor|editors|staff|contributor|contributing|columnist|producer|photographer|analyst|intern|senior|desk|team|newsroom)\b/i;
const NOT_A_NAME = /^(?:updated|published|posted|last updated|and|staff|admin|share|follow|more|contributor|editor|opinion|news|view all|see all|email|comments?)$/i;

/** One candidate name, or nothing when it reads as a date, a role word, a URL or a sentence. */
export function cleanName(raw: string): string | undefined {
  let name = raw.replace(/\s+/g, ' ').trim().replace(BY, '').replace(/^[,;:|\-–—\s]+|[,;:|\-–—\s]+$/g, '');
  // "Jane Roe @janeroe" and "Jane Roe (Reuters)": the handle or agency is not the name.
  name = name.replace(/\s+@\w+$/, '').replace(/\s*\([^)]*\)$/, '').trim();
  if (!name || name.length > 80) return undefined;
  if (/^https?:\/\/|@.+\.|www\./i.test(name)) return undefined;
  if (/\d/.test(name) || MONTH.test(name)) return undefined;
  if (NOT_A_NAME.test(name) || ROLE_WORD.test(name)) return undefined;
  if (name.split(/\s+/).length > 6) return undefined;
  if (!/\p{L}/u.test(name)) return undefined;
  return name;
}

/** The names in a byline's text: split at the joiners, each part cleaned, dates and roles dropped. */
export function bylineNames(text: string): string[] {
  const line = text.replace(/\s+/g, ' ').trim().replace(BY, '');
  // What follows a separator is a date, a role or the outlet ("Jane Roe | Reuters", "Jane Roe — 5 March").
  const head = line.split(/\s+[|•·–—]\s+|\s+-\s+|\n/)[0] ?? '';
  const out: string[] = [];
  for (const part of head.split(/\s*,\s*|\s+(?:and|und|et|y|e|en|och|og|&)\s+|\s*&\s*/i)) {
    const name = cleanName(part);
    if (name) out.push(name);
    // "Jane Roe, Staff Writer": a role after the first name ends the list of names.
    else if (out.length) break;
  }
  return out;
}

const BYLINE_SELECTOR = [
  '[rel~="author"]',
  '[itemprop~="author"]',
  '[class*="byline" i]',
  '[id*="byline" i]',
  '[class*="author" i]',
  '[data-testid*="byline" i]',
].join(',');

function shortText(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The byline near the headline: the first author-ish element after the first h1 (or anywhere, without one). */
export function visibleByline(doc: Document): string[] {
  const h1 = doc.querySelector('main h1, article h1') ?? doc.querySelector('h1');
  const candidates = Array.from(doc.querySelectorAll(BYLINE_SELECTOR)).filter(
    (el) => !el.closest('nav,footer,aside,[hidden],[aria-hidden="true"],[class*="comment" i]'),
  );
  const after = h1 ? candidates.filter((el) => h1.compareDocumentPosition(el) & 4 /* FOLLOWING */ || h1.contains(el) || el.contains(h1)) : [];
  for (const el of [...after, ...candidates].slice(0, 30)) {
    // An itemprop author may say its name in a meta or in a child named "name".
    const nameEl = el.querySelector('[itemprop~="name"]');
    const declared = nameEl?.getAttribute('content') ?? (nameEl ? shortText(nameEl) : '');
    const text = declared || el.getAttribute('content') || shortText(el);
    if (!text || text.length > 200) continue;
    const names = bylineNames(text);
    if (names.length) return names;
  }
  return [];
}
