import { describe, expect, it } from 'vitest';
import { waitingLine } from '../../../lib/popup/queue-view';

describe('queue in the popup', () => {
  it.each([
    [{ pending: 0, failed: 0, paused: false }, undefined],
    [{ pending: 2, failed: 0, paused: false, waitingReason: 'offline' as const }, /^2 clips waiting: Anytype is not running/],
    [{ pending: 1, failed: 0, paused: true }, /^1 clip waiting: .*Pair again/],
    [{ pending: 3, failed: 0, paused: false }, /^3 clips waiting; sending now/],
  ])('says %o', (summary, expected) => {
    const line = waitingLine(summary);
    if (expected === undefined) expect(line).toBeUndefined();
    else expect(line).toMatch(expected);
  });
});
