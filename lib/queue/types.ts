/**
 * The clip queue's data: what is stored in storage.local and validated again on every load.
 * The schemas are the single source of the types so stored state and code cannot drift apart.
 */
import * as v from 'valibot';
import type { QueueLimits } from './policy';

const nonEmpty = v.pipe(v.string(), v.minLength(1));
const key = v.pipe(v.string(), v.minLength(1), v.maxLength(256));

/**
 * One property entry of an Anytype create-object request (PropertyLinkWithValue). Declared here
 * rather than imported so a change in the client's input schema can never make stored clips invalid.
 */
export const PropertyEntrySchema = v.union([
  v.strictObject({ key, text: v.string() }),
  v.strictObject({ key, number: v.number() }),
  v.strictObject({ key, select: nonEmpty }),
  v.strictObject({ key, multi_select: v.array(nonEmpty) }),
  v.strictObject({ key, date: nonEmpty }),
  v.strictObject({ key, files: v.array(nonEmpty) }),
  v.strictObject({ key, checkbox: v.boolean() }),
  v.strictObject({ key, url: v.string() }),
  v.strictObject({ key, email: v.string() }),
  v.strictObject({ key, phone: v.string() }),
  v.strictObject({ key, objects: v.array(nonEmpty) }),
]);
export type PropertyEntry = v.InferOutput<typeof PropertyEntrySchema>;

export const ClipTargetSchema = v.object({
  spaceId: nonEmpty,
  typeKey: key,
  templateId: v.optional(nonEmpty),
  collectionId: v.optional(nonEmpty),
});
export type ClipTarget = v.InferOutput<typeof ClipTargetSchema>;

export const ClipPayloadSchema = v.object({
  name: v.string(),
  markdown: v.string(),
  properties: v.array(PropertyEntrySchema),
  tagNames: v.optional(v.array(nonEmpty)),
});
export type ClipPayload = v.InferOutput<typeof ClipPayloadSchema>;

