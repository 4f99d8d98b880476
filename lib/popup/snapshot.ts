/**
 * What the popup drew last time, kept so that the next popup can draw its clip form in the same
 * turn its script starts. Every other source is a trip to the browser or to the worker (20–50 ms
 * each on a busy machine, more when the worker has to wake up), and the form is what a person
 * opens the popup for.
 *
 * It lives in the extension origin's `localStorage`, the one store a page reads synchronously.
 * Web pages and content scripts cannot read it (other origins), and it holds nothing secret: the
 * connection status without any key, last time's choices, the names of spaces, types, collections
 * and tags, and whether any site rule exists. It is a guess, never the truth: the popup reads
 * storage and asks the worker as before and corrects the form when they disagree; the options
 * page forgets it when it changes what the popup would draw; Disconnect forgets it.
 */
import * as v from 'valibot';
import type { PairingState } from '../pairing/controller';
import type { BackgroundClient } from '../protocol/client';
import { ConnectionStatusSchema, SpaceSummarySchema, TagSummarySchema, TypeSummarySchema, type MessageOutput, type MessageType } from '../protocol/messages';
import { ClipPrefsSchema, type ClipPrefsStore } from '../settings/clip-prefs';
import type { CachedLists, ListCache } from './clip-form';

const Item = v.object({ id: v.string(), name: v.string() });
const ListsSchema = v.object({
  spaces: v.array(SpaceSummarySchema),
  bySpace: v.record(
    v.string(),
    v.object({ types: v.array(TypeSummarySchema), collections: v.array(Item), tags: v.array(TagSummarySchema) }),
  ),
});

const SnapshotSchema = v.object({
  /** The worker's last answer while paired; absent once it said "not paired". */
  status: v.optional(ConnectionStatusSchema),
  prefs: v.optional(ClipPrefsSchema),
  lists: v.optional(ListsSchema),
  /** Whether any site rule exists: then the form waits for the page's address before it draws. */
  siteRules: v.optional(v.boolean()),
});
export type PopupSnapshot = v.InferOutput<typeof SnapshotSchema>;

/** The part of `Storage` used here, so tests can pass a Map-backed stand-in. */
export type SyncStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const SLOT = 'popup:snapshot:v1';

export interface PopupSnapshotStore {
  read(): PopupSnapshot;
  /** Replaces the given parts; a part left out stays as it was. */
  put(parts: Partial<PopupSnapshot>): void;
  forget(): void;
}

/** The page's `localStorage`, or nothing where merely reading it throws (storage refused by the browser). */
export function pageStorage(): SyncStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * A store that never throws: `localStorage` can be missing, full or refused (a browser set to keep
 * no site data), and then the popup simply draws after its reads, as it would the first time.
 */
export function createPopupSnapshot(storage: SyncStorage | undefined): PopupSnapshotStore {
  const read = (): PopupSnapshot => {
    try {
      const raw = storage?.getItem(SLOT);
      const parsed = raw ? v.safeParse(SnapshotSchema, JSON.parse(raw)) : undefined;
      return parsed?.success ? parsed.output : {};
    } catch {
      return {};
    }
  };
  const forget = () => {
    try {
      storage?.removeItem(SLOT);
    } catch {
      // Nothing kept, nothing to forget.
    }
  };
  return {
    read,
    put(parts) {
      try {
        storage?.setItem(SLOT, JSON.stringify({ ...read(), ...parts }));
      } catch {
        forget(); // a half-written guess is worse than none
      }
    },
    forget,
  };
}

/** The form's list cache, kept in the snapshot. */
export function snapshotListCache(snapshot: PopupSnapshotStore): ListCache {
  return {
    load: async () => snapshot.read().lists as CachedLists | undefined,
    save: async (lists) => snapshot.put({ lists }),
  };
}

/** The choices store, with every value it reads or writes copied into the snapshot. */
export function snapshotPrefs(store: ClipPrefsStore, snapshot: PopupSnapshotStore): ClipPrefsStore {
  return {
    async load() {
      const prefs = await store.load();
      snapshot.put({ prefs });
      return prefs;
    },
    async remember(choice) {
      const prefs = await store.remember(choice);
      snapshot.put({ prefs });
      return prefs;
    },
  };
}

/** Calls after which the popup would start from another connection: the snapshot is forgotten when one succeeds. */
const CHANGES_THE_CONNECTION: readonly MessageType[] = [
  'connection.saveKey',
  'connection.disconnect',
  'connections.save',
  'connections.remove',
  'connections.activate',
  'connections.saveKey',
  'connections.forgetKey',
  'settings.import',
];

/**
 * For the options page: its writes make the popup's snapshot stale. Saved settings only change
 * whether site rules exist (the popup then waits for the page address); any change to the
 * connections (a key saved or forgotten, another one made active, an address edited, an imported
 * file) may change what the popup is connected to, and the lists and choices with it.
 */
export function forgettingSnapshot(client: BackgroundClient, snapshot: PopupSnapshotStore): BackgroundClient {
  return {
    async call(type, payload) {
      const answer = await client.call(type, payload);
      if (CHANGES_THE_CONNECTION.includes(type)) snapshot.forget();
      else if (type === 'settings.save') {
        const saved = answer as MessageOutput<'settings.save'>;
        if (snapshot.read().siteRules !== undefined) snapshot.put({ siteRules: saved.siteRules.length > 0 });
      }
      return answer;
    },
  };
}

/**
 * Keeps what the pairing flow reached: paired is drawn as connected next time (without any
 * problem Anytype had: that is asked afresh); a pairing step means there is nothing to guess.
 */
export function keepConnection(snapshot: PopupSnapshotStore, state: PairingState): void {
  if (state.step === 'connected' && state.status?.paired) {
    const { problem: _asked_afresh, ...status } = state.status;
    snapshot.put({ status });
  } else if (state.step !== 'loading' && state.step !== 'connected') {
    snapshot.forget();
  }
}
