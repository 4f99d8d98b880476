/**
 * The queue in storage.local, laid out so a write is as large as the change: a small index (every
 * job without its text) under INDEX_KEY, and each clip's markdown under its own key, written once
 * when the clip is taken and removed once it is done or discarded. A transition rewrites the index
 * only (hundreds of bytes a job), never the megabytes of text the waiting clips carry.
 *
 * Version 1 (one key holding everything) is read as it is and rewritten in this layout on the
 * first save; the queue's own parseState then validates each job alone.
 */
import type { QueueState, QueueStore } from './types';

/** Where version 1 kept the whole state (app.ts's slot before this layout). */
export const LEGACY_KEY = 'queue:state';
export const INDEX_KEY = 'queue:index';
export const BODY_PREFIX = 'queue.body.';
export const STORED_LAYOUT_VERSION = 2;

/** The part of browser.storage.local the queue uses. */
export interface StorageAreaLike {
  get(keys: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export const bodyKey = (clientId: string) => `${BODY_PREFIX}${clientId}`;

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * Joins the index with the stored bodies into the queue's version-1 shape. A job whose body is
 * missing keeps no markdown field, so it fails validation alone and is quarantined alone.
 */
export function joinStored(index: unknown, bodies: ReadonlyMap<string, unknown>): unknown {
  const stored = record(index);
  if (stored === undefined || stored.version !== STORED_LAYOUT_VERSION) return index;
  const jobs = Array.isArray(stored.jobs)
    ? stored.jobs.map((job) => {
        const j = record(job);
        const payload = record(j?.payload);
        if (j === undefined || payload === undefined || typeof j.clientId !== 'string') return job;
        if (j.status === 'done') return { ...j, payload: { ...payload, markdown: '' } };
        const body = bodies.get(j.clientId);
        return body === undefined ? job : { ...j, payload: { ...payload, markdown: body } };
      })
    : stored.jobs;
  return { ...stored, version: 1, jobs };
}

/** The index as stored: every job without its text. */
export function indexOf(state: QueueState): Record<string, unknown> {
  return {
    ...state,
    version: STORED_LAYOUT_VERSION,
    jobs: state.jobs.map((job) => {
      const { markdown: _text, ...payload } = job.payload;
      return { ...job, payload };
    }),
  };
}

export function createSplitStore(area: StorageAreaLike): QueueStore {
  /** Body keys in storage now; null until load() has looked (a save first must look too). */
  let written: Set<string> | null = null;
  let legacy = false;

  async function load(): Promise<unknown> {
    const all = await area.get(null);
    written = new Set(Object.keys(all).filter((k) => k.startsWith(BODY_PREFIX)));
    if (all[INDEX_KEY] === undefined) {
      legacy = all[LEGACY_KEY] !== undefined;
      return all[LEGACY_KEY];
    }
    legacy = all[LEGACY_KEY] !== undefined;
    const bodies = new Map<string, unknown>();
    for (const k of written) bodies.set(k.slice(BODY_PREFIX.length), all[k]);
    return joinStored(all[INDEX_KEY], bodies);
  }

  async function save(state: QueueState): Promise<void> {
    if (written === null) await load();
    const known = written as Set<string>;
    const keep = new Set<string>();
    const fresh: Record<string, unknown> = {};
    for (const job of state.jobs) {
      if (job.status === 'done') continue;
      const k = bodyKey(job.clientId);
      keep.add(k);
      if (!known.has(k)) fresh[k] = job.payload.markdown;
    }
    // Write-ahead: a body is stored before any index that names it, so no stored index lacks one.
    if (Object.keys(fresh).length > 0) {
      await area.set(fresh);
      for (const k of Object.keys(fresh)) known.add(k);
    }
    await area.set({ [INDEX_KEY]: indexOf(state) });
    const stale = [...known].filter((k) => !keep.has(k));
    if (legacy) stale.push(LEGACY_KEY);
    if (stale.length > 0) {
      // The index no longer names these: a failed remove leaves only unread text behind.
      await area.remove(stale).then(
        () => {
          for (const k of stale) known.delete(k);
          legacy = false;
        },
        () => undefined,
      );
    }
  }

  return { load, save };
}
