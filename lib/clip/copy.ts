/**
 * The copy of the page the article extractors work on. Extractors mutate what they read, so they
 * never get the live page; but a plain deep clone copies everything only for the extractor to
 * delete most of it again. This copy leaves out, while copying, what no extractor keeps and the
 * markdown converter would drop anyway (scripts, styles, SVG, form controls, embeds, hidden
 * elements, comments), and it drops inline `style` attributes once their one useful signal
 * (hidden or not) has been read: DOMs parse every style attribute they are given (jsdom eagerly,
 * with a CSS parser), and no extractor or converter of ours reads styles afterwards.
 */
import { holdsProse } from './dom';
import { resolveUrl } from './url';

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** Never reading matter; the converter drops all of them (or, for head links, they carry no text). */
const NEVER_CONTENT = new Set([
  'script', 'style', 'template', 'link', 'iframe', 'frame', 'object', 'embed', 'canvas', 'button', 'select', 'input',
  'textarea', 'dialog', 'audio', 'video',
]);

/** URL attributes an extractor copies out as they are: resolved here when the page's own base would be wrong. */
const URL_ATTRS: Record<string, readonly string[]> = { a: ['href'], img: ['src', 'data-src', 'data-original'] };

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/**
 * `names` is the element's attribute names, read once: attribute look-ups cost (jsdom converts
 * every argument and result), and most elements have none of the attributes asked about.
 */
