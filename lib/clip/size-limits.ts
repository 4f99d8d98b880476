/**
 * How much Markdown text a clip may carry: the one place for the limits the extractor, the
 * background's check of what a page sent (lib/capture/schema.ts) and the queue's intake
 * (lib/queue/intake.ts) all apply. Inlined images have their own budget (./inline-budget.ts) and
 * are never counted here, so a clip with pictures may be larger than its text allows.
 *
 * Why 2 MiB of page text: Anytype Desktop turns the body into blocks through its paste path
 * (splitting paragraphs near 1,024 characters), so 2 MiB is already two thousand blocks or more in
 * one object; past that a clip is more likely a runaway page than something to read. It is also what
 * the extractor has always refused past, so people see the same limit as before.
 */
import { inlinedImageChars } from './inline-budget';

/** UTF-8 bytes of Markdown a page may give: the extractor stops there, the background checks it again. */
export const MAX_PAGE_TEXT_BYTES = 2 * 1024 * 1024;

/** Characters of the note a person may add to a clip. */
export const MAX_NOTE_CHARS = 20_000;

/**
 * What the background adds to the page's text before it queues the clip: the note as a quote (each
 * character escaped at worst, up to 3 UTF-8 bytes each, and `> ` on each line) and the source line.
 */
export const MAX_CLIP_ADDITION_BYTES = 256 * 1024;

/** UTF-8 bytes of Markdown text one queued clip may carry: the page's text and what the background added. */
export const MAX_CLIP_TEXT_BYTES = MAX_PAGE_TEXT_BYTES + MAX_CLIP_ADDITION_BYTES;

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** The bytes the text limits count: the Markdown without its inlined `data:image` destinations (ASCII). */
export function textBytes(markdown: string): number {
  return utf8Length(markdown) - inlinedImageChars(markdown);
}
