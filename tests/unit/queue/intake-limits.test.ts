// @vitest-environment node
/**
 * What a clip may carry: the text limit counts text only (inlined images have their own cap), each
 * cap holds at its exact value, and a refused clip says which rule it broke, in words.
 */
import { describe, expect, it } from 'vitest';
import { MAX_INLINED_CHARS } from '../../../lib/clip/inline-budget';
import { isQueueError } from '../../../lib/queue';
import { admitClip } from '../../../lib/queue/intake';
import { DEFAULT_LIMITS } from '../../../lib/queue/policy';
import { clip } from './fakes';

const PREFIX = 'data:image/png;base64,';
/** Markdown whose inlined image destinations take exactly `chars` characters. */
const image = (chars: number) => `![](${PREFIX}${'A'.repeat(chars - PREFIX.length)})`;
const withMarkdown = (markdown: string) => {
  const input = clip(1);
  input.payload = { ...input.payload, markdown };
  return input;
};
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    return e;
  }
  return undefined;
};

describe('admitting a clip', () => {
  it('takes inlined images up to their cap exactly, and refuses one character more in words', () => {
    expect(() => admitClip(withMarkdown(image(MAX_INLINED_CHARS)), DEFAULT_LIMITS)).not.toThrow();
    const e = refusal(() => admitClip(withMarkdown(image(MAX_INLINED_CHARS + 1)), DEFAULT_LIMITS));
    expect(isQueueError(e) && e.code).toBe('too_large');
    expect((e as Error).message).toBe('This clip carries more images than one clip may hold.');
  });

  it('counts only the text against the text limit, which holds at its exact size', () => {
    const limits = { ...DEFAULT_LIMITS, maxMarkdownBytes: 100 };
    const text = 'x'.repeat(100);
    // `![](` and `)` around the image are text: 95 + 5 bytes.
    expect(() => admitClip(withMarkdown('x'.repeat(95) + image(5_000)), limits)).not.toThrow();
    expect(() => admitClip(withMarkdown(text), limits)).not.toThrow();
    const e = refusal(() => admitClip(withMarkdown(`${text}x`), limits));
    expect(isQueueError(e) && e.code).toBe('too_large');
  });

  it("names the problem of a malformed clip, in the schema's words", () => {
    const e = refusal(() => admitClip({ ...clip(1), target: { spaceId: '', typeKey: 'page' } }, DEFAULT_LIMITS));
    expect(isQueueError(e) && e.code).toBe('invalid');
    const message = (e as Error).message;
    expect(message).toMatch(/^This clip cannot be saved: .+\.$/);
    expect(message).not.toContain('{problem}');
    expect(message).not.toBe('This clip cannot be saved: invalid input.');
  });
});