function isHidden(el: Element, names: readonly string[]): boolean {
  if (names.length === 0) return false;
  if (names.includes('hidden')) return true;
  // Readability keeps aria-hidden images marked as fallbacks (formula images); so do we.
  if (names.includes('aria-hidden') && el.getAttribute('aria-hidden') === 'true' && !(el.getAttribute('class') ?? '').includes('fallback-image')) {
    return true;
  }
  if (!names.includes('style')) return false;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

function skipped(el: Element, tag: string, names: readonly string[]): boolean {
  // SVG and MathML: pictures and formulas the converter drops whole.
  if (el.namespaceURI !== HTML_NS) return true;
  if (tag === 'script') return el.getAttribute('type') !== 'application/ld+json';
  return NEVER_CONTENT.has(tag) || isHidden(el, names);
}

/** The page's own chrome by tag or landmark role; clean.ts removes the same inside an article. */
const CHROME_TAGS = new Set(['nav', 'aside', 'footer']);
const CHROME_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search']);

function isChrome(el: Element, tag: string, names: readonly string[], inArticle: boolean): boolean {
  // A <header> inside an article introduces it (standfirst, byline); outside, it is the site's masthead.
  const role = names.includes('role') ? (el.getAttribute('role') ?? '') : '';
  if (!(CHROME_TAGS.has(tag) || (tag === 'header' && !inArticle) || CHROME_ROLES.has(role))) return false;
  return !holdsProse(el);
}

function shallowCopy(el: Element, tag: string, names: readonly string[], out: Document, baseUrl: string | undefined): Element {
  const urlAttrs = baseUrl ? URL_ATTRS[tag] : undefined;
  // Most elements carry no style and no URL to fix: the DOM's own shallow clone copies their
  // attributes without the per-attribute name checks of setAttribute.
  if (!urlAttrs && !names.includes('style')) return out.importNode(el, false);
  let copy: Element;
  try {
    copy = out.createElement(tag);
  } catch {
    // A tag name the parser accepts but createElement refuses: fall back to a plain clone.
    const clone = out.importNode(el, false);
    clone.removeAttribute('style');
    return clone;
  }
  for (const name of names) {
    if (name === 'style') continue;
    let value = el.getAttribute(name) ?? '';
    if (urlAttrs?.includes(name) && baseUrl && !value.startsWith('#') && !/^\s*(?:data|javascript|vbscript|mailto|tel):/i.test(value)) {
      value = resolveUrl(value, baseUrl) ?? value;
    }
    try {
      copy.setAttribute(name, value);
    } catch {
      // Attribute names such as `@click` parse but are not valid to set; they carry nothing we use.
    }
  }
  return copy;
}

/** Tags around which whitespace renders nothing. */
const BLOCK = new Set([
  'html', 'head', 'body', 'title', 'meta', 'base', 'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td',
  'th', 'caption', 'ul', 'colgroup', 'col',
]);

function isBlock(node: Node | null): boolean {
  return node === null || (node.nodeType === 1 && BLOCK.has((node as Element).localName));
}

/**
 * Whether whitespace-only text in a block sits between two blocks (or at the block's edge).
 * Whitespace-only text between two blocks (or at a block's edge) renders nothing, yet it is
 * about two nodes in five of a typical page: every extractor walk, serialisation and the
 * converter pay for it. Whitespace next to inline content separates words and is kept.
 */
function besideBlocks(text: Node): boolean {
  // Comments are not copied: look past them to the real neighbours.
  let before = text.previousSibling;
  while (before?.nodeType === 8) before = before.previousSibling;
  let after = text.nextSibling;
  while (after?.nodeType === 8) after = after.nextSibling;
  return isBlock(before) && isBlock(after);
}

const NO_NAMES: readonly string[] = [];

/** Containers and inline wrappers that say nothing without content. */
const DROP_IF_EMPTY = new Set(['div', 'span', 'section', 'i', 'b', 'em', 'strong', 'small', 'u', 'font', 'label', 'ins', 'noscript']);

// Each DOM property read below goes through the DOM's bindings (in jsdom a wrapper check and a
// conversion per read), and this runs for every node of the page: each is read once.
function copyChildren(from: Node, to: Node, out: Document, baseUrl: string | undefined, inArticle: boolean, inPre = false): void {
  const inBlock = isBlock(from);
  for (let child = from.firstChild; child; child = child.nextSibling) {
    const type = child.nodeType;
    if (type === 3) {
      const data = (child as Text).data;
      if (!inPre && inBlock && !/\S/.test(data) && besideBlocks(child)) continue;
      to.appendChild(out.createTextNode(data));
    } else if (type === 1) {
      const el = child as Element;
      const tag = el.localName;
      // Most elements have no attribute: asking first spares an array for each of them.
      const names = el.hasAttributes() ? el.getAttributeNames() : NO_NAMES;
      if (skipped(el, tag, names) || isChrome(el, tag, names, inArticle)) continue;
      const copy = shallowCopy(el, tag, names, out, baseUrl);
      copyChildren(el, copy, out, baseUrl, inArticle || tag === 'article' || tag === 'main', inPre || tag === 'pre');
      // Emptied wrappers (ad slots whose script is gone, icon and spacer elements) hold no text and
      // no picture: every extractor and the converter would only walk past them.
      if (copy.firstChild === null && DROP_IF_EMPTY.has(tag)) continue;
      to.appendChild(copy);
    }
  }
}

/** Elements that only make sense inside their parent element. */
const INSIDE_ONLY = new Set(['td', 'th', 'tr', 'tbody', 'thead', 'tfoot', 'caption', 'li', 'dd', 'dt']);

/**
 * A detached copy of `doc` for extraction. `baseUrl` is the base relative URLs must resolve
 * against; when the document's own base differs (a detached or test document), link and image
 * URLs are made absolute in the copy, since extractors resolve them against the document's base.
 */
export function copyForExtraction(doc: Document, baseUrl: string, scope?: Element): Document {
  const out = doc.cloneNode(false) as Document;
  const resolveAgainst = doc.baseURI === baseUrl ? undefined : baseUrl;
  const root = doc.documentElement;
  if (!root) return out;
  const html = shallowCopy(root, root.localName, root.getAttributeNames(), out, resolveAgainst);
  if (scope && doc.head && doc.body) {
    // The head (title, metadata) and, in the body, only the scope element.
    const head = shallowCopy(doc.head, 'head', doc.head.getAttributeNames(), out, resolveAgainst);
    copyChildren(doc.head, head, out, resolveAgainst, false);
    const body = shallowCopy(doc.body, 'body', doc.body.getAttributeNames(), out, resolveAgainst);
    // A table cell or list item cut from its table or list is held in a plain block instead.
    const inner = INSIDE_ONLY.has(scope.localName) ? out.createElement('div') : shallowCopy(scope, scope.localName, scope.getAttributeNames(), out, resolveAgainst);
    copyChildren(scope, inner, out, resolveAgainst, true);
    body.appendChild(inner);
    html.append(head, body);
  } else {
    copyChildren(root, html, out, resolveAgainst, false);
  }
  out.appendChild(html);
  return out;
}
