/**
 * Every message the background answers: its input, its answer and who may send it.
 * The answer schemas are the allowlist of fields that leave the background: the router passes
 * every handler result through them, so a field nobody listed (an API key, say) is dropped.
 */
import * as v from 'valibot';
import { i18n } from '../node-safe-i18n';
import { ERROR_KINDS } from '../anytype/errors';
import { ServerFeaturesSchema } from '../anytype/features';
import { KeyGrantSchema } from '../anytype/grants';
import { ID_PATTERN, MAX_ID_LENGTH } from '../anytype/ids';
import { ClipModeSchema, PageModeSchema } from '../capture/schema';
import { MAX_NOTE_CHARS } from '../clip/size-limits';
import type { SenderClass } from './senders';
import { ClipSettingsSchema } from '../settings/clip-settings';
import { LOOPBACK_URL } from '../settings/connections';
import { SettingsFileSchema } from '../settings/settings-file';
import { ImportReportSchema } from '../settings/settings-import';
import { TagNamesSchema } from '../settings/tag-names';
import { SetAsideEntrySchema } from '../settings/versioned-item';

/** Anytype ids: the client's own definition (lib/anytype/ids.ts), so both refuse the same values. */
export const IdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID_LENGTH), v.regex(ID_PATTERN, 'not an Anytype id'));

const Empty = v.strictObject({});

export const ErrorKindSchema = v.picklist(ERROR_KINDS);

export const QueueSummarySchema = v.object({
  pending: v.number(),
  failed: v.number(),
  paused: v.boolean(),
  waitingReason: v.optional(v.picklist(['offline', 'rate_limited', 'origin_rejected', 'unauthorized'])),
  /** Stored entries that could not be read (present when there are any), so the queue line can say so. */
  quarantined: v.optional(v.number()),
});

export const ConnectionStatusSchema = v.object({
  baseUrl: v.string(),
  paired: v.boolean(),
  /** Present once a call with the stored key succeeded. */
  spaceCount: v.optional(v.number()),
  serverVersion: v.optional(v.string()),
  problem: v.optional(v.object({ kind: ErrorKindSchema, message: v.string() })),
  /** What the key may reach, when Anytype said so while pairing (null: it did not say). */
  grant: v.optional(v.nullable(KeyGrantSchema)),
  /** When the key stops working, when known. */
  expiresAt: v.optional(v.number()),
  /** When Anytype first said the key has expired. */
  expiredAt: v.optional(v.number()),
  /** What the install said it offers, once read (lib/anytype/features.ts). */
  features: v.optional(ServerFeaturesSchema),
});

/** Whether Anytype answers at the active connection's address (the welcome page's live check). */
export const AnytypeProbeSchema = v.object({
  state: v.picklist(['found', 'not_running', 'not_anytype']),
  baseUrl: v.string(),
  /** Whether a key is kept for that connection (read from the vault, not tried). */
  paired: v.boolean(),
  serverVersion: v.optional(v.string()),
});

export const SpaceSummarySchema = v.object({ id: v.string(), name: v.string() });
export const TypeSummarySchema = v.object({ id: v.string(), key: v.string(), name: v.string() });
const NamedItemSchema = v.object({ id: v.string(), name: v.string() });
export const TagSummarySchema = v.object({ id: v.string(), name: v.string(), color: v.optional(v.string()) });

const TabIdSchema = v.pipe(v.number(), v.integer(), v.minValue(0));
const TypeKeySchema = v.pipe(v.string(), v.maxLength(200), v.regex(/^[a-z0-9_]+$/, 'not a type key'));
const WebUrlSchema = v.pipe(v.string(), v.maxLength(8000), v.url(), v.regex(/^https?:/i, 'not a web address'));

const CountSchema = v.pipe(v.number(), v.integer(), v.minValue(0));

export const ClipPreviewSchema = v.object({
  url: v.string(),
  title: v.string(),
  /**
   * The start of the body Save sends (the note aside), as Markdown (lib/preview/excerpt.ts). The
   * popup draws it from a parser's tokens as allowlisted elements, never as HTML (lib/preview/).
   */
  markdown: v.string(),
  /** The body goes on past `markdown`. */
  truncated: v.optional(v.boolean()),
  /** Of the whole body (lib/preview/size.ts). */
  size: v.object({ words: CountSchema, images: CountSchema, inlinedImages: CountSchema }),
  siteName: v.optional(v.string()),
  selectionEmpty: v.optional(v.boolean()),
});

