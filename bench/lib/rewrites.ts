/**
 * Content-preserving rewrites of a corpus page's article, for the metamorphic test
 * (`bench/extract.ts --metamorphic`): each moves or re-wraps the article's own paragraphs into a
 * shape common on the web and rare in the corpus, and adds no words of the article, so the page's
 * ground truth stays its ground truth and a clip of the rewritten page should keep as much of it
 * as a clip of the original.
 *
 * The article is found with the ground truth (the test's knowledge, never the extractor's): the
 * <p> elements whose shingles are mostly in the truth, and the deepest element holding nearly all
 * of their text. A rewrite that does not apply to a page (no such paragraphs, no headline) says so
 * and the page is left out of that rewrite's set.
 */
import { shingles } from './metric';

export const REWRITES = ['div-br', 'split-wrappers', 'inserts', 'lead-wrapper', 'lead-above-headline', 'long-lists'] as const;
export type RewriteName = (typeof REWRITES)[number];

export interface ArticleShape {
  /** The article's paragraphs in document order. */
  paragraphs: Element[];
  /** The deepest element holding nearly all of their text. */
  container: Element;
}

/** Share of a paragraph's shingles that must be in the truth for it to be the article's. */
const IN_TRUTH = 0.7;
/** Share of the article paragraphs' text the container holds. */
const CONTAINER_SHARE = 0.8;

/** The article's paragraphs and their container, by the ground truth; undefined when none is found. */
export function findArticle(doc: Document, truth: string): ArticleShape | undefined {
  const body = doc.body;
  if (!body) return undefined;
  const known = shingles(truth);
  const paragraphs: Element[] = [];
  for (const p of body.getElementsByTagName('p')) {
    const own = shingles(p.textContent ?? '');
    let total = 0;
    let hit = 0;
    for (const [key, n] of own) {
      total += n;
      if (known.has(key)) hit += n;
    }
    if (total >= 3 && hit >= IN_TRUTH * total) paragraphs.push(p);
  }
  // Nested <p> (invalid, but Blink keeps some): the outer one is the paragraph.
  const outer = paragraphs.filter((p) => !paragraphs.some((q) => q !== p && q.contains(p)));
  if (outer.length === 0) return undefined;
  const lengths = new Map(outer.map((p) => [p, (p.textContent ?? '').length]));
  const all = [...lengths.values()].reduce((a, b) => a + b, 0);
  const held = new Map<Element, number>();
  for (const [p, length] of lengths) {
    for (let up = p.parentElement; up; up = up.parentElement) held.set(up, (held.get(up) ?? 0) + length);
  }
  let container: Element = body;
  let depth = -1;
  for (const [el, length] of held) {
    if (length < CONTAINER_SHARE * all || !body.contains(el)) continue;
    const d = depthOf(el);
    if (d > depth) {
      container = el;
      depth = d;
    }
  }
  return { paragraphs: outer.filter((p) => container.contains(p)), container };
}

function depthOf(el: Element): number {
  let depth = 0;
  for (let up = el.parentElement; up; up = up.parentElement) depth++;
  return depth;
}

/** Runs of sibling article paragraphs with nothing but whitespace between them. */
function siblingRuns(paragraphs: readonly Element[]): Element[][] {
  const runs: Element[][] = [];
  const set = new Set(paragraphs);
  const done = new Set<Element>();
  for (const p of paragraphs) {
    if (done.has(p)) continue;
    const run = [p];
    done.add(p);
    for (let next = nextElementAcrossWhitespace(p); next && set.has(next); next = nextElementAcrossWhitespace(next)) {
      run.push(next);
      done.add(next);
    }
    runs.push(run);
  }
  return runs;
}

function nextElementAcrossWhitespace(el: Element): Element | null {
  for (let node = el.nextSibling; node; node = node.nextSibling) {
    if (node.nodeType === 1) return node as Element;
    if (node.nodeType === 3 && (node.textContent ?? '').trim()) return null;
    if (node.nodeType !== 3 && node.nodeType !== 8) return null;
  }
  return null;
}

function moveChildren(from: Element, to: Element): void {
  while (from.firstChild) to.appendChild(from.firstChild);
}

/** Each run of sibling paragraphs becomes one <div>, its paragraphs separated by two <br>. */
function divBr(doc: Document, { paragraphs }: ArticleShape): boolean {
  for (const run of siblingRuns(paragraphs)) {
    const div = doc.createElement('div');
    run[0]!.before(div);
    run.forEach((p, i) => {
      if (i > 0) div.append(doc.createElement('br'), doc.createElement('br'));
      moveChildren(p, div);
      p.remove();
    });
  }
  return true;
}

/** The paragraph at `share` of the article's text (0.5: the one holding its middle). */
function paragraphAt(paragraphs: readonly Element[], share: number): Element {
  const lengths = paragraphs.map((p) => (p.textContent ?? '').length);
  const total = lengths.reduce((a, b) => a + b, 0);
  let sum = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    sum += lengths[i]!;
    if (sum >= share * total) return paragraphs[i]!;
  }
  return paragraphs[paragraphs.length - 1]!;
}

