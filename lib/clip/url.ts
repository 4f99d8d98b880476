/**
 * URL hygiene for clips: everything that becomes a link or an image in the markdown passes through
 * here, so a page cannot smuggle a script-bearing scheme into the vault, and relative URLs (which
 * break once the text leaves the page) become absolute against the page's base.
 */

/** Schemes an image of a clip may load from (besides the raster data: URLs below). */
export const WEB_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:']);
/**
 * Schemes a link in any clip's body may keep; anything else (javascript:, vbscript:, file:, data:,
 * blob:, tel:…) loses its URL and keeps its text. `anytype:` is refused too: a page has no business
 * linking into the person's vault, and Desktop acts on its deep links (join a space by invite,
 * import an experience from a URL) when one is clicked.
 */
export const LINK_SCHEMES: ReadonlySet<string> = new Set([...WEB_SCHEMES, 'mailto:']);
/** Raster image types Desktop imports from data: URLs; SVG is left out because it can carry script. */
const DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp);base64,[a-z0-9+/=\s]+$/i;

/** The base URL the page's relative URLs resolve against: `<base href>` if present, else the page URL. */
export function baseUrlOf(doc: Document, pageUrl: string): string {
  // The page itself knows its base (and DOMs keep it once found); a copy or a parsed fragment
  // has another address, and its <base> is resolved against the page's below.
  if (doc.URL === pageUrl && /^https?:/i.test(doc.baseURI)) return doc.baseURI;
  // Not querySelector('base[href]'): that walks the whole page in some DOMs (jsdom), twice per clip.
  let href: string | null = null;
  for (const base of Array.from(doc.getElementsByTagName('base'))) {
    href = base.getAttribute('href');
    if (href !== null) break;
  }
  if (href) {
    const resolved = resolveUrl(href, pageUrl);
    if (resolved && /^https?:/i.test(resolved)) return resolved;
  }
  return pageUrl;
}

/** Absolute URL, or undefined when it does not parse. Whitespace and control characters are stripped first, as browsers do. */
export function resolveUrl(raw: string, base: string): string | undefined {
  // Browsers ignore leading/trailing C0 controls and spaces and remove tabs/newlines anywhere:
  // "java\nscript:" is javascript:. Normalise the same way before judging the scheme.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const cleaned = raw.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (!cleaned) return undefined;
  try {
    return new URL(cleaned, base).href;
  } catch {
    return undefined;
  }
}

/** `raw` resolved against `base`, if its scheme is one of LINK_SCHEMES. */
export function safeLinkUrl(raw: string | null | undefined, base: string): string | undefined {
  if (!raw) return undefined;
  const url = resolveUrl(raw, base);
  if (!url) return undefined;
  return LINK_SCHEMES.has(new URL(url).protocol) ? url : undefined;
}

export function safeImageUrl(raw: string | null | undefined, base: string): string | undefined {
  if (!raw) return undefined;
  const trimmed = raw.trim();
  if (/^data:/i.test(trimmed)) return DATA_IMAGE.test(trimmed) ? trimmed.replace(/\s+/g, '') : undefined;
  const url = resolveUrl(trimmed, base);
  if (!url) return undefined;
  return WEB_SCHEMES.has(new URL(url).protocol) ? url : undefined;
}

/** The largest candidate of a srcset (by width, else by density); undefined if none parses. */
export function bestSrcsetCandidate(srcset: string): string | undefined {
  let best: { url: string; size: number } | undefined;
  // Candidates are separated by commas followed by whitespace; URLs may themselves contain commas.
  for (const part of srcset.split(/,\s+/)) {
    const [url, descriptor] = part.trim().split(/\s+/);
    if (!url) continue;
    let size = 1;
    const m = descriptor?.match(/^(\d+(?:\.\d+)?)([wx])$/);
    if (m) size = m[2] === 'w' ? Number(m[1]) : Number(m[1]) * 1000;
    if (!best || size > best.size) best = { url: url.replace(/,$/, ''), size };
  }
  return best?.url;
}

const PLACEHOLDER = /^data:|spacer|blank\.gif|pixel\.gif|placeholder|lazy[-_]?load|grey\.gif|transparent/i;

/** The real source of an image, looking past lazy-loading placeholders. */
export function imageSource(img: Element): string | null {
  const src = img.getAttribute('src');
  for (const attr of ['data-src', 'data-original', 'data-lazy-src', 'data-url', 'data-hi-res-src']) {
    const v = img.getAttribute(attr);
    if (v && !/^data:/i.test(v)) {
      if (!src || PLACEHOLDER.test(src)) return v;
    }
  }
  for (const attr of ['srcset', 'data-srcset', 'data-lazy-srcset']) {
    const v = img.getAttribute(attr);
    const best = v ? bestSrcsetCandidate(v) : undefined;
    if (best && !/^data:/i.test(best)) return best;
  }
  // A <picture>'s <source srcset> is the same image in other formats or sizes.
  const picture = img.parentElement?.tagName === 'PICTURE' ? img.parentElement : null;
  const source = picture?.querySelector('source[srcset], source[data-srcset]');
  if (source && (!src || PLACEHOLDER.test(src))) {
    const best = bestSrcsetCandidate(source.getAttribute('srcset') ?? source.getAttribute('data-srcset') ?? '');
    if (best) return best;
  }
  return src;
}
