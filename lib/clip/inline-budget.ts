/**
 * How much inlined image data a clip may carry, and how to tell it apart from the text. Shared by
 * the clipper (which inlines), the background (which revalidates what the page sent) and the queue,
 * so the text limit is never spent on pictures and the pictures still have a hard cap.
 */

export interface InlineLimits {
  /** Decoded bytes of one image; a larger image stays a link. */
  perImageBytes: number;
  /** Decoded bytes of every inlined image of one clip together. */
  totalBytes: number;
  /** Images one clip may try to inline; those past it stay links. */
  maxImages: number;
  /** Fetches in flight at once, so a gallery does not flood the site. */
  concurrency: number;
  /** After this the clip goes ahead and images not fetched yet stay links. */
  deadlineMs: number;
}

export const INLINE_LIMITS: InlineLimits = {
  perImageBytes: 1024 * 1024,
  totalBytes: 5 * 1024 * 1024,
  maxImages: 40,
  concurrency: 4,
  deadlineMs: 3500,
};

/** The longest `data:image/…;base64,` prefix we write, plus the rounding of base64 to 4 characters. */
const PER_IMAGE_OVERHEAD = 32;

/** Characters inlined images can add to a clip's markdown, at most. */
export const MAX_INLINED_CHARS = Math.ceil(INLINE_LIMITS.totalBytes / 3) * 4 + INLINE_LIMITS.maxImages * PER_IMAGE_OVERHEAD;

const DATA_IMAGE_DESTINATION = /\]\(data:image\/[a-z]+;base64,[A-Za-z0-9+/=]*/g;

/** How many `data:image` image destinations the markdown holds (the preview's count of inlined pictures). */
export function inlinedImageCount(markdown: string): number {
  let count = 0;
  for (const _ of markdown.matchAll(DATA_IMAGE_DESTINATION)) count += 1;
  return count;
}

/** Characters of the markdown taken by `data:image` image destinations (ours or the page's own). */
export function inlinedImageChars(markdown: string): number {
  let total = 0;
  for (const match of markdown.matchAll(DATA_IMAGE_DESTINATION)) total += match[0].length - 2;
  return total;
}
