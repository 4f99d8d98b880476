/** Small DOM helpers shared by the extractors. Only standard DOM; no browser-extension or Node APIs. */

/** A detached copy of the page, so extraction never changes what the person sees. */
export function cloneDocument(doc: Document): Document {
  return doc.cloneNode(true) as Document;
}

/**
 * Parses HTML produced by an extractor (e.g. defuddle's `content`) into an inert document:
 * DOMParser documents run no script and load no resource, unlike innerHTML on a live page.
 */
export function parseInert(html: string, doc: Document): Document {
  const view = doc.defaultView as (Window & { DOMParser?: typeof DOMParser }) | null;
  const Parser = view?.DOMParser ?? globalThis.DOMParser;
  return new Parser().parseFromString(html, 'text/html');
}

export function textLength(el: Node): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

/** Share of an element's text that sits inside links: high for menus, related lists, tag clouds. */
export function linkDensity(el: Element): number {
  const total = textLength(el);
  if (total === 0) return 0;
  let linked = 0;
  for (const a of Array.from(el.getElementsByTagName('a'))) linked += textLength(a);
  return Math.min(1, linked / total);
}

/**
 * Real prose (paragraphs, enough text, few links) inside a block whose tag or role says "chrome":
 * a figure caption in a <footer>, a long aside. Such blocks are kept where chrome is dropped.
 */
export function holdsProse(el: Element): boolean {
  return textLength(el) > 400 && el.getElementsByTagName('p').length > 0 && linkDensity(el) < 0.2;
}
