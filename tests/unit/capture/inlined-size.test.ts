import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CapturedPageSchema } from '../../../lib/capture/schema';
import { MAX_INLINED_CHARS } from '../../../lib/clip/inline-budget';
import { MAX_PAGE_TEXT_BYTES as MAX_MARKDOWN_BYTES } from '../../../lib/clip/size-limits';
import { admitClip } from '../../../lib/queue/intake';
import { DEFAULT_LIMITS } from '../../../lib/queue/policy';
import { isQueueError } from '../../../lib/queue/types';

const MB = 1024 * 1024;
/** `count` images of `chars` base64 characters each, as the clipper writes them. */
const images = (count: number, chars: number) =>
  Array.from({ length: count }, (_, i) => `![Photo ${i}](data:image/jpeg;base64,${'A'.repeat(chars)})`).join('\n\n');

const page = (markdown: string) => ({ mode: 'article', url: 'https://news.example/', title: 'Story', markdown, metadata: {} });
const queued = (markdown: string) => ({
  target: { spaceId: 'space-1', typeKey: 'page' },
  payload: { name: 'Story', markdown, properties: [] },
  sourceUrl: 'https://news.example/',
});

describe('text and inlined images are capped apart', () => {
  const text = 'word '.repeat((1.5 * MB) / 5);
  const pictures = images(5, Math.floor(MAX_INLINED_CHARS / 5) - 64);

  it('the background accepts a page whose text fits even when images take more than the text cap', () => {
    const markdown = `${text}\n\n${pictures}`;
    expect(markdown.length).toBeGreaterThan(MAX_MARKDOWN_BYTES + 2 * MB);
    expect(v.safeParse(CapturedPageSchema, page(markdown)).success).toBe(true);
    expect(admitClip(queued(markdown), DEFAULT_LIMITS).payload.markdown).toBe(markdown);
  });

  it('still refuses too much text, and more image data than the image budget', () => {
    expect(v.safeParse(CapturedPageSchema, page('x'.repeat(MAX_MARKDOWN_BYTES + 1))).success).toBe(false);
    const tooManyPictures = `${text}\n\n${images(6, Math.floor(MAX_INLINED_CHARS / 5))}`;
    expect(v.safeParse(CapturedPageSchema, page(tooManyPictures)).success).toBe(false);
    const error = (() => {
      try {
        admitClip(queued(tooManyPictures), DEFAULT_LIMITS);
      } catch (e) {
        return e;
      }
    })();
    expect(isQueueError(error) && error.code).toBe('too_large');
  });
});
