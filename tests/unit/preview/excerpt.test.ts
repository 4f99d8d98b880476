import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlinedImageChars } from '../../../lib/clip/inline-budget';
import { PREVIEW_INLINED_CHARS, PREVIEW_TEXT_CHARS, previewExcerpt } from '../../../lib/preview/excerpt';
import { clipSize } from '../../../lib/preview/size';

const picture = (chars: number) => `![p](data:image/png;base64,${'A'.repeat(chars)})`;

describe('what the preview is sent of a body', () => {
  it('a short body whole', () => {
    expect(previewExcerpt('# A\n\ntext')).toEqual({ markdown: '# A\n\ntext', truncated: false });
  });

  it('property: the start of the body, cut at a line, within the text and picture budgets', () => {
    const line = fc.oneof(
      fc.constant(''),
      fc.stringMatching(/^[a-z ]{1,3000}$/),
      fc.integer({ min: 10_000, max: 600_000 }).map(picture),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const body = lines.join('\n');
        const { markdown, truncated } = previewExcerpt(body);
        expect(body.startsWith(markdown)).toBe(true);
        expect(truncated).toBe(markdown.trimEnd() !== body.trimEnd());
        if (!truncated) return;
        // Cut at the end of a line, never inside one (the first line alone may be past a budget).
        const firstLine = body.split('\n')[0] ?? '';
        if (markdown.length > firstLine.length) {
          expect(body.slice(markdown.length)).toMatch(/^\s*\n/);
          expect(markdown.length - inlinedImageChars(markdown)).toBeLessThanOrEqual(PREVIEW_TEXT_CHARS);
          expect(inlinedImageChars(markdown)).toBeLessThanOrEqual(PREVIEW_INLINED_CHARS);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('one line longer than the budget is cut to its start', () => {
    const long = 'word '.repeat(10_000);
    expect(previewExcerpt(long)).toEqual({ markdown: long.slice(0, PREVIEW_TEXT_CHARS), truncated: true });
  });

  it('prefers a blank line between blocks near the end of what fits', () => {
    const para = `${'x'.repeat(99)}\n`;
    const body = `${para.repeat(150)}\n${para.repeat(100)}`;
    const { markdown } = previewExcerpt(body);
    expect(markdown).toBe(para.repeat(150).trimEnd());
  });
});

describe('the size of a body', () => {
  it('counts words (a number or °C is one), pictures and the pictures inlined in the clip', () => {
    const md = `# Tide pools\n\nSmall worlds, refilled *twice* a day.\n\n![a pool](https://x.example/p.png) ${picture(8)}\n\n| Pool | 19.5 °C |\n| --- | --- |`;
    expect(clipSize(md)).toEqual({ words: 11, images: 2, inlinedImages: 1 });
  });

  it('escaped brackets are text, not pictures', () => {
    expect(clipSize('!\\[not](a picture)')).toMatchObject({ images: 0 });
  });
});
