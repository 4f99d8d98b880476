/**
 * What the popup's preview is sent of a clip's body: its start, cut at a line (a blank line
 * between blocks where one is near), so that a long page or many inlined pictures never make a
 * message of megabytes for a box a few lines high. Runs in the background, without the parser.
 */
import { inlinedImageChars } from '../clip/inline-budget';

/** Characters of text the preview gets (inlined pictures aside): many screens of the box. */
export const PREVIEW_TEXT_CHARS = 20_000;
/** Characters of inlined pictures it gets: some thumbnails, not the 5 MB a clip may carry. */
export const PREVIEW_INLINED_CHARS = 2_000_000;

export interface PreviewExcerpt {
  markdown: string;
  /** The body goes on past `markdown` (the clip saves all of it). */
  truncated: boolean;
}

export function previewExcerpt(markdown: string): PreviewExcerpt {
  if (markdown.length <= PREVIEW_TEXT_CHARS) return { markdown, truncated: false };
  let text = 0;
  let inlined = 0;
  let end = -1;
  let blankLine = -1;
  let at = 0;
  while (at <= markdown.length) {
    const next = markdown.indexOf('\n', at);
    const lineEnd = next < 0 ? markdown.length : next;
    const line = markdown.slice(at, lineEnd);
    const pictures = inlinedImageChars(line);
    text += line.length - pictures;
    inlined += pictures;
    const over = text > PREVIEW_TEXT_CHARS || inlined > PREVIEW_INLINED_CHARS;
    if (over && end < 0) {
      // One line past the budget on its own (a page of text without line breaks): its start.
      return pictures === 0 ? { markdown: line.slice(0, PREVIEW_TEXT_CHARS), truncated: true } : { markdown: line, truncated: lineEnd < markdown.length };
    }
    if (over) break;
    if (line.trim() === '' && at > 0) blankLine = at;
    end = lineEnd;
    at = lineEnd + 1;
  }
  if (end >= markdown.length) return { markdown, truncated: false };
  // Between blocks if a blank line is in the second half of what fits, else after the last whole line.
  const cut = blankLine > end / 2 ? blankLine : end;
  return { markdown: markdown.slice(0, cut).trimEnd(), truncated: true };
}
