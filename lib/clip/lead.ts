/**
 * The article's lead paragraph outside the block the extractor chose: sites put the standfirst or
 * first paragraph in a wrapper of its own before the body container, or even above the headline,
 * and Readability, which keeps one container and its like siblings, leaves it behind. When the
 * paragraph just before the first one kept is close to it (only a headline, a byline or a picture
 * between) and reads as prose, it is the article's lead and goes back in front.
 */
import { linkDensity } from './dom';

/** Text allowed between the lead and the first kept paragraph: a headline, a byline, a date, a caption. */
const MAX_GAP = 400;
/** Short paragraphs (captions, bylines) passed over on the way back to the lead. */
const MAX_SKIPPED = 3;
/** A lead is a sentence or more. */
const MIN_LEAD = 60;
/** The first kept paragraph is found by this much of its text. */
const KEY = 80;
/** Where the page's chrome lives: a paragraph in it is not the article's. */
const CHROME = 'nav,aside,footer,form,[role="navigation"],[role="complementary"],[role="contentinfo"]';
const CAPTION = 'figure,figcaption,[class*="caption" i],[class*="credit" i],[class*="media" i],[class*="photo" i],[class*="image" i]';
const SENTENCE_END = /[.!?…"”’»)]$/;

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function firstParagraph(content: Element): string | undefined {
  for (const p of content.getElementsByTagName('p')) {
    const text = collapse(p.textContent ?? '');
    if (text.length >= MIN_LEAD) return text.slice(0, KEY);
  }
  return undefined;
}

/** A picture's caption or credit, which often stands just before the first paragraph. */
function isCaption(p: Element): boolean {
  if (p.closest(CAPTION)) return true;
  const parent = p.parentElement;
  return !!parent && parent.querySelector('img,picture,video') !== null;
}

function isLead(p: Element, text: string): boolean {
  return text.length >= MIN_LEAD && SENTENCE_END.test(text) && linkDensity(p) < 0.2 && !p.closest(CHROME) && !isCaption(p);
}

/** The text between the end of `from` and the start of `to` (later in the page), counted up to just past MAX_GAP. */
function textBetween(doc: Document, from: Element, to: Element): number {
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  walker.currentNode = from;
  let length = 0;
  for (let node = walker.nextNode(); node && length <= MAX_GAP; node = walker.nextNode()) {
    if (from.contains(node)) continue;
    if (to.contains(node)) break;
    const parent = node.parentElement?.localName;
    if (parent === 'script' || parent === 'style') continue;
    length += collapse(node.textContent ?? '').length;
  }
  return length;
}

/** Adds the page's lead paragraph to the top of `content` when the extractor left it out. */
export function keepLead(doc: Document, content: Element): void {
  const key = firstParagraph(content);
  if (!key || !doc.body) return;
  const paragraphs = doc.body.getElementsByTagName('p');
  let first = -1;
  for (let i = 0; i < paragraphs.length; i++) {
    if (collapse(paragraphs[i]!.textContent ?? '').startsWith(key)) {
      first = i;
      break;
    }
  }
  if (first <= 0) return;
  const start = paragraphs[first]!;
  // Back over short paragraphs (a caption, a byline) to the nearest one that reads as prose.
  let candidate: Element | undefined;
  let text = '';
  for (let i = first - 1; i >= 0 && i >= first - MAX_SKIPPED - 1; i--) {
    const p = paragraphs[i]!;
    if (p.contains(start) || start.contains(p)) return;
    if (textBetween(doc, p, start) > MAX_GAP) return;
    text = collapse(p.textContent ?? '');
    if (isLead(p, text)) {
      candidate = p;
      break;
    }
  }
  if (!candidate || collapse(content.textContent ?? '').includes(text.slice(0, KEY))) return;
  const lead = content.ownerDocument.importNode(candidate, true);
  // Links read in the copy as they read on the page.
  const from = candidate.querySelectorAll('a[href]');
  lead.querySelectorAll('a[href]').forEach((a, i) => {
    a.setAttribute('href', (from[i] as HTMLAnchorElement).href);
  });
  for (const img of lead.querySelectorAll('img')) img.remove();
  (content.firstElementChild?.localName === 'div' ? content.firstElementChild : content).prepend(lead);
}
