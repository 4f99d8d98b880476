/**
 * The fault soak (issue 17): clips go through the real queue, its split storage layout, the real
 * Anytype delivery and client, against the sandbox in-process, while seeded random faults hit
 * them: offline periods (refused connections), 429 bursts on top of the sandbox's own write
 * limiter, a 500 after the object was made, answers lost to a timeout (the write applied or
 * not), a revoked or expired key (a 401, then a new key and resume, as after pairing again) and
 * the worker killed in the middle of a request (a new queue built from what storage holds).
 *
 * One clock drives the queue, the sandbox's write limiter and its created dates, and it only
 * jumps: nothing waits for the 1/s write limit in real time. Given the seed, the requests, the
 * faults and their order are the same on every run, so a failing seed replays exactly.
 */
import { createClient } from '../../../lib/anytype';
import { type ClipQueue, createAnytypeDelivery, createClipQueue, createSpaceProperties, createSplitStore } from '../../../lib/queue';
import type { QueueStore, StorageAreaLike } from '../../../lib/queue';
import type { Sandbox } from '../../sandbox/index';
import { DEFAULT_WRITE_LIMIT } from '../../sandbox/faults';

/** A fault the soak can inject; each can be left out (e.g. while a known bug is being fixed). */
export type SoakFault =
  | 'offline'
  | 'rate_burst'
  | 'fail_after_create'
  | 'drop_after_create'
  | 'timeout_applied'
  | 'timeout_lost'
  | 'revoke_key'
  | 'expire_key'
  | 'crash_applied'
  | 'crash_lost';

export const ALL_SOAK_FAULTS: readonly SoakFault[] = [
  'offline',
  'rate_burst',
  'fail_after_create',
  'drop_after_create',
  'timeout_applied',
  'timeout_lost',
  'revoke_key',
  'expire_key',
  'crash_applied',
  'crash_lost',
];

/** Chance per request that a fault starts (while faults are still being injected). */
const FAULT_CHANCE: Record<SoakFault, number> = {
  offline: 0.01,
  rate_burst: 0.01,
  fail_after_create: 0.02,
  drop_after_create: 0.02,
  timeout_applied: 0.01,
  timeout_lost: 0.01,
  revoke_key: 0.003,
  expire_key: 0.003,
  crash_applied: 0.005,
  crash_lost: 0.005,
};

export interface SoakOptions {
  clips?: number;
  faults?: readonly SoakFault[];
}

export interface SoakResult {
  seed: number;
  /** What broke a guarantee; empty when the seed passed. */
  problems: string[];
  stats: Record<string, number>;
}

/** mulberry32: small, seedable, and the same on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

/** storage.local as the queue sees it: values are copied in and out, as the browser serialises them. */
function memoryArea(): StorageAreaLike & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  return {
    data,
    async get(keys) {
      const names = keys === null ? [...data.keys()] : typeof keys === 'string' ? [keys] : keys;
      const out: Record<string, unknown> = {};
      for (const name of names) if (data.has(name)) out[name] = copy(data.get(name));
      return out;
    },
    async set(items) {
      for (const [name, value] of Object.entries(items)) data.set(name, copy(value));
    },
    async remove(keys) {
      for (const name of typeof keys === 'string' ? [keys] : keys) data.delete(name);
    },
  };
}