/** The child of `container` holding `el`. */
function childHolding(container: Element, el: Element): Element {
  let child = el;
  while (child.parentElement && child.parentElement !== container) child = child.parentElement;
  return child;
}

/**
 * The container cut in two at the paragraph holding the article's middle: the second half moves to
 * a copy of the container (same tag and class, no id) placed right after it.
 */
function splitWrappers(doc: Document, { paragraphs, container }: ArticleShape): boolean {
  if (paragraphs.length < 2) return false;
  let middle = paragraphAt(paragraphs, 0.5);
  if (middle === paragraphs[0]) middle = paragraphs[1]!;
  let first: Element = container;
  if (container === doc.body) {
    first = doc.createElement('div');
    container.prepend(first);
    while (first.nextSibling) first.appendChild(first.nextSibling);
  }
  const cut = childHolding(first, middle);
  const second = first.cloneNode(false) as Element;
  second.removeAttribute('id');
  first.after(second);
  for (let node: ChildNode | null = cut; node; ) {
    const next: ChildNode | null = node.nextSibling;
    second.appendChild(node);
    node = next;
  }
  return true;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function inlineSvg(doc: Document): Element {
  const svg = doc.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '24');
  svg.setAttribute('height', '24');
  const path = doc.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', 'M4 4h16v16H4z');
  svg.append(path);
  return svg;
}

function shareRow(doc: Document): Element {
  const row = doc.createElement('div');
  row.className = 'share-buttons';
  for (const [href, label] of [
    ['https://twitter.com/intent/tweet', 'Twitter'],
    ['https://www.facebook.com/sharer/sharer.php', 'Facebook'],
    ['mailto:?subject=share', 'Email'],
  ] as const) {
    const a = doc.createElement('a');
    a.href = href;
    a.textContent = label;
    row.append(a, ' ');
  }
  return row;
}

function figure(doc: Document): Element {
  const fig = doc.createElement('figure');
  const img = doc.createElement('img');
  img.setAttribute('src', '/metamorphic-figure.jpg');
  img.setAttribute('alt', '');
  img.setAttribute('width', '640');
  img.setAttribute('height', '360');
  const caption = doc.createElement('figcaption');
  caption.textContent = 'A picture set between two paragraphs.';
  fig.append(img, caption);
  return fig;
}

/** An inline SVG, a share-button row and a figure with caption after the paragraphs at a quarter, half and three quarters. */
function inserts(doc: Document, { paragraphs }: ArticleShape): boolean {
  if (paragraphs.length < 2) return false;
  const at = [0.25, 0.5, 0.75].map((share) => paragraphAt(paragraphs, share));
  const last = paragraphs[paragraphs.length - 1];
  // After the last paragraph nothing of the article follows: the insert tests nothing there.
  const make = [inlineSvg, shareRow, figure];
  at.forEach((p, i) => {
    const el = make[i]!(doc);
    if (p === last) p.before(el);
    else p.after(el);
  });
  return true;
}

function leadBox(doc: Document, lead: Element): Element {
  const box = doc.createElement('div');
  box.className = 'article-lead';
  box.append(lead);
  return box;
}

/** The lead paragraph in a wrapper of its own just before the container. */
function leadWrapper(doc: Document, { paragraphs, container }: ArticleShape): boolean {
  if (paragraphs.length < 2 || container === doc.body) return false;
  container.before(leadBox(doc, paragraphs[0]!));
  return true;
}

/** The lead paragraph in a wrapper of its own just before the page's headline (its first <h1>). */
function leadAboveHeadline(doc: Document, { paragraphs }: ArticleShape): boolean {
  if (paragraphs.length < 2) return false;
  const h1 = [...doc.body.getElementsByTagName('h1')].find((h) => (h.textContent ?? '').trim());
  if (!h1 || h1.contains(paragraphs[0]!)) return false;
  h1.before(leadBox(doc, paragraphs[0]!));
  return true;
}

/** The paragraphs between a quarter and three quarters of the article become the items of long lists. */
function longLists(doc: Document, { paragraphs }: ArticleShape): boolean {
  const middle = paragraphs.slice(Math.floor(paragraphs.length / 4), Math.ceil((3 * paragraphs.length) / 4));
  const runs = siblingRuns(middle).filter((run) => run.length >= 2);
  if (runs.length === 0) return false;
  for (const run of runs) {
    const ul = doc.createElement('ul');
    run[0]!.before(ul);
    for (const p of run) {
      const li = doc.createElement('li');
      moveChildren(p, li);
      ul.append(li);
      p.remove();
    }
  }
  return true;
}

const APPLY: Record<RewriteName, (doc: Document, article: ArticleShape) => boolean> = {
  'div-br': divBr,
  'split-wrappers': splitWrappers,
  inserts,
  'lead-wrapper': leadWrapper,
  'lead-above-headline': leadAboveHeadline,
  'long-lists': longLists,
};

/** Rewrites `doc` in place; false (and `doc` untouched) when the rewrite does not apply to the page. */
export function rewritePage(doc: Document, truth: string, name: RewriteName): boolean {
  const article = findArticle(doc, truth);
  if (!article || article.paragraphs.length === 0) return false;
  return APPLY[name](doc, article);
}
