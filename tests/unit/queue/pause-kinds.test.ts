import { describe, expect, it } from 'vitest';
import { AnytypeError } from '../../../lib/anytype/errors';
import { classifyError } from '../../../lib/queue/policy';

// A key that needs pairing again pauses the queue (nothing counted) instead of being held like a
// rate limit; the three kinds fell through to the rate-limit case once, after two concurrent edits.
describe('a key that needs pairing pauses the queue', () => {
  it.each(['unauthorized', 'key_expired', 'scoped_key'] as const)('%s pauses', (kind) => {
    expect(classifyError(new AnytypeError(kind)).action).toBe('pause');
  });

  it('a rate limit is still held, not paused', () => {
    expect(classifyError(new AnytypeError('rate_limited')).action).toBe('hold_rate');
  });
});
