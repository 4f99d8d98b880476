/**
 * Picture captions and credits describe a picture, not the story: the plain text of an article
 * reads without them (the benchmark's human annotators leave them out, as readers skip them).
 * The picture itself stays; only its caption text goes.
 */

import { descendants, hasDescendant, textLength } from './dom';

/**
 * Class words sites use for caption boxes that are not <figcaption>, matched lower-cased: a pattern
 * without the i flag compiles in half the time, in every page a clip runs in.
 */
const CAPTION_CLASS = /(?:^|[-_\s])(?:caption|wp-caption-text|image-?credit|photo-?credit)(?:$|[-_\s])/;
/** A caption is a sentence or two; a longer block under such a name is prose we keep. */
const MAX_CAPTION = 500;

function isCaption(el: Element): boolean {
  if (el.localName === 'figcaption') return true;
  // A classed caption must sit beside a picture: the same class word names article summaries on some sites.
  if (!CAPTION_CLASS.test((el.getAttribute('class') ?? '').toLowerCase())) return false;
  const figure = el.closest('figure');
  const box = figure ?? el.parentElement;
  if (!box || !hasDescendant(box, 'img,picture')) return false;
  // Outside a <figure>, the box must hold little more than the picture and this text.
  return !!figure || textLength(box) <= textLength(el) + 40;
}

/** What `figcaption, [class*="caption" i], [class*="credit" i]` selects, without a selector engine. */
function maybeCaption(el: Element): boolean {
  if (el.localName === 'figcaption') return true;
  const cls = el.getAttribute('class');
  if (!cls) return false;
  const lower = cls.toLowerCase();
  return lower.includes('caption') || lower.includes('credit');
}

/** `elements`: those under `root` in document order, when the caller has listed them already. */
export function removeCaptions(root: Element, elements: readonly Element[] = descendants(root)): void {
  for (const el of elements) {
    if (!maybeCaption(el) || !root.contains(el)) continue;
    if (textLength(el) > MAX_CAPTION) continue;
    if (isCaption(el)) el.remove();
  }
}
