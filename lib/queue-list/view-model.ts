/**
 * The queue list as the person reads it: for each clip not yet in Anytype its title, site,
 * destination, state in words that say what to do, and the actions that make sense for it; for
 * each stored entry that could not be read, what could be read of it. Pure: the list answer and
 * the names known for spaces, types and collections in, the view out.
 */
import { i18n } from '#i18n';
import type { MessageOutput } from '../protocol/messages';
import { nextTryText, type TryPause } from './next-try';

export type QueueList = MessageOutput<'queue.list'>;
type Entry = QueueList['entries'][number];

export type EntryState = 'waiting' | 'sending' | 'paused' | 'failed';
export type EntryAction = 'retry' | 'retarget' | 'copy' | 'export' | 'discard';

/** Names of destinations (from the lists the popup saw last), each undefined when not known. */
export interface DestinationNames {
  space(spaceId: string): string | undefined;
  type(spaceId: string, typeKey: string): string | undefined;
  collection(spaceId: string, collectionId: string): string | undefined;
}

export interface EntryView {
  clientId: string;
  title: string;
  site: string;
  destination: string;
  /** An address the list may link to (http and https only: page data is never a script URL). */
  openUrl?: string;
  state: EntryState;
  /** The state and what to do, in one sentence ("Paused: Start Anytype"). */
  stateText: string;
  /** Anytype's own words, when it said something. */
  detail?: string;
  /** When it will be tried again ("Next try in 3 min"), or that it will not be without Retry now. */
  nextTry?: string;
  actions: EntryAction[];
}

export interface QuarantineView {
  /** Its place in the stored quarantine (entries have no id of their own). */
  index: number;
  title: string;
  address?: string;
  /** The clip's text, when the entry still holds it. */
  markdown?: string;
  /** When it was set aside: with `index`, what names it to Discard. */
  at: number;
  reason: string;
}

export interface QueueListView {
  entries: EntryView[];
  quarantined: QuarantineView[];
  waiting: number;
  failed: number;
}

/** Why a paused queue waits, and what to do: one wording per reason (the locale files hold them). */
export type PauseReason = NonNullable<QueueList['pauseKind']> | 'offline' | 'rate_limited' | 'origin_rejected';

export const PAUSE_REASONS: readonly PauseReason[] = [
  'not_paired',
  'unauthorized',
  'key_expired',
  'scoped_key',
  'offline',
  'rate_limited',
  'origin_rejected',
];

export function pauseText(reason: PauseReason): string {
  return i18n.t(`queuelist.paused.${reason}`);
}

/** What the list shows as the queue-wide reason, or undefined when clips simply wait their turn. */
export function pauseReasonOf(list: QueueList, anytypeDown = false): PauseReason | undefined {
  if (list.paused) return list.pauseKind ?? 'unauthorized';
  if (anytypeDown) return 'offline';
  return list.waitingReason === 'unauthorized' ? 'unauthorized' : list.waitingReason;
}

/** Errors whose clip can be sent elsewhere: its space or collection is gone. */
const GONE_KINDS = new Set(['not_found']);
/** Errors the same clip would meet again: only another clip (export, clip anew) helps. */
const REFUSED_KINDS = new Set(['bad_request']);

export function siteOf(url: string): string {
  try {
    const host = new URL(url).hostname;
    return host.startsWith('www.') ? host.slice(4) : host;
  } catch {
    return url;
  }
}

