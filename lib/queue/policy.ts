/**
 * Retry policy: how long to wait, which failures count, and what each error kind means for a job.
 * Pure functions so the numbers can be tested and tuned without the queue around them.
 */
import { MAX_CLIP_TEXT_BYTES } from '../clip/size-limits';
import type { JobError } from './types';

export interface QueueLimits {
  /** UTF-8 bytes of markdown one clip may carry. */
  maxMarkdownBytes: number;
  /** Jobs not yet done (pending, sending, failed) the queue holds before refusing more. */
  maxOpenJobs: number;
  /** Counted attempts before a job is failed and shown to the person. */
  maxAttempts: number;
  /** 429 answers a job may take before they start counting as attempts. */
  freeRateLimitHits: number;
  /** Done jobs kept for the popup's "Saved" list and for dedupe. */
  keepDone: number;
  /** How long a discarded clip can be put back (the list offers Undo for a few seconds of it). */
  undoDiscardMs: number;
}

export const DEFAULT_LIMITS: QueueLimits = {
  maxMarkdownBytes: MAX_CLIP_TEXT_BYTES,
  maxOpenJobs: 500,
  maxAttempts: 8,
  freeRateLimitHits: 100,
  keepDone: 50,
  undoDiscardMs: 60_000,
};

export const RATE_LIMIT_BASE_MS = 1_000;
export const RATE_LIMIT_CAP_MS = 60_000;
export const OFFLINE_BASE_MS = 5_000;
export const OFFLINE_CAP_MS = 5 * 60_000;
export const SERVER_BASE_MS = 2_000;
export const SERVER_CAP_MS = 5 * 60_000;
/** The shortest wait: a zero jitter draw must not turn into a busy loop against the limiter. */
export const MIN_DELAY_MS = 250;
/**
 * Alarm set while a request is in flight: if the worker dies mid-request, this wakes it again so
 * recover() can reconcile the job instead of leaving it until the next browser event.
 */
export const SENDING_WATCHDOG_MS = 60_000;

function ceiling(base: number, cap: number, exponent: number): number {
  return Math.min(cap, base * 2 ** Math.min(exponent, 30));
}

/** Full jitter (uniform in [0, ceiling]), for the limiter every local client shares. */
export function rateLimitDelay(streak: number, random: () => number): number {
  return Math.max(MIN_DELAY_MS, Math.floor(random() * ceiling(RATE_LIMIT_BASE_MS, RATE_LIMIT_CAP_MS, streak)));
}

/** Equal jitter (half fixed, half random): Anytype being closed is not a contention problem. */
export function offlineDelay(streak: number, random: () => number): number {
  const c = ceiling(OFFLINE_BASE_MS, OFFLINE_CAP_MS, streak);
  return Math.max(MIN_DELAY_MS, Math.floor(c / 2 + (random() * c) / 2));
}

export function serverDelay(attempts: number, random: () => number): number {
  const c = ceiling(SERVER_BASE_MS, SERVER_CAP_MS, Math.max(0, attempts - 1));
  return Math.max(MIN_DELAY_MS, Math.floor(c / 2 + (random() * c) / 2));
}

/**
 * What the queue does with a failure:
 * - pause: every job waits for resume() (new pairing); nothing counted.
 * - hold: every job waits (limiter or Anytype unreachable); not counted.
 * - fail: the person must change something; failed at once.
 * - retry: counted; failed after maxAttempts.
 */
export type ErrorAction = 'pause' | 'hold_rate' | 'hold_offline' | 'hold_origin' | 'fail' | 'retry';

export interface ClassifiedError {
  action: ErrorAction;
  /** The request may have created the object even though it failed. */
  mayHaveApplied: boolean;
  error: JobError;
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/**
 * Reads an AnytypeError-like `{kind, mayHaveApplied}`. Anything else (a bug, a parse failure of a
 * 2xx answer) is treated as a counted failure that may have applied: the request may have left.
 */
export function classifyError(err: unknown): ClassifiedError {
  // The client could not even be made (no key, Disconnect): nothing was sent, and spending
  // attempts would fail every waiting clip while the person has not paired yet.
  if (field(err, 'code') === 'not_paired') {
    const text = field(err, 'message');
    return { action: 'pause', mayHaveApplied: false, error: { kind: 'not_paired', message: typeof text === 'string' ? text : String(err) } };
  }
  const kind = field(err, 'kind');
  const rawMessage = field(err, 'message');
  const message = typeof rawMessage === 'string' && rawMessage !== '' ? rawMessage : String(err);
  if (typeof kind !== 'string') {
    return { action: 'retry', mayHaveApplied: true, error: { kind: 'unknown', message } };
  }
  const mayHaveApplied = field(err, 'mayHaveApplied') === true;
  const error = { kind, message };
  switch (kind) {
    // The key no longer works (refused, expired, or narrowed in Desktop): wait for pairing again.
    case 'unauthorized':
    case 'key_expired':
    case 'scoped_key':
      return { action: 'pause', mayHaveApplied, error };
    case 'rate_limited':
      return { action: 'hold_rate', mayHaveApplied, error };
    case 'offline':
      return { action: 'hold_offline', mayHaveApplied, error };
    case 'origin_rejected':
      return { action: 'hold_origin', mayHaveApplied, error };
    case 'bad_request':
    case 'not_found':
      return { action: 'fail', mayHaveApplied, error };
    default:
      return { action: 'retry', mayHaveApplied, error };
  }
}

export { utf8Length } from '../clip/size-limits';

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
