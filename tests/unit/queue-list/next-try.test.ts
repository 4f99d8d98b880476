import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextTryText, waitText } from '../../../lib/queue-list/next-try';

describe('when a clip is tried again', () => {
  it('says the wait in the largest unit that reads well, never zero', () => {
    expect(waitText(0)).toBe('1 s');
    expect(waitText(59_000)).toBe('59 s');
    expect(waitText(60_000)).toBe('1 min');
    expect(waitText(150_000)).toBe('3 min');
    expect(waitText(3_600_000)).toBe('1 h');
    expect(waitText(3_660_000)).toBe('1 h 1 min');
  });

  it('has a sentence for every state but sending, and counts down to now', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('waiting' as const, 'paused' as const, 'failed' as const, 'sending' as const),
        fc.option(fc.integer({ min: 0, max: 10 ** 10 }), { nil: undefined }),
        fc.integer({ min: 0, max: 10 ** 10 }),
        fc.option(fc.constantFrom('pairing' as const, 'timed' as const), { nil: undefined }),
        (state, at, now, pause) => {
          const text = nextTryText(state, { at, now, ...(pause ? { pause } : {}) });
          let expected: string | RegExp | undefined;
          if (state === 'sending') expected = undefined;
          else if (state === 'failed') expected = 'No more tries until you choose Retry now.';
          else if (state === 'paused' && pause === 'pairing') expected = 'Next try: once you pair again.';
          else if (at === undefined || at <= now) expected = 'Next try: now.';
          else expected = /^Next try in \d+ (s|min|h)( \d+ min)?\.$/;
          if (expected instanceof RegExp) expect(text).toMatch(expected);
          else expect(text).toBe(expected);
        },
      ),
    );
  });
});
