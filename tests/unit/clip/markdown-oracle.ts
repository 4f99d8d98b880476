/**
 * An independent reading of a clip's markdown: micromark (CommonMark and GFM to the letter) says
 * what a renderer would make of it, which raw HTML it would pass through and which link and image
 * destinations it would use. Tests only; the extension never parses markdown.
 */
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

/** The decision under test, written out here rather than imported: a widened constant must fail. */
export const ALLOWED_LINK_SCHEMES = ['http:', 'https:', 'mailto:'];
export const ALLOWED_IMAGE_SCHEMES = ['http:', 'https:', 'data:'];
const INLINED_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp);base64,/i;

export interface Unsafe {
  /** True when some of the markdown reaches the renderer as HTML rather than as text. */
  html: boolean;
  /** Link or image destinations whose scheme is not allowed (or that have none: relative to nothing). */
  links: string[];
}

function render(markdown: string, allowDangerousHtml: boolean): string {
  return micromark(markdown, {
    allowDangerousHtml,
    // Keep every destination as written, so the test sees what a less careful renderer would follow.
    allowDangerousProtocol: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
}

function scheme(url: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.exec(url.trim())?.[0].toLowerCase() ?? '';
}

/** What in `markdown` would reach a renderer as HTML or as a link it must not follow. */
export function unsafeMarkdown(markdown: string): Unsafe {
  const passed = render(markdown, true);
  // Raw HTML is the only thing the two settings render differently.
  const html = passed !== render(markdown, false);
  const doc = new DOMParser().parseFromString(`<body>${passed}</body>`, 'text/html');
  const links: string[] = [];
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    const href = a.getAttribute('href') ?? '';
    if (!ALLOWED_LINK_SCHEMES.includes(scheme(href))) links.push(href);
  }
  for (const img of Array.from(doc.querySelectorAll('img[src]'))) {
    const src = img.getAttribute('src') ?? '';
    const s = scheme(src);
    if (!ALLOWED_IMAGE_SCHEMES.includes(s) || (s === 'data:' && !INLINED_IMAGE.test(src))) links.push(src);
  }
  return { html, links };
}
