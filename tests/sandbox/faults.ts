/** Fault switches and the write limiter (one token bucket for every write, like Desktop's). */
import type { Faults } from './types';

export const DEFAULT_WRITE_LIMIT = { perSecond: 1, burst: 60 };

export function defaultFaults(): Faults {
  return { refuse: false, delayMs: 0, failAfterCreate: 0, rejectCreates: 0, dropAfterCreate: 0, dropPoint: 'before_headers', unauthorizedAll: false, writeLimit: { ...DEFAULT_WRITE_LIMIT } };
}

export interface LimitDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

export class WriteLimiter {
  private tokens: number;
  private last: number;
  private limit: Faults['writeLimit'];

  /** `now` is the sandbox's clock, so a test with a fake one refills the bucket without waiting. */
  constructor(
    limit: Faults['writeLimit'],
    private readonly now: () => number = Date.now,
  ) {
    this.limit = limit;
    this.tokens = limit?.burst ?? 0;
    this.last = now();
  }

  /** A new limit starts with a full bucket, so a test that sets one gets exactly `burst` writes. */
  configure(limit: Faults['writeLimit']): void {
    this.limit = limit;
    this.tokens = limit?.burst ?? 0;
    this.last = this.now();
  }

  take(): LimitDecision {
    const limit = this.limit;
    if (!limit) return { allowed: true, headers: {} };
    const now = this.now();
    this.tokens = Math.min(limit.burst, this.tokens + ((now - this.last) / 1000) * limit.perSecond);
    this.last = now;
    const allowed = this.tokens >= 1;
    if (allowed) this.tokens -= 1;
    const untilNext = this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / limit.perSecond);
    // IETF RateLimit header fields; deliberately no Retry-After (the server sends none).
    return {
      allowed,
      headers: {
        'RateLimit-Limit': String(limit.burst),
        'RateLimit-Remaining': String(Math.floor(this.tokens)),
        'RateLimit-Reset': String(untilNext),
      },
    };
  }
}

/** Operations that count as writes for the limiter. */
export const WRITE_OPERATIONS = new Set([
  'create_space',
  'update_space',
  'create_object',
  'update_object',
  'delete_object',
  'create_property',
  'update_property',
  'delete_property',
  'create_tag',
  'update_tag',
  'delete_tag',
  'create_type',
  'update_type',
  'delete_type',
  'add_list_objects',
  'remove_list_object',
]);