export function linkable(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function destinationOf(entry: Entry, names: DestinationNames): string {
  const space = names.space(entry.spaceId) ?? i18n.t('queuelist.unknownSpace');
  const type = names.type(entry.spaceId, entry.typeKey) ?? entry.typeKey;
  const collection =
    entry.collectionId === undefined
      ? undefined
      : (names.collection(entry.spaceId, entry.collectionId) ?? i18n.t('queuelist.unknownCollection'));
  return collection === undefined
    ? i18n.t('queuelist.destination', { space, type })
    : i18n.t('queuelist.destinationIn', { space, type, collection });
}

function failedState(entry: Entry): Pick<EntryView, 'stateText' | 'actions'> {
  const kind = entry.errorKind ?? '';
  if (GONE_KINDS.has(kind)) {
    return { stateText: i18n.t('queuelist.failed.gone'), actions: ['retarget', 'retry', 'copy', 'export', 'discard'] };
  }
  if (REFUSED_KINDS.has(kind)) {
    return { stateText: i18n.t('queuelist.failed.refused'), actions: ['copy', 'export', 'retry', 'discard'] };
  }
  return { stateText: i18n.t('queuelist.failed.other'), actions: ['retry', 'copy', 'export', 'discard'] };
}

/** A paused queue goes on after pairing for a key's reasons, by itself for the others. */
const pauseOf = (reason: PauseReason): TryPause => (PAIRING_REASONS.has(reason) ? 'pairing' : 'timed');
const PAIRING_REASONS = new Set<PauseReason>(['not_paired', 'unauthorized', 'key_expired', 'scoped_key']);

/** The entry's view, with when it is tried again (`at`: its own due time, or the queue's). */
export function entryView(
  entry: Entry,
  reason: PauseReason | undefined,
  names: DestinationNames,
  clock: { now: number; queueAt?: number } = { now: Date.now() },
): EntryView {
  const view = entryState(entry, reason, names);
  const at = Math.max(entry.nextAttemptAt ?? 0, clock.queueAt ?? 0) || undefined;
  const nextTry = nextTryText(view.state, { at, now: clock.now, ...(reason ? { pause: pauseOf(reason) } : {}) });
  return nextTry === undefined ? view : { ...view, nextTry };
}

function entryState(entry: Entry, reason: PauseReason | undefined, names: DestinationNames): EntryView {
  const openUrl = linkable(entry.sourceUrl);
  const base = {
    clientId: entry.clientId,
    title: entry.name.trim() || siteOf(entry.sourceUrl) || i18n.t('queue.clip'),
    site: siteOf(entry.sourceUrl),
    destination: destinationOf(entry, names),
    ...(openUrl ? { openUrl } : {}),
    ...(entry.message ? { detail: entry.message } : {}),
  };
  if (entry.status === 'failed') return { ...base, state: 'failed', ...failedState(entry) };
  // A request is out: discarding now could leave an object nobody owns, and retry would repeat it.
  if (entry.status === 'sending') {
    return { ...base, state: 'sending', stateText: i18n.t('queuelist.sending'), actions: ['copy', 'export'] };
  }
  const actions: EntryAction[] = ['retry', 'copy', 'export', 'discard'];
  if (reason !== undefined) {
    return { ...base, state: 'paused', stateText: i18n.t('queuelist.pausedBecause', { reason: pauseText(reason) }), actions };
  }
  return { ...base, state: 'waiting', stateText: i18n.t('queuelist.waitingTurn'), actions };
}

export function queueListView(
  list: QueueList,
  names: DestinationNames,
  options: { anytypeDown?: boolean; hidden?: ReadonlySet<string>; now?: number } = {},
): QueueListView {
  const reason = pauseReasonOf(list, options.anytypeDown);
  const shown = list.entries.filter((entry) => !options.hidden?.has(entry.clientId));
  const clock = { now: options.now ?? Date.now(), ...(list.nextAttemptAt === undefined ? {} : { queueAt: list.nextAttemptAt }) };
  const entries = shown.map((entry) => entryView(entry, reason, names, clock));
  return {
    entries,
    quarantined: list.quarantined.map((entry, index) => ({
      index,
      title: entry.title ?? entry.address ?? i18n.t('queuelist.quarantine.untitled'),
      ...(entry.address ? { address: entry.address } : {}),
      ...(entry.markdown ? { markdown: entry.markdown } : {}),
      at: entry.at,
      reason: entry.reason,
    })),
    waiting: entries.filter((e) => e.state !== 'failed').length,
    failed: entries.filter((e) => e.state === 'failed').length,
  };
}

/** The popup's compact line: "2 waiting · 1 failed" (and unreadable entries), or undefined when empty. */
export function compactLine(counts: { waiting: number; failed: number; quarantined: number }): string | undefined {
  const parts: string[] = [];
  if (counts.waiting > 0) parts.push(i18n.t('queuelist.line.waiting', counts.waiting));
  if (counts.failed > 0) parts.push(i18n.t('queuelist.line.failed', counts.failed));
  if (counts.quarantined > 0) parts.push(i18n.t('queuelist.line.unreadable', counts.quarantined));
  return parts.length === 0 ? undefined : parts.join(' · ');
}

/** Names from the lists the popup saw last (lib/popup/snapshot), which the options page can read too. */
export function namesFrom(lists: {
  spaces: { id: string; name: string }[];
  bySpace: Record<string, { types: { key: string; name: string }[]; collections: { id: string; name: string }[] }>;
} | undefined): DestinationNames {
  return {
    space: (id) => lists?.spaces.find((s) => s.id === id)?.name || undefined,
    type: (spaceId, key) => lists?.bySpace[spaceId]?.types.find((t) => t.key === key)?.name || undefined,
    collection: (spaceId, id) => lists?.bySpace[spaceId]?.collections.find((c) => c.id === id)?.name || undefined,
  };
}
