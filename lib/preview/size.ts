/**
 * How much a clip's body holds, as the preview says it: words, pictures, and how many of those
 * travel inside the clip (inlined as data) rather than as links Anytype fetches. Counted in the
 * background over the whole body (the preview is sent only its start), from the syntax our own
 * converter writes (lib/clip/markdown.ts), as lib/clip/text.ts reads it.
 */
import { inlinedImageCount } from '../clip/inline-budget';
import { markdownToText } from '../clip/text';

export interface ClipSize {
  words: number;
  images: number;
  inlinedImages: number;
}

/** `![description](`: the converter escapes a `[` or `]` of the description, and a `!` before a `[` of text. */
const IMAGE = /!\[(?:\\.|[^\]\\\n])*\]\(/g;
const WORDLIKE = /[\p{L}\p{N}]/u;

export function clipSize(markdown: string): ClipSize {
  let words = 0;
  for (const token of markdownToText(markdown).split(/\s+/)) if (WORDLIKE.test(token)) words += 1;
  let images = 0;
  for (const _ of markdown.matchAll(IMAGE)) images += 1;
  return { words, images, inlinedImages: inlinedImageCount(markdown) };
}