export const ClipSubmitSchema = v.strictObject({
  /** Made by the form once: a re-sent Save with the same id returns the same clip, never a second one. */
  clientId: v.optional(v.pipe(v.string(), v.uuid())),
  /** Extension pages name the tab; any other sender could clip only its own (clip-service's tab pin). */
  tabId: v.optional(TabIdSchema),
  mode: ClipModeSchema,
  spaceId: IdSchema,
  typeKey: TypeKeySchema,
  templateId: v.optional(IdSchema),
  collectionId: v.optional(IdSchema),
  title: v.pipe(v.string(), v.maxLength(1000)),
  note: v.optional(v.pipe(v.string(), v.maxLength(MAX_NOTE_CHARS))),
  tagNames: v.optional(TagNamesSchema),
  /** Link and image modes: what was right-clicked. */
  targetUrl: v.optional(WebUrlSchema),
});

export const ClipResultSchema = v.object({
  clientId: v.string(),
  state: v.picklist(['done', 'queued', 'failed']),
  spaceId: v.string(),
  objectId: v.optional(v.string()),
  openUrl: v.optional(v.string()),
  message: v.optional(v.string()),
});

export const ExistingClipSchema = v.nullable(v.object({ objectId: v.string(), name: v.string(), openUrl: v.string() }));

export const FailedClipSchema = v.object({
  clientId: v.string(),
  name: v.string(),
  sourceUrl: v.string(),
  message: v.string(),
  /** Where it was to go and why it failed, so the popup can name a space or collection that is gone. */
  spaceId: v.optional(v.string()),
  collectionId: v.optional(v.string()),
  kind: v.optional(v.string()),
});

/** A stored queue entry that could not be read as a clip: what could be read of it, and all of it as JSON. */
export const QuarantinedClipSchema = v.object({
  reason: v.string(),
  at: v.number(),
  title: v.optional(v.string()),
  address: v.optional(v.string()),
  markdown: v.optional(v.string()),
  raw: v.string(),
});

/** Why a paused queue waits: the error that paused it (lib/queue/policy.ts pauses on these). */
export const PAUSE_KINDS = ['not_paired', 'unauthorized', 'key_expired', 'scoped_key'] as const;

/** One clip not yet in Anytype, for the queue list (its text is asked for only to copy or export it). */
export const QueueEntrySchema = v.object({
  clientId: v.string(),
  name: v.string(),
  sourceUrl: v.string(),
  createdAt: v.number(),
  status: v.picklist(['pending', 'sending', 'failed']),
  spaceId: v.string(),
  typeKey: v.string(),
  collectionId: v.optional(v.string()),
  /** The last error's kind and Anytype's words, when it had one. */
  errorKind: v.optional(v.string()),
  message: v.optional(v.string()),
  nextAttemptAt: v.optional(v.number()),
});

export const QueueListSchema = v.object({
  entries: v.array(QueueEntrySchema),
  paused: v.boolean(),
  pauseKind: v.optional(v.picklist(PAUSE_KINDS)),
  waitingReason: QueueSummarySchema.entries.waitingReason,
  nextAttemptAt: v.optional(v.number()),
  quarantined: v.array(QuarantinedClipSchema),
});

const ClientIdInput = v.strictObject({ clientId: v.pipe(v.string(), v.uuid()) });

/* Options page: connections, quick clip settings, export/import. Extension pages only. */
const ConnectionIdSchema = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/, 'not a connection id'));
export const ConnectionEntrySchema = v.object({
  id: v.string(),
  name: v.string(),
  baseUrl: v.string(),
  active: v.boolean(),
  /** Whether a key is kept for it; never the key. */
  hasKey: v.boolean(),
});
export const ConnectionListSchema = v.object({ activeId: v.string(), connections: v.array(ConnectionEntrySchema) });
export const ConnectionDraftSchema = v.strictObject({
  /** Absent: add a new connection. */
  id: v.optional(ConnectionIdSchema),
  name: v.pipe(v.string(), v.trim(), v.minLength(1, () => i18n.t('options.backup.errors.unnamed')), v.maxLength(80)),
  baseUrl: v.pipe(v.string(), v.regex(LOOPBACK_URL, () => i18n.t('options.backup.errors.loopbackOnly'))),
});
const ApiKeyInputSchema = v.pipe(v.string(), v.trim(), v.minLength(8), v.maxLength(1024));

