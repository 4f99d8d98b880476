/** Small DOM helpers shared by the extractors. Only standard DOM; no browser-extension or Node APIs. */

/** Text as read: runs of whitespace as one space, none at the ends. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function readLength(text: string): number {
  return collapse(text).length;
}

export function textLength(el: Node): number {
  return readLength(el.textContent ?? '');
}

/**
 * The element's text with whitespace collapsed (what textLength counts), or undefined when that is
 * longer than `max`: a block holding an article's whole text is ruled out from a prefix of it,
 * without collapsing all of it.
 */
export function shortTextOf(el: Node, max: number): string | undefined {
  const raw = el.textContent ?? '';
  // The collapsed prefix is a prefix of the collapsed whole.
  if (raw.length > 4 * max && collapse(raw.slice(0, 4 * max)).length > max) return undefined;
  const text = collapse(raw);
  return text.length <= max ? text : undefined;
}

/**
 * The elements under `root` (not `root` itself) in document order, as a static list. A tree
 * walker is the cheapest way to list them: selector engines and live collections (jsdom's
 * especially) cost several times more per element.
 */
export function descendants(root: Element, accept?: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!accept || accept(node as Element)) out.push(node as Element);
  }
  return out;
}

/**
 * Whether an element under `root` matches `selector` (tag names here). A browser answers from
 * native code, stopping at the first match; a walk from script pays a call per element.
 */
export function hasDescendant(root: Element | DocumentFragment, selector: string): boolean {
  return root.querySelector(selector) !== null;
}

const isLink = (el: Element) => el.localName === 'a';

/** Share of an element's text that sits inside links: high for menus, related lists, tag clouds. */
export function linkDensity(el: Element, total = textLength(el)): number {
  if (total === 0) return 0;
  let linked = 0;
  for (const a of descendants(el, isLink)) linked += textLength(a);
  return Math.min(1, linked / total);
}

/**
 * Real prose (paragraphs, enough text, few links) inside a block whose tag or role says "chrome":
 * a figure caption in a <footer>, a long aside. Such blocks are kept where chrome is dropped.
 */
export function holdsProse(el: Element): boolean {
  // The raw text is never shorter than the normalised one: most chrome is ruled out without normalising.
  const raw = el.textContent ?? '';
  if (raw.length <= 400) return false;
  const total = readLength(raw);
  return total > 400 && hasDescendant(el, 'p') && linkDensity(el, total) < 0.2;
}
