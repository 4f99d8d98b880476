// One text limit, applied alike by the extractor, the background's check of what a page sent and
// the queue's intake: a page one gives, the next two take; a page one refuses, the background refuses.
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { buildClip } from '../../../lib/background/clip-builder';
import { CapturedPageSchema } from '../../../lib/capture/schema';
import { ClipError, clipFullPage } from '../../../lib/clip/index';
import { MAX_CLIP_TEXT_BYTES, MAX_NOTE_CHARS, MAX_PAGE_TEXT_BYTES, textBytes, utf8Length } from '../../../lib/clip/size-limits';
import { ClipSubmitSchema } from '../../../lib/protocol/messages';
import { admitClip } from '../../../lib/queue/intake';
import { DEFAULT_LIMITS } from '../../../lib/queue/policy';

/** Characters of 1, 2, 3 and 4 UTF-8 bytes that the converter writes unchanged. */
const WIDTHS = ['a', 'é', '€', '😀'];

/** Text of exactly `bytes` UTF-8 bytes, mostly of `wide`, padded with ASCII. */
function textOf(bytes: number, wide: string): string {
  const width = utf8Length(wide);
  const text = wide.repeat(Math.floor(bytes / width));
  return text + 'a'.repeat(bytes - utf8Length(text));
}

const captured = (markdown: string) => ({
  mode: 'article' as const,
  url: 'https://news.example/',
  title: 'Story',
  markdown,
  metadata: { authors: [] },
});

function extract(text: string): string | ClipError {
  const doc = new JSDOM(`<body><p>${text}</p></body>`).window.document;
  try {
    return clipFullPage(doc, 'https://news.example/').markdown;
  } catch (error) {
    if (error instanceof ClipError) return error;
    throw error;
  }
}

describe('the Markdown size limit', () => {
  it('the extractor, the capture check and the queue agree at the edge, for narrow and wide characters', () => {
    for (const wide of WIDTHS) {
      const atLimit = extract(textOf(MAX_PAGE_TEXT_BYTES, wide));
      expect(typeof atLimit, wide).toBe('string');
      expect(textBytes(atLimit as string)).toBe(MAX_PAGE_TEXT_BYTES);
      expect(v.is(CapturedPageSchema, captured(atLimit as string))).toBe(true);

      const over = textOf(MAX_PAGE_TEXT_BYTES + utf8Length(wide), wide);
      expect(extract(over)).toMatchObject({ kind: 'too_large' });
      expect(v.is(CapturedPageSchema, captured(over))).toBe(false);
    }
  });

  it('the capture check counts UTF-8 bytes of text, images apart, at any size near the limit', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WIDTHS), fc.integer({ min: -8, max: 8 }), fc.boolean(), (wide, delta, withImage) => {
        const image = withImage ? '\n\n![x](data:image/png;base64,AAAA)' : '';
        const markdown = textOf(MAX_PAGE_TEXT_BYTES + delta, wide) + image;
        expect(v.is(CapturedPageSchema, captured(markdown))).toBe(textBytes(markdown) <= MAX_PAGE_TEXT_BYTES);
      }),
      { numRuns: 16 },
    );
  });

  it('a page at the limit with the longest note the protocol allows is admitted by the queue', () => {
    const page = textOf(MAX_PAGE_TEXT_BYTES, '€');
    // The note that grows most: every character escaped and wide, a line each so each gets a `> `.
    const notes = ['*', '\\', '_', '`', '<', '[', '😀', '\n'].map((c) => c.repeat(MAX_NOTE_CHARS / c.length));
    notes.push(Array.from({ length: MAX_NOTE_CHARS / 2 }, () => '*\n').join(''));
    for (const note of notes) {
      expect(v.is(ClipSubmitSchema.entries.note, note)).toBe(true);
      const clip = buildClip(
        { pageUrl: `https://news.example/${'x'.repeat(7000)}`, pageTitle: '*'.repeat(1000), captured: captured(page) },
        { mode: 'article', spaceId: 'space-1', typeKey: 'page', title: 'Story', note },
      );
      expect(utf8Length(clip.payload.markdown)).toBeLessThanOrEqual(MAX_CLIP_TEXT_BYTES);
      expect(admitClip(clip, DEFAULT_LIMITS).payload.markdown).toBe(clip.payload.markdown);
    }
    expect(DEFAULT_LIMITS.maxMarkdownBytes).toBe(MAX_CLIP_TEXT_BYTES);
  });

  it('the queue refuses text past its own limit', () => {
    const markdown = textOf(MAX_CLIP_TEXT_BYTES + 1, 'é');
    expect(() =>
      admitClip({ target: { spaceId: 'space-1', typeKey: 'page' }, payload: { name: 'x', markdown, properties: [] }, sourceUrl: 'https://a.example/' }, DEFAULT_LIMITS),
    ).toThrow(expect.objectContaining({ code: 'too_large' }));
  });
});