export interface MessageDefinition {
  input: v.GenericSchema;
  output: v.GenericSchema;
  senders: readonly SenderClass[];
}

export const messages = {
  /** `local: true` answers from what the extension knows (is a key kept?) without asking Anytype. */
  'connection.status': {
    input: v.strictObject({ local: v.optional(v.boolean()) }),
    output: ConnectionStatusSchema,
    senders: ['extension_page'],
  },
  /** Asks Anytype at the active connection's address whether it runs; no key is sent. The background builds the URL. */
  'anytype.probe': {
    input: Empty,
    output: AnytypeProbeSchema,
    senders: ['extension_page'],
  },
  /** Verifies the key with one authenticated call, then keeps it. Pairing and pasted keys both end here. */
  'connection.saveKey': {
    input: v.strictObject({
      apiKey: v.pipe(v.string(), v.trim(), v.minLength(8), v.maxLength(1024)),
      /** What Anytype said the key may reach, when pairing told it (builds of 2026). */
      grant: v.optional(KeyGrantSchema),
    }),
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
    senders: ['extension_page'],
  },
  'types.list': {
    input: v.strictObject({ spaceId: IdSchema }),
    output: v.array(TypeSummarySchema),
    senders: ['extension_page'],
  },
  'tags.list': {
    input: v.strictObject({ spaceId: IdSchema }),
    output: v.array(TagSummarySchema),
    senders: ['extension_page'],
  },
  /** The panel may list the collections of its own clip's space only (lib/background/handlers.ts). */
  'collections.list': {
    input: v.strictObject({ spaceId: IdSchema }),
    output: v.array(NamedItemSchema),
    senders: ['extension_page', 'panel'],
  },
  'templates.list': {
    input: v.strictObject({ spaceId: IdSchema, typeId: IdSchema }),
    output: v.array(NamedItemSchema),
    senders: ['extension_page'],
  },
  /** Extracts the tab's content for the form's preview; nothing is sent to Anytype. */
  'clip.preview': {
    input: v.strictObject({ tabId: v.optional(TabIdSchema), mode: PageModeSchema }),
    output: ClipPreviewSchema,
    senders: ['extension_page'],
  },
  'clip.existing': {
    input: v.strictObject({ spaceId: IdSchema, url: WebUrlSchema }),
    output: ExistingClipSchema,
    senders: ['extension_page'],
  },
  'clip.submit': {
    input: ClipSubmitSchema,
    output: ClipResultSchema,
    senders: ['extension_page'],
  },
  /** The in-page panel changes the clip just saved from its own tab (and only that one). */
  'clip.amend': {
    input: v.pipe(
      v.strictObject({
        /** Tags to add. */
        tagNames: v.optional(TagNamesSchema),
        /** Tags to take off (the panel's remove buttons). */
        removeTagNames: v.optional(TagNamesSchema),
        collectionId: v.optional(IdSchema),
      }),
      // An amend that changes nothing would still read the key and the clip: refuse it as malformed.
      v.check(
        (input) => Boolean(input.tagNames?.length) || Boolean(input.removeTagNames?.length) || input.collectionId !== undefined,
        'nothing to change',
      ),
    ),
    output: v.object({ tagNames: v.array(v.string()), collectionId: v.optional(v.string()) }),
    senders: ['panel'],
  },
  'queue.summary': {
    input: Empty,
    output: QueueSummarySchema,
    senders: ['extension_page'],
  },
  'queue.failed': {
    input: Empty,
    output: v.array(FailedClipSchema),
    senders: ['extension_page'],
  },
  'queue.retry': {
    input: v.strictObject({ clientId: v.pipe(v.string(), v.uuid()) }),
    output: QueueSummarySchema,
    senders: ['extension_page'],
  },
  'queue.discard': {
    input: v.strictObject({ clientId: v.pipe(v.string(), v.uuid()) }),
    output: QueueSummarySchema,
    senders: ['extension_page'],
  },
  /** Everything not yet in Anytype, quarantined entries included: the queue list of the popup and options page. */
  'queue.list': { input: Empty, output: QueueListSchema, senders: ['extension_page'] },
  /** One waiting or failed clip's text, to copy or export it. */
  'queue.clip': {
    input: ClientIdInput,
    output: v.object({ name: v.string(), sourceUrl: v.string(), markdown: v.string() }),
    senders: ['extension_page'],
  },
  /** Puts a clip discarded a moment ago back exactly as it was. */
  'queue.undoDiscard': { input: ClientIdInput, output: QueueSummarySchema, senders: ['extension_page'] },
  /** Another destination for a clip whose space or collection is gone; it is sent there. */
  'queue.retarget': {
    input: v.strictObject({
      clientId: v.pipe(v.string(), v.uuid()),
      spaceId: IdSchema,
      typeKey: TypeKeySchema,
      collectionId: v.optional(IdSchema),
    }),
    output: QueueSummarySchema,
    senders: ['extension_page'],
  },
  'queue.quarantined': { input: Empty, output: v.array(QuarantinedClipSchema), senders: ['extension_page'] },
  'queue.clearQuarantine': { input: Empty, output: QueueSummarySchema, senders: ['extension_page'] },
  /** Removes one quarantined entry, named by its place and when it was set aside. */
  'queue.discardQuarantined': {
    input: v.strictObject({ index: v.pipe(v.number(), v.integer(), v.minValue(0)), at: v.number() }),
    output: QueueSummarySchema,
    senders: ['extension_page'],
  },
  'connections.list': { input: Empty, output: ConnectionListSchema, senders: ['extension_page'] },
  /** Adds (no id) or edits a connection; a changed URL forgets that connection's key. */
  'connections.save': { input: ConnectionDraftSchema, output: ConnectionListSchema, senders: ['extension_page'] },
  'connections.remove': {
    input: v.strictObject({ id: ConnectionIdSchema }),
    output: ConnectionListSchema,
    senders: ['extension_page'],
  },
  'connections.activate': {
    input: v.strictObject({ id: ConnectionIdSchema }),
    output: ConnectionListSchema,
    senders: ['extension_page'],
  },
  'connections.check': {
    input: v.strictObject({ id: ConnectionIdSchema }),
    output: ConnectionStatusSchema,
    senders: ['extension_page'],
  },
  /** Verified with one call against that connection before it is kept. */
  'connections.saveKey': {
    input: v.strictObject({ connectionId: ConnectionIdSchema, apiKey: ApiKeyInputSchema }),
    output: ConnectionStatusSchema,
    senders: ['extension_page'],
  },
  'connections.forgetKey': {
    input: v.strictObject({ connectionId: ConnectionIdSchema }),
    output: ConnectionListSchema,
    senders: ['extension_page'],
  },
  'settings.get': { input: Empty, output: ClipSettingsSchema, senders: ['extension_page'] },
  'settings.save': { input: ClipSettingsSchema, output: ClipSettingsSchema, senders: ['extension_page'] },
  /** Stored clip settings that could not be read and were set aside, each kept as its raw text. */
  'settings.setAside': { input: Empty, output: v.array(SetAsideEntrySchema), senders: ['extension_page'] },
  /** The person has seen them (or saved a copy). */
  'settings.dismissSetAside': { input: Empty, output: v.array(SetAsideEntrySchema), senders: ['extension_page'] },
  /** Connections and quick clip settings, never a key. */
  'settings.export': { input: Empty, output: SettingsFileSchema, senders: ['extension_page'] },
  /** Read again here part by part: what can be read is imported, each part refused is reported; a file that is not ours changes nothing. */
  'settings.import': {
    input: v.strictObject({ file: v.unknown() }),
    output: v.object({ connections: ConnectionListSchema, clip: ClipSettingsSchema, report: ImportReportSchema }),
    senders: ['extension_page'],
  },
} as const satisfies Record<string, MessageDefinition>;

export type Messages = typeof messages;
export type MessageType = keyof Messages;
export type MessageInput<K extends MessageType> = v.InferInput<Messages[K]['input']>;
export type MessageOutput<K extends MessageType> = v.InferOutput<Messages[K]['output']>;

export const MESSAGE_TYPES = Object.keys(messages) as MessageType[];

/** valibot's objects accept arrays (`[]` would pass as `{}`): a payload is a plain object or absent. */
const PayloadSchema = v.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'not an object',
);

export const EnvelopeSchema = v.strictObject({
  type: v.string(),
  payload: v.optional(PayloadSchema),
  /** The in-page panel's capability (lib/background/panel-grants.ts); extension pages send none. */
  capability: v.optional(v.pipe(v.string(), v.maxLength(200))),
});

export type Answer<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

/**
 * Not a request: the worker tells open extension pages that the queue changed, so the popup's
 * queue line stays true while it is open. Pages take it only from the extension, never from a tab.
 */
export const QueueChangedSchema = v.strictObject({ type: v.literal('queue.changed'), summary: QueueSummarySchema });
