/**
 * Promotions set between an article's paragraphs: a paragraph that is nothing but one link to
 * another story or to an app ("SEE ALSO: …", a headline in capitals). Prose paragraphs carry
 * their links inside sentences, so a paragraph made of a link alone is a signpost, not text.
 */
import { descendants, shortTextOf, textLength } from './dom';

/** Longer than this, a fully linked paragraph is more likely a quoted passage than a signpost. */
const MAX_PROMO = 160;

function isShouting(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 12 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

export function isLinkPromo(p: Element): boolean {
  // A paragraph far over the limit is ruled out from a prefix of its text.
  const total = shortTextOf(p, MAX_PROMO)?.length;
  if (!total) return false;
  const links = descendants(p, (el) => el.localName === 'a');
  if (links.length !== 1) return false;
  const linked = textLength(links[0]!);
  // A label before the link ("SEE MORE:", "READ:") still leaves a signpost.
  if (linked < 0.6 * total) return false;
  return isShouting(p.textContent ?? '');
}

/** `paragraphs`: the <p> elements under `root` in document order, when the caller has listed them already. */
export function removeLinkPromos(root: Element, paragraphs: readonly Element[] = descendants(root, (el) => el.localName === 'p')): void {
  for (const p of paragraphs) {
    if (root.contains(p) && isLinkPromo(p)) p.remove();
  }
}
