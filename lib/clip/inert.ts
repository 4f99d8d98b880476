/**
 * Where extraction happens: never in the live page. Markup a page keeps inert (an attribute value,
 * template content, a sandboxed srcdoc) becomes live the moment something parses it, or an
 * element made from it, in the page's own document: an `<img onerror>` made there runs in the
 * page. So every mode first copies what it reads into a document of its own, made by DOMParser:
 * such a document has no browsing context, runs no script and loads nothing, and keeps the
 * page's URL (so its base is the page's). Everything after the copy (extractors, cleaning, the
 * markdown converter) works on nodes owned by that document.
 *
 * What still reads the live document: scope.ts, metadata.ts and url.ts read text, attributes and
 * the selection's ranges; the copies below read the nodes they copy. None of them creates a node
 * there. The image inliner (images.ts) reads no DOM at all: it fetches the image URLs the
 * converter wrote, with the page's credentials, and parses nothing.
 */

/** The DOMParser of the page's window where there is one (a content script's own may differ), else the global one. */
function parserFor(doc: Document): DOMParser {
  const view = doc.defaultView as (Window & { DOMParser?: typeof DOMParser }) | null;
  const Parser = view?.DOMParser ?? globalThis.DOMParser;
  return new Parser();
}

/** Parses HTML (an extractor's output) into an inert document. */
export function parseInert(html: string, like: Document): Document {
  return parserFor(like).parseFromString(html, 'text/html');
}

/**
 * An inert document with nothing in it, in the rendering mode of `like` (quirks mode changes how
 * class and id selectors match), ready for a copy of `like`'s root element.
 */
export function emptyInertDocument(like: Document): Document {
  const out = parseInert(like.compatMode === 'BackCompat' ? '' : '<!DOCTYPE html>', like);
  out.documentElement?.remove();
  return out;
}

/** A deep copy of the whole page in an inert document. */
export function inertCopy(doc: Document): Document {
  const out = emptyInertDocument(doc);
  if (doc.documentElement) out.appendChild(out.importNode(doc.documentElement, true));
  return out;
}

function isCharacterData(node: Node): node is CharacterData {
  return node.nodeType === 3 || node.nodeType === 4 || node.nodeType === 7 || node.nodeType === 8;
}

/** The part of a text (or comment) node inside the range, as a node of `out`. */
function slicedData(range: Range, node: CharacterData, out: Document): Node {
  const start = range.startContainer === node ? range.startOffset : 0;
  const end = range.endContainer === node ? range.endOffset : node.data.length;
  const copy = out.importNode(node, false) as CharacterData;
  copy.data = node.data.slice(start, end);
  return copy;
}

/** The child of `parent` that is or holds `node`. */
function childHolding(parent: Node, node: Node): Node {
  let child = node;
  while (child.parentNode !== parent) child = child.parentNode as Node;
  return child;
}

/**
 * Appends to `into` the part of `parent`'s children inside the range; `parent` holds one end of
 * the range or both. Children wholly inside are imported whole; the child holding an end is cut.
 * Only the range's ends are compared (no Range.isPointInRange or intersectsNode, which some
 * DOMs answer wrongly for documents other than the window's).
 */
function appendContents(range: Range, parent: Node, into: Node, out: Document): void {
  const children = parent.childNodes;
  const { startContainer, endContainer } = range;
  let from = 0;
  let to = children.length;
  let cutAtStart: Node | undefined;
  let cutAtEnd: Node | undefined;
  if (startContainer === parent) from = range.startOffset;
  else if (parent.contains(startContainer)) {
    cutAtStart = childHolding(parent, startContainer);
    from = Array.prototype.indexOf.call(children, cutAtStart);
  }
  if (endContainer === parent) to = range.endOffset;
  else if (parent.contains(endContainer)) {
    cutAtEnd = childHolding(parent, endContainer);
    to = Array.prototype.indexOf.call(children, cutAtEnd) + 1;
  }
  for (let i = from; i < to; i++) {
    const child = children[i] as Node;
    if (child !== cutAtStart && child !== cutAtEnd) into.appendChild(out.importNode(child, true));
    else if (isCharacterData(child)) into.appendChild(slicedData(range, child, out));
    else {
      const shell = out.importNode(child, false);
      appendContents(range, child, shell, out);
      into.appendChild(shell);
    }
  }
}

/**
 * What Range.cloneContents gives, built in `out` instead of the range's own document: a clone in
 * the live page would make its images load again and their handlers run again.
 */
export function cloneRangeInto(range: Range, out: Document): DocumentFragment {
  const fragment = out.createDocumentFragment();
  if (range.collapsed) return fragment;
  const common = range.commonAncestorContainer;
  if (isCharacterData(common)) fragment.appendChild(slicedData(range, common, out));
  else appendContents(range, common, fragment, out);
  return fragment;
}

/** The node factories of a document: markup given to what they make is parsed in that document. */
const FACTORIES = ['createElement', 'createElementNS', 'createDocumentFragment', 'createRange', 'importNode'] as const;

/**
 * Runs `run` with the global `document`'s node factories answered by `inert`. defuddle makes
 * some elements with the global `document` rather than the one it was given (it parses
 * `data-mathml` attributes so, and some site extractors re-parse the page's markup so); in a
 * content script that global is the live page, where such markup would run. The change is made
 * in this script's own world only (an isolated world's properties are not the page's) and is
 * undone before returning.
 */
export function withGlobalDocumentInert<T>(inert: Document, run: () => T): T {
  const live = (globalThis as { document?: Document }).document;
  if (!live || live === inert) return run();
  const target = live as unknown as Record<string, unknown>;
  const saved = FACTORIES.map((name) => [name, Object.getOwnPropertyDescriptor(live, name)] as const);
  for (const name of FACTORIES) {
    const factory = inert[name] as (...args: unknown[]) => unknown;
    Object.defineProperty(live, name, { configurable: true, writable: true, value: (...args: unknown[]) => factory.apply(inert, args) });
  }
  try {
    return run();
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(live, name, descriptor);
      else delete target[name];
    }
  }
}
