/** The write-ahead clip queue: see queue.ts for the guarantees and anytype-delivery.ts for the port. */
export { createAnytypeDelivery, type DeliveryClient, resolveTagIds } from './anytype-delivery';
export { DEFAULT_LIMITS, type QueueLimits } from './policy';
export { createSpaceProperties, type SpaceProperties } from './space-properties';
export { type ClipQueue, type ClipQueueDeps, createClipQueue, type QueueStore } from './queue';
export { createSplitStore, type StorageAreaLike } from './storage';
export { type ReadableQuarantineEntry, readQuarantined } from './quarantine';
export {
  type ClipDelivery,
  type ClipJob,
  ClipJobSchema,
  type ClipPayload,
  type ClipTarget,
  type EnqueueInput,
  isQueueError,
  QUEUE_ANSWER_CODES,
  type PropertyEntry,
  type QuarantineEntry,
  QueueError,
  type QueueErrorCode,
  type QueueState,
  type QueueSummary,
  type WaitingReason,
} from './types';