/** A deterministic UUID (the queue's job ids are v.uuid()), so a seed replays byte for byte. */
function uuidFrom(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

interface Clip {
  n: number;
  spaceId: string;
  collectionId?: string;
  tagNames: string[];
  name: string;
  source: string;
  clientId?: string;
}

const TAG_POOL = ['Clipped', 'Later', 'Research', 'Long read', 'clipped', 'LATER'];
const START = Date.UTC(2026, 11, 1, 9, 0, 0);

/** The clock the soak's sandbox must be started with: `startSandbox({ now: () => soakClock.t })`. */
export const soakClock = { t: START };

export async function runSoak(sandbox: Sandbox, seed: number, options: SoakOptions = {}): Promise<SoakResult> {
  const total = options.clips ?? (Number(process.env.SOAK_CLIPS) || 200);
  const enabled = new Set(options.faults ?? ALL_SOAK_FAULTS);
  const rng = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
  const between = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const stats: { requests: number; rounds: number; restarts: number; rekeys: number; [fault: string]: number } = {
    requests: 0,
    rounds: 0,
    restarts: 0,
    rekeys: 0,
  };
  const count = (what: string) => {
    stats[what] = (stats[what] ?? 0) + 1;
  };
  const problems: string[] = [];

  const clock = soakClock;
  clock.t = START;
  await sandbox.control.reset({ keys: true });
  const control = sandbox.control;
  const inspector = createClient({ apiKey: await control.issueKey('soak inspector'), baseUrl: sandbox.url });
  const spaces = (await inspector.spaces.list()).filter((s) => s.name === 'Personal' || s.name === 'Research');
  const collections = new Map<string, string>();
  for (const space of spaces) {
    const list = (await inspector.search.inSpace(space.id, { types: ['collection'] })).data[0];
    if (list) collections.set(space.id, list.id);
  }

  // Faults that last for a while end at a time on the shared clock.
  let offlineUntil = 0;
  let burstUntil = 0;
  let injecting = true;
  let key = await control.issueKey('soak');
  let crash: (() => void) | null = null;

  async function sandboxFaultsNow(): Promise<void> {
    const refuse = clock.t < offlineUntil;
    const burst = clock.t < burstUntil;
    await control.setFaults({ refuse, writeLimit: burst ? { perSecond: 1, burst: 0 } : { ...DEFAULT_WRITE_LIMIT } });
  }

  /** The fetch the client uses: every request passes here, where the seeded faults are decided. */
  const soakFetch: typeof fetch = async (input, init) => {
    stats.requests += 1;
    if (injecting) {
      for (const fault of ALL_SOAK_FAULTS) {
        if (!enabled.has(fault) || rng() >= FAULT_CHANCE[fault]) continue;
        count(fault);
        if (fault === 'offline') offlineUntil = clock.t + between(1_000, 10 * 60_000);
        if (fault === 'rate_burst') burstUntil = clock.t + between(1_000, 30_000);
        if (fault === 'fail_after_create') await control.setFaults({ failAfterCreate: between(1, 3) });
        if (fault === 'drop_after_create') await control.setFaults({ dropAfterCreate: between(1, 2) });
        if (fault === 'revoke_key') await control.revokeKey(key);
        if (fault === 'expire_key') await control.expireKey(key, 0);
        if (fault === 'timeout_applied' || fault === 'timeout_lost' || fault === 'crash_applied' || fault === 'crash_lost') {
          // These decide this request's fate: the first one drawn wins.
          await sandboxFaultsNow();
          return lose(fault, input, init);
        }
      }
    }
    await sandboxFaultsNow();
    return fetch(input, init);
  };

  async function lose(
    fault: 'timeout_applied' | 'timeout_lost' | 'crash_applied' | 'crash_lost',
    input: Parameters<typeof fetch>[0],
    init: Parameters<typeof fetch>[1],
  ): Promise<Response> {
    if (fault === 'timeout_applied' || fault === 'crash_applied') {
      // The request reaches Anytype and is carried out; only its answer is lost.
      const res = await fetch(input, init);
      await res.text();
    }
    if (fault === 'crash_applied' || fault === 'crash_lost') {
      crash?.();
      return never();
    }
    // What the transport's own timer does: abort the fetch, which rejects with an AbortError.
    throw new DOMException('This operation was aborted', 'AbortError');
  }

  let client = createClient({ apiKey: key, baseUrl: sandbox.url, fetch: soakFetch });
  const area = memoryArea();
  let ids = 0;

  /** A worker: a queue over the shared storage; once it dies its storage calls never return. */
  function worker(): { queue: ClipQueue; kill: () => void } {
    let dead = false;
    const inner = createSplitStore(area);
    const store: QueueStore = {
      load: () => (dead ? never() : inner.load()),
      save: (state) => (dead ? never() : inner.save(state)),
    };
    const queue = createClipQueue({
      store,
      delivery: createAnytypeDelivery({ client: () => client, properties: createSpaceProperties({ now: () => clock.t }) }),
      now: () => clock.t,
      random: rng,
      wakeAt: () => undefined,
      uuid: () => {
        ids += 1;
        return uuidFrom(ids);
      },
    });
    return {
      queue,
      kill: () => {
        dead = true;
      },
    };
  }

  let current = worker();

  /** Runs one queue call; a crash (a request that never answers) kills this worker and starts another. */
  async function guarded(call: (q: ClipQueue) => Promise<unknown>): Promise<'ok' | 'crash' | 'error'> {
    const crashed = new Promise<'crash'>((resolve) => {
      crash = () => resolve('crash');
    });
    const outcome = await Promise.race([
      call(current.queue).then(
        () => 'ok' as const,
        (err: unknown) => {
          problems.push(`queue call rejected: ${err instanceof Error ? err.message : String(err)}`);
          return 'error' as const;
        },
      ),
      crashed,
    ]);
    crash = null;
    if (outcome !== 'crash') return outcome;
    stats.restarts += 1;
    current.kill();
    current = worker();
    // The new worker's first act, as the background does on start.
    const recovered = await guarded((q) => q.recover());
    return recovered === 'error' ? 'error' : 'crash';
  }

  const clips: Clip[] = [];
  const MAX_ROUNDS = 20_000;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    stats.rounds = round + 1;
    // The person clips a few pages between two runs of the queue.
    for (let k = between(0, 12); k > 0 && clips.length < total; k -= 1) {
      const n = clips.length;
      const space = pick(spaces);
      const collectionId = rng() < 0.3 ? collections.get(space.id) : undefined;
      const tagNames = rng() < 0.4 ? [pick(TAG_POOL), pick(TAG_POOL)] : [];
      const clip: Clip = {
        n,
        spaceId: space.id,
        ...(collectionId ? { collectionId } : {}),
        tagNames,
        name: `Soak ${seed} clip ${n}`,
        source: `https://soak.example/${seed}/${n}`,
      };
      clips.push(clip);
      const saved = await current.queue.enqueue({
        target: { spaceId: clip.spaceId, typeKey: 'page', ...(collectionId ? { collectionId } : {}) },
        payload: { name: clip.name, markdown: `# ${clip.name}\n\nText of clip ${n}.`, properties: [], tagNames },
        sourceUrl: clip.source,
      });
      clip.clientId = saved.clientId;
    }
    // Stop starting faults once every clip is in and the soak has had its share of them.
    if (clips.length >= total && stats.requests > total * 8) injecting = false;

    const outcome = await guarded((q) => q.process());
    if (outcome === 'error') break;
    const summary = await current.queue.summary();
    if (clips.length >= total && summary.pending === 0 && summary.sending === 0) break;
    if (summary.paused !== null) {
      // The person pairs again: a new key, a new client, and the queue goes on.
      stats.rekeys += 1;
      key = await control.issueKey('soak again');
      client = createClient({ apiKey: key, baseUrl: sandbox.url, fetch: soakFetch });
      await guarded((q) => q.resume());
      continue;
    }
    // Sleep until the queue's alarm (or a while, when it asked for none): the clock jumps.
    const wake = summary.nextAttemptAt ?? null;
    clock.t = wake !== null && wake > clock.t ? wake : clock.t + between(0, 2_000);
    if (round === MAX_ROUNDS - 1) problems.push(`did not settle in ${MAX_ROUNDS} rounds: ${JSON.stringify(summary)}`);
  }

  // What the person sees at the end, and what the vault holds.
  injecting = false;
  offlineUntil = 0;
  burstUntil = 0;
  await control.setFaults({ refuse: false, writeLimit: null, failAfterCreate: 0, dropAfterCreate: 0 });
  const summary = await current.queue.summary();
  if (summary.pending !== 0 || summary.sending !== 0 || summary.failed !== 0) {
    problems.push(`queue not empty: ${JSON.stringify(summary)}`);
  }
  for (const job of await current.queue.failed()) problems.push(`failed: ${job.payload.name}: ${job.lastError?.message}`);

  const all = await control.objects();
  const bySource = new Map<string, typeof all>();
  for (const obj of all) {
    const source = obj.properties.source;
    if (typeof source !== 'string' || !source.startsWith(`https://soak.example/${seed}/`)) continue;
    bySource.set(source, [...(bySource.get(source) ?? []), obj]);
  }
  const tagNamesById = new Map<string, string>();
  for (const space of spaces) {
    const tagProperty = (await inspector.properties.list(space.id)).find((p) => p.key === 'tag');
    if (!tagProperty) continue;
    for (const tag of await inspector.tags.list(space.id, tagProperty.id)) tagNamesById.set(tag.id, tag.name.toLowerCase());
  }
  const objectIds = new Set<string>();
  for (const clip of clips) {
    const copies = bySource.get(clip.source) ?? [];
    bySource.delete(clip.source);
    if (copies.length !== 1) {
      problems.push(`clip ${clip.n} is in the vault ${copies.length} times`);
      continue;
    }
    const [obj] = copies;
    if (!obj) continue;
    objectIds.add(obj.id);
    if (obj.space_id !== clip.spaceId) problems.push(`clip ${clip.n} is in space ${obj.space_id}, not ${clip.spaceId}`);
    if (obj.name !== clip.name) problems.push(`clip ${clip.n} is named "${obj.name}"`);
    const lists = clip.collectionId ? [clip.collectionId] : [];
    if (JSON.stringify(obj.lists) !== JSON.stringify(lists)) {
      problems.push(`clip ${clip.n} is in lists ${JSON.stringify(obj.lists)}, not ${JSON.stringify(lists)}`);
    }
    const wantTags = [...new Set(clip.tagNames.map((t) => t.toLowerCase()))].sort();
    const tagIds = Array.isArray(obj.properties.tag) ? obj.properties.tag : [];
    const gotTags = tagIds.map((id) => tagNamesById.get(id) ?? `?${id}`).sort();
    if (JSON.stringify(gotTags) !== JSON.stringify(wantTags)) {
      problems.push(`clip ${clip.n} has tags ${JSON.stringify(gotTags)}, not ${JSON.stringify(wantTags)}`);
    }
    // The queue's record of the clip, while it keeps it, names this very object.
    const job = clip.clientId ? await current.queue.get(clip.clientId) : undefined;
    if (job !== undefined && job.objectId !== obj.id) problems.push(`clip ${clip.n}: the queue names ${job.objectId}, the vault ${obj.id}`);
  }
  for (const [source, extra] of bySource) problems.push(`${extra.length} object(s) for ${source}, which no clip had`);
  // Done jobs the queue keeps (for its "Saved" list) each own a different object.
  const recent = await current.queue.recent();
  if (new Set(recent.map((j) => j.objectId)).size !== recent.length) problems.push('two done jobs name the same object');
  if (clips.length !== total) problems.push(`only ${clips.length} of ${total} clips were taken`);
  if (objectIds.size !== clips.length && problems.length === 0) problems.push('objects and clips do not pair up');

  for (const v of sandbox.violations()) problems.push(`spec violation: ${v.direction} ${v.method} ${v.path}: ${v.message}`);
  return { seed, problems, stats };
}
