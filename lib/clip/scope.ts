/**
 * Where on the page the article can be, before any extractor runs: the deepest element holding
 * nearly all of the page's paragraph text. Whatever lies outside it (menus, sidebars, footers,
 * comment threads, teaser grids) holds almost no prose, so it is never copied, walked or scored,
 * and an extractor cannot mistake it for the article. Nothing is scoped when the page's prose is
 * not in <p> elements, or when no element holds nearly all of it (the article and the comments
 * side by side, say): the extractor then gets the whole page, as before.
 */

/** Share of the page's paragraph text the scope must hold. */
const PROSE_SHARE = 0.9;
/** Below this much paragraph text the page's prose is not in <p> elements. */
const MIN_PROSE = 500;

/** The deepest element under <body> holding PROSE_SHARE of its paragraph text, or undefined (use the whole page). */
export function articleScope(doc: Document): Element | undefined {
  const body = doc.body;
  if (!body) return undefined;
  // Paragraph text by parent first: paragraphs share a few parents, and only those walk up the tree.
  const byParent = new Map<Element, number>();
  let prose = 0;
  for (const p of body.getElementsByTagName('p')) {
    const length = (p.textContent ?? '').length;
    const parent = p.parentElement;
    prose += length;
    if (parent && parent !== body) byParent.set(parent, (byParent.get(parent) ?? 0) + length);
  }
  if (prose < MIN_PROSE) return undefined;
  const held = new Map<Element, number>();
  for (const [parent, length] of byParent) {
    for (let up: Element | null = parent; up && up !== body; up = up.parentElement) held.set(up, (held.get(up) ?? 0) + length);
  }
  // Elements holding more than half of the text are nested in one another: the deepest is the smallest.
  let best: Element | undefined;
  let bestDepth = -1;
  for (const [el, length] of held) {
    if (length < PROSE_SHARE * prose) continue;
    const depth = depthOf(el);
    if (depth > bestDepth) {
      best = el;
      bestDepth = depth;
    }
  }
  return best;
}

function depthOf(el: Element): number {
  let depth = 0;
  for (let up = el.parentElement; up; up = up.parentElement) depth++;
  return depth;
}
