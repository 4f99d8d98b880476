// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ERROR_KINDS } from '../../../lib/anytype/errors';
import { errorAction } from '../../../lib/popup/error-actions';

describe('the action every error comes with', () => {
  it('is decided for every kind: pair again when the key or the pairing is gone, settings for the set-up, else try again', () => {
    const decided = Object.fromEntries(ERROR_KINDS.map((kind) => [kind, errorAction(kind)]));
    expect(decided).toEqual({
      offline: 'retry',
      unauthorized: 'pair',
      origin_rejected: 'settings',
      rate_limited: 'retry',
      pairing_failed: 'retry',
      pairing_unavailable: 'pair',
      pairing_denied: 'pair',
      pairing_not_approved: 'retry',
      pairing_lapsed: 'pair',
      scoped_key: 'pair',
      key_expired: 'pair',
      bad_request: 'retry',
      not_found: 'retry',
      server: 'retry',
    });
    expect(errorAction('not_paired')).toBe('pair');
    expect(errorAction(undefined)).toBe('retry');
  });
});
