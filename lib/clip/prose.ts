/**
 * Prose that is not in <p>: text written straight into a <div> (lines apart with <br>), long list
 * items, definitions, preformatted text. Sites built that way are common on the web; the scope
 * step counts such blocks beside paragraphs, and Readability is handed their <div>s as <p>s, which
 * it reads far more reliably (a <div> of bare text is often cleaned away as holding "no content").
 */

/** Elements that break a block: a <div> holding one is a wrapper, not a paragraph. */
const BLOCK_CHILDREN = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul',
]);

function hasBlockChild(el: Element): boolean {
  for (const child of el.children) if (BLOCK_CHILDREN.has(child.localName)) return true;
  return false;
}

function linkedLength(el: Element): number {
  if (el.localName === 'a') return (el.textContent ?? '').length;
  let linked = 0;
  for (const a of el.getElementsByTagName('a')) linked += (a.textContent ?? '').length;
  return linked;
}

/** Text as read: markup's indentation is no prose. */
const readLength = (text: string) => text.replace(/\s+/g, ' ').trim().length;

/** Never text a reader reads, wherever it sits. */
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'button', 'select', 'textarea']);

/**
 * The block's own text (its text nodes and inline elements, not the blocks inside it) and the
 * part of it in links: text written between the <div>s and <br>s of a block is its prose.
 */
function ownText(el: Element): { length: number; linked: number } {
  let length = 0;
  let linked = 0;
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) length += readLength(node.textContent ?? '');
    else if (node.nodeType === 1) {
      const child = node as Element;
      if (BLOCK_CHILDREN.has(child.localName) || NOT_TEXT.has(child.localName)) continue;
      length += readLength(child.textContent ?? '');
      linked += linkedLength(child);
    }
  }
  return { length, linked };
}

/** Tags whose leaf elements can hold prose outside <p>. */
export const PROSE_TAGS = ['div', 'li', 'dd', 'pre'] as const;

/** A block outside <p> counts as prose from this many characters: menu items and labels are shorter. */
const MIN_BLOCK = 100;
/** Beyond this share of linked text a block is a menu or a teaser, not prose. */
const MAX_LINKED = 0.3;

/** The length of the block's own prose as read (all of a <pre>), or 0 below `min` or when it is mostly links. */
export function ownProseLength(el: Element, min = MIN_BLOCK, maxLinked = MAX_LINKED): number {
  if (el.localName === 'pre') return readLength(el.textContent ?? '');
  // Most <div>s are wrappers holding a whole page region; their text is their blocks', counted there.
  if ((el.textContent ?? '').length < min) return 0;
  const { length, linked } = ownText(el);
  return length < min || linked > maxLinked * length ? 0 : length;
}

/** The raw text length of `el` when it is a leaf block of prose (no block inside it, few links), else 0. */
function leafProseLength(el: Element, min: number, maxLinked: number): number {
  const length = (el.textContent ?? '').length;
  if (length < min || hasBlockChild(el)) return 0;
  return linkedLength(el) > maxLinked * length ? 0 : length;
}

/** Shorter than this, a <div> of text is a label or a date line, left for Readability to judge. */
const MIN_DIV_PARAGRAPH = 25;

/** Prose has words: a <div> holding one long token (a URL, a code) is not a paragraph. */
const WORDS = /\S+\s+\S+\s+\S+\s+\S/;

/** Each leaf <div> of prose under `root` becomes a <p> with the same attributes and content. */
export function divProseToParagraphs(root: Element): void {
  const doc = root.ownerDocument;
  for (const div of root.querySelectorAll('div')) {
    if (!leafProseLength(div, MIN_DIV_PARAGRAPH, 0.5) || !WORDS.test(div.textContent ?? '')) continue;
    const p = doc.createElement('p');
    for (const attr of div.attributes) p.setAttribute(attr.name, attr.value);
    p.append(...div.childNodes);
    div.replaceWith(p);
  }
}