export const JOB_STATUSES = ['pending', 'sending', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const JobErrorSchema = v.object({ kind: v.string(), message: v.string() });
export type JobError = v.InferOutput<typeof JobErrorSchema>;

const time = v.pipe(v.number(), v.finite(), v.minValue(0));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const ClipJobSchema = v.object({
  clientId: v.pipe(v.string(), v.uuid()),
  createdAt: time,
  target: ClipTargetSchema,
  payload: ClipPayloadSchema,
  sourceUrl: v.string(),
  status: v.picklist(JOB_STATUSES),
  /** Create/read attempts that count towards the failure limit (429s only past a generous cap). */
  attempts: count,
  /** 429 answers seen; they do not count as attempts until this passes the cap. */
  rateLimitHits: v.optional(count),
  nextAttemptAt: v.optional(time),
  lastError: v.optional(JobErrorSchema),
  /** Anytype may hold this clip already (a create was in doubt): look before sending again. */
  mustReconcile: v.optional(v.boolean()),
  /** When the first create that may have applied was sent: the lower bound for findExisting. */
  sentAt: v.optional(time),
  /** Set as soon as Anytype answered the create; from then on only the collection add is left. */
  objectId: v.optional(nonEmpty),
  doneAt: v.optional(time),
});
export type ClipJob = v.InferOutput<typeof ClipJobSchema>;

/** A stored entry that failed validation: kept verbatim with the reason, never dropped silently. */
export const QuarantineEntrySchema = v.object({ raw: v.unknown(), reason: v.string(), at: time });
export type QuarantineEntry = v.InferOutput<typeof QuarantineEntrySchema>;

export const WAIT_REASONS = ['offline', 'rate_limited', 'origin_rejected'] as const;
export type HoldReason = (typeof WAIT_REASONS)[number];

/** A queue-wide pause on writes: Anytype's limiter and reachability are shared by every job. */
export const HoldSchema = v.object({ reason: v.picklist(WAIT_REASONS), until: time, streak: count });
export type Hold = v.InferOutput<typeof HoldSchema>;

export const QUEUE_STATE_VERSION = 1;

export interface QueueState {
  version: typeof QUEUE_STATE_VERSION;
  jobs: ClipJob[];
  quarantine: QuarantineEntry[];
  paused: null | 'unauthorized';
  hold: Hold | null;
}

/** What the caller hands to enqueue. `clientId` lets a retried submit of the same form dedupe. */
export const EnqueueInputSchema = v.object({
  clientId: v.optional(v.pipe(v.string(), v.uuid())),
  target: ClipTargetSchema,
  payload: ClipPayloadSchema,
  sourceUrl: v.string(),
});
export type EnqueueInput = v.InferInput<typeof EnqueueInputSchema>;

export type WaitingReason = HoldReason | 'unauthorized';

export interface QueueSummary {
  pending: number;
  sending: number;
  failed: number;
  /** Kept for the popup's "Saved" list; at most the last ~50. */
  done: number;
  quarantined: number;
  paused: null | 'unauthorized';
  waitingReason?: WaitingReason;
  /** When the next attempt is due (ms since epoch), if anything is waiting. */
  nextAttemptAt?: number;
}

export type QueueErrorCode = 'too_large' | 'queue_full' | 'invalid' | 'not_found' | 'busy' | 'not_kept';

/** A refusal the person can act on; `message` is written to be shown as is. */
export class QueueError extends Error {
  readonly code: QueueErrorCode;
  constructor(code: QueueErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'QueueError';
    this.code = code;
  }
}

/**
 * The code a queue refusal carries in a protocol answer. Its own names where a bare code would read
 * as an Anytype error kind (`not_found` is a deleted space or object there, not a discarded clip).
 */
export const QUEUE_ANSWER_CODES: Record<QueueErrorCode, string> = {
  too_large: 'too_large',
  queue_full: 'queue_full',
  invalid: 'invalid_clip',
  not_found: 'clip_not_found',
  busy: 'clip_busy',
  not_kept: 'not_kept',
};

export function isQueueError(value: unknown): value is QueueError {
  return value instanceof QueueError;
}

/** The port the queue writes through; lib/queue/anytype-delivery.ts implements it on the client. */
export interface ClipDelivery {
  /** Create the object (resolving tag names first). Must not add it to the collection. */
  create(job: ClipJob): Promise<{ objectId: string }>;
  /**
   * Find the object an earlier, in-doubt create of this job made, or null. `exclude` holds the
   * object ids other jobs already own, so two clips of the same page cannot claim one object.
   */
  findExisting(job: ClipJob, exclude: ReadonlySet<string>): Promise<string | null>;
  /**
   * Add the created object to `job.target.collectionId`. Must be safe to repeat: Anytype's
   * collection add only appends ids not already in the list, so a re-sent add is harmless.
   */
  addToCollection?(job: ClipJob, objectId: string): Promise<void>;
}

/** storage.local behind a narrow adapter; what load() returns is validated, never trusted. */
export interface QueueStore {
  load(): Promise<unknown>;
  save(state: QueueState): Promise<void>;
}

export interface ClipQueueDeps {
  store: QueueStore;
  delivery: ClipDelivery;
  now(): number;
  random(): number;
  /** Ask to be woken (an alarm) at this time to call process() again; null: nothing to wake for. */
  wakeAt(ms: number | null): void;
  onChange?(summary: QueueSummary): void;
  /** Defaults to crypto.randomUUID. */
  uuid?(): string;
  limits?: Partial<QueueLimits>;
}

export interface ClipQueue {
  enqueue(input: EnqueueInput): Promise<ClipJob>;
  process(): Promise<void>;
  summary(): Promise<QueueSummary>;
  get(clientId: string): Promise<ClipJob | undefined>;
  failed(): Promise<ClipJob[]>;
  /** Done clips, newest first (the popup's "Saved" list). */
  recent(): Promise<ClipJob[]>;
  /** Not done clips (waiting, sending, failed), oldest first: the queue list. */
  open(): Promise<ClipJob[]>;
  retry(clientId: string): Promise<ClipJob>;
  /** Sends a waiting or failed clip to another space, type or collection (its own went away). */
  retarget(clientId: string, target: ClipTarget): Promise<ClipJob>;
  /** Removes the clip; for `limits.undoDiscardMs` it can be put back exactly as it was. */
  discard(clientId: string): Promise<void>;
  undoDiscard(clientId: string): Promise<ClipJob>;
  resume(): Promise<void>;
  recover(): Promise<void>;
  quarantined(): Promise<QuarantineEntry[]>;
  clearQuarantine(): Promise<void>;
  /** Removes one quarantined entry: the one at `index`, if it was set aside at `at`. */
  discardQuarantined(index: number, at: number): Promise<void>;
}
