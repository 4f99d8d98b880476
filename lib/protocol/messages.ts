/**
 * Every message the background answers: its input, its answer and who may send it.
 * The answer schemas are the allowlist of fields that leave the background: the router passes
 * every handler result through them, so a field nobody listed (an API key, say) is dropped.
 */
import * as v from 'valibot';
import type { SenderClass } from './senders';

/** Anytype ids: content ids and space ids (`<cid>.<suffix>`); never `.`/`..`, slashes, `%`, `?`, `#`. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$/;
export const IdSchema = v.pipe(v.string(), v.maxLength(200), v.regex(ID_PATTERN, 'not an Anytype id'));

const Empty = v.strictObject({});

export const ErrorKindSchema = v.picklist([
  'offline',
  'unauthorized',
  'origin_rejected',
  'rate_limited',
  'pairing_failed',
  'pairing_unavailable',
  'bad_request',
  'not_found',
  'server',
]);

export const QueueSummarySchema = v.object({
  pending: v.number(),
  failed: v.number(),
  paused: v.boolean(),
  waitingReason: v.optional(v.picklist(['offline', 'rate_limited', 'unauthorized'])),
});

export const ConnectionStatusSchema = v.object({
  baseUrl: v.string(),
  paired: v.boolean(),
  /** Present once a call with the stored key succeeded. */
  spaceCount: v.optional(v.number()),
  serverVersion: v.optional(v.string()),
  problem: v.optional(v.object({ kind: ErrorKindSchema, message: v.string() })),
});

export const SpaceSummarySchema = v.object({ id: v.string(), name: v.string() });
export const TypeSummarySchema = v.object({ id: v.string(), key: v.string(), name: v.string() });

export interface MessageDefinition {
  input: v.GenericSchema;
  output: v.GenericSchema;
  senders: readonly SenderClass[];
}

export const messages = {
  'connection.status': {
    input: Empty,
    output: ConnectionStatusSchema,
    senders: ['extension_page'],
  },
  /** Verifies the key with one authenticated call, then keeps it. Pairing and pasted keys both end here. */
  'connection.saveKey': {
    input: v.strictObject({ apiKey: v.pipe(v.string(), v.trim(), v.minLength(8), v.maxLength(1024)) }),
    output: ConnectionStatusSchema,
    senders: ['extension_page'],
  },
  'connection.disconnect': {
    input: Empty,
    output: ConnectionStatusSchema,
    senders: ['extension_page'],
  },
  'spaces.list': {
    input: Empty,
    output: v.array(SpaceSummarySchema),
    senders: ['extension_page', 'content_script'],
  },
  'types.list': {
    input: v.strictObject({ spaceId: IdSchema }),
    output: v.array(TypeSummarySchema),
    senders: ['extension_page', 'content_script'],
  },
  'queue.summary': {
    input: Empty,
    output: QueueSummarySchema,
    senders: ['extension_page', 'content_script'],
  },
} as const satisfies Record<string, MessageDefinition>;

export type Messages = typeof messages;
export type MessageType = keyof Messages;
export type MessageInput<K extends MessageType> = v.InferInput<Messages[K]['input']>;
export type MessageOutput<K extends MessageType> = v.InferOutput<Messages[K]['output']>;

export const MESSAGE_TYPES = Object.keys(messages) as MessageType[];

export const EnvelopeSchema = v.strictObject({
  type: v.string(),
  payload: v.optional(v.unknown()),
});

export type Answer<T> = { ok: true; data: T } | { ok: false; code: string; message: string };
