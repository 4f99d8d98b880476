/**
 * The copy of the page the article extractors work on. Extractors mutate what they read, and parse
 * what they find, so they never get the live page: the copy lives in an inert document (inert.ts).
 * It is the DOM's own deep import (native code in a browser, several times faster than copying
 * node by node from script), then pruned of what no extractor keeps and
 * the markdown converter would drop anyway: scripts, styles, SVG, form controls, embeds, hidden
 * elements, the page's own chrome and wrappers left empty. Comments and whitespace between blocks
 * stay: no extractor reads them, and the converter collapses whitespace as it writes.
 * Inline `style` attributes go once their one useful signal (hidden or not) has been read: no
 * extractor or converter of ours reads styles afterwards.
 */
import { holdsProse } from './dom';
import { emptyInertDocument } from './inert';
import { markFootnotes } from './footnotes';
import { markMath } from './math';
import { resolveUrl } from './url';

/**
 * Never reading matter; the converter drops all of them (or, for head links, they carry no text).
 * SVG and MathML: pictures and formulas the converter drops whole. JSON-LD stays, for defuddle.
 */
const NEVER_CONTENT =
  'script:not([type="application/ld+json"]),style,template,link,iframe,frame,object,embed,canvas,button,select,input,textarea,dialog,audio,video,svg,math';

/** Elements that may be hidden, or carry a style to drop. */
const MAYBE_HIDDEN = '[hidden],[aria-hidden="true"],[style]';

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  // Readability keeps aria-hidden images marked as fallbacks (formula images); so do we.
  if (el.getAttribute('aria-hidden') === 'true' && !(el.getAttribute('class') ?? '').includes('fallback-image')) return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/** The page's own chrome by tag or landmark role; clean.ts removes the same inside an article. */
const CHROME = 'nav,aside,footer,header,[role]';
const CHROME_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search']);

function isChrome(el: Element, inArticle: boolean): boolean {
  const tag = el.localName;
  // A <header> inside an article introduces it (standfirst, byline); outside, it is the site's masthead.
  const byTag = tag === 'nav' || tag === 'aside' || tag === 'footer' || (tag === 'header' && !inArticle && !el.parentElement?.closest('article,main'));
  if (!byTag && !CHROME_ROLES.has(el.getAttribute('role') ?? '')) return false;
  return !holdsProse(el);
}

/** Containers and inline wrappers that say nothing without content. */
const DROP_IF_EMPTY = 'div,span,section,i,b,em,strong,small,u,font,label,ins,noscript';
/** Containers around which whitespace renders nothing: holding only whitespace, they are empty too. */
const BLOCK_WRAPPERS = new Set(['div', 'section']);

function isEmpty(el: Element): boolean {
  if (el.firstChild === null) return true;
  return el.firstElementChild === null && BLOCK_WRAPPERS.has(el.localName) && !/\S/.test(el.textContent ?? '');
}

/** Link and image URLs an extractor copies out as they are: resolved here when the page's own base would be wrong. */
const URL_ATTRS = [
  ['a[href]', 'href'],
  ['img[src]', 'src'],
  ['img[data-src]', 'data-src'],
  ['img[data-original]', 'data-original'],
] as const;

function resolveUrls(root: Element, baseUrl: string): void {
  for (const [selector, name] of URL_ATTRS) {
    for (const el of root.querySelectorAll(selector)) {
      const value = el.getAttribute(name) ?? '';
      if (value.startsWith('#') || /^\s*(?:data|javascript|vbscript|mailto|tel):/i.test(value)) continue;
      el.setAttribute(name, resolveUrl(value, baseUrl) ?? value);
    }
  }
}

/** `inArticle`: the whole of `root` is (part of) the article, so no <header> in it is the site's. */
function prune(root: Element, inArticle: boolean): void {
  // Formulas keep their TeX as text before their scripts and MathML go (math.ts).
  markMath(root);
  markFootnotes(root);
  for (const el of root.querySelectorAll(NEVER_CONTENT)) el.remove();
  for (const el of root.querySelectorAll(MAYBE_HIDDEN)) {
    if (isHidden(el)) el.remove();
    else el.removeAttribute('style');
  }
  // Prose is judged on what is left: text of scripts and hidden blocks is not reading matter.
  for (const el of root.querySelectorAll(CHROME)) if (isChrome(el, inArticle)) el.remove();
  // Emptied wrappers (ad slots whose script is gone, icon and spacer elements) hold no text and no
  // picture. Last to first, so a wrapper emptied by removing its empty children goes too.
  const wrappers = root.querySelectorAll(DROP_IF_EMPTY);
  for (let i = wrappers.length - 1; i >= 0; i--) {
    const el = wrappers[i]!;
    if (isEmpty(el)) el.remove();
  }
}

/** Elements that only make sense inside their parent element. */
const INSIDE_ONLY = new Set(['td', 'th', 'tr', 'tbody', 'thead', 'tfoot', 'caption', 'li', 'dd', 'dt']);

/**
 * A copy of `doc` for extraction, in an inert document: the head and, in the body, only `scope`
 * when given. `baseUrl` is the base relative URLs must resolve against; when the copy's own base
 * differs (a detached or test document, a browser whose parser documents have another URL), link
 * and image URLs are made absolute in the copy, since extractors resolve them against its base.
 */
export function copyForExtraction(doc: Document, baseUrl: string, scope?: Element): Document {
  const out = emptyInertDocument(doc);
  const root = doc.documentElement;
  if (!root) return out;
  let html: Element;
  if (scope && doc.head && doc.body) {
    html = out.importNode(root, false);
    const body = out.importNode(doc.body, false);
    let inner = out.importNode(scope, true);
    if (INSIDE_ONLY.has(scope.localName)) {
      // A table cell or list item cut from its table or list is held in a plain block instead.
      const holder = out.createElement('div');
      holder.append(...inner.childNodes);
      inner = holder;
    }
    prune(inner, true);
    body.appendChild(inner);
    const head = out.importNode(doc.head, true);
    prune(head, false);
    html.append(head, body);
  } else {
    html = out.importNode(root, true);
    prune(html, false);
  }
  out.appendChild(html);
  if (out.baseURI !== baseUrl) resolveUrls(html, baseUrl);
  return out;
}
