/**
 * Test doubles for the clip queue: a JSON store (like storage.local), a fake Anytype vault with a
 * scripted delivery, and a driver that runs a queue to the end across simulated worker crashes.
 * A "crash" is a request or save that never settles: its queue instance is dropped and a new one
 * is built from the same store, exactly what a killed MV3 worker leaves behind.
 */
import { AnytypeError, type AnytypeErrorKind } from '../../../lib/anytype/errors';
import { type ClipDelivery, type ClipJob, type ClipQueue, createClipQueue, type EnqueueInput } from '../../../lib/queue';
import type { QueueLimits } from '../../../lib/queue/policy';

export const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

export class Crash {
  private resolve: () => void = () => undefined;
  signal: Promise<void> = this.reset();
  reset(): Promise<void> {
    this.signal = new Promise<void>((r) => {
      this.resolve = r;
    });
    return this.signal;
  }
  /** How many times a worker died. */
  count = 0;
  fire(): void {
    this.count += 1;
    this.resolve();
  }
}

export type SaveFault = 'hang_before' | 'hang_after' | 'reject';

export class FakeStore {
  data: string | undefined;
  saves = 0;
  /** Faults for the next saves, in order; null lets that save through. */
  faults: (SaveFault | null)[] = [];
  constructor(
    readonly crash: Crash,
    initial?: unknown,
  ) {
    this.data = initial === undefined ? undefined : JSON.stringify(initial);
  }
  async load(): Promise<unknown> {
    return this.data === undefined ? undefined : JSON.parse(this.data);
  }
  async save(state: unknown): Promise<void> {
    this.saves += 1;
    const fault = this.faults.shift();
    if (fault === 'hang_before') {
      this.crash.fire();
      return never();
    }
    if (fault === 'reject') throw new Error('QUOTA_BYTES quota exceeded');
    this.data = JSON.stringify(state);
    if (fault === 'hang_after') {
      this.crash.fire();
      return never();
    }
  }
  stored(): { jobs: ClipJob[]; quarantine: unknown[]; paused: unknown } {
    return JSON.parse(this.data ?? '{"jobs":[],"quarantine":[]}');
  }
}

export interface VaultObject {
  id: string;
  clientId: string;
  name: string;
  lists: string[];
}

/** What one delivery call does. `hang_*` never answers (the worker dies while it waits). */
export type Outcome =
  | 'ok'
  | 'applied_500'
  | 'lost_500'
  | 'rate_limited'
  | 'offline'
  | 'timeout_applied'
  | 'unauthorized'
  | 'bad_request'
  | 'hang_applied'
  | 'hang_lost';

export const OUTCOMES: Outcome[] = [
  'ok',
  'applied_500',
  'lost_500',
  'rate_limited',
  'offline',
  'timeout_applied',
  'unauthorized',
  'bad_request',
  'hang_applied',
  'hang_lost',
];

function error(kind: AnytypeErrorKind, mayHaveApplied: boolean, status?: number): AnytypeError {
  return new AnytypeError(kind, { mayHaveApplied, status });
}

/** Which outcomes leave the write applied in the vault. */
const APPLIES = new Set<Outcome>(['ok', 'applied_500', 'timeout_applied', 'hang_applied']);

export class FakeVault implements ClipDelivery {
  objects: VaultObject[] = [];
  creates = 0;
  listAdds = 0;
  finds = 0;
  /** Outcomes for the next writes (create, list add), in order; 'ok' once the script runs out. */
  script: Outcome[] = [];
  /** Outcomes for the next lookups; write-only outcomes behave as their read counterparts. */
  findScript: Outcome[] = [];
  private seq = 0;
  constructor(readonly crash: Crash) {}

  private async run(outcome: Outcome, apply: () => void): Promise<void> {
    if (APPLIES.has(outcome)) apply();
    switch (outcome) {
      case 'ok':
        return;
      case 'applied_500':
      case 'lost_500':
        throw error('server', true, 500);
      case 'timeout_applied':
        throw error('offline', true);
      case 'rate_limited':
        throw error('rate_limited', false, 429);
      case 'offline':
        throw error('offline', false);
      case 'unauthorized':
        throw error('unauthorized', false, 401);
      case 'bad_request':
        throw error('bad_request', false, 400);
      case 'hang_applied':
      case 'hang_lost':
        this.crash.fire();
        return never();
    }
  }

  async create(job: ClipJob): Promise<{ objectId: string }> {
    const id = `obj-${++this.seq}`;
    await this.run(this.script.shift() ?? 'ok', () => {
      this.creates += 1;
      this.objects.push({ id, clientId: job.clientId, name: job.payload.name, lists: [] });
    });
    return { objectId: id };
  }

  async findExisting(job: ClipJob, exclude: ReadonlySet<string>): Promise<string | null> {
    this.finds += 1;
    await this.run(this.findScript.shift() ?? 'ok', () => undefined);
    return this.objects.find((o) => o.clientId === job.clientId && !exclude.has(o.id))?.id ?? null;
  }

  async addToCollection(job: ClipJob, objectId: string): Promise<void> {
    await this.run(this.script.shift() ?? 'ok', () => {
      this.listAdds += 1;
      const obj = this.objects.find((o) => o.id === objectId);
      const list = job.target.collectionId ?? '';
      if (obj && !obj.lists.includes(list)) obj.lists.push(list);
    });
  }

  copiesOf(clientId: string): number {
    return this.objects.filter((o) => o.clientId === clientId).length;
  }
}

export interface World {
  clock: { t: number; wake: number | null };
  crash: Crash;
  store: FakeStore;
  vault: FakeVault;
  limits?: Partial<QueueLimits>;
  random: () => number;
}

export function makeWorld(opts: { limits?: Partial<QueueLimits>; initial?: unknown; seed?: number } = {}): World {
  const crash = new Crash();
  let s = opts.seed ?? 1;
  return {
    clock: { t: 1_700_000_000_000, wake: null },
    crash,
    store: new FakeStore(crash, opts.initial),
    vault: new FakeVault(crash),
    limits: opts.limits,
    // A small deterministic generator: jitter draws must not make tests flaky.
    random: () => {
      s = (s * 16807) % 2147483647;
      return s / 2147483647;
    },
  };
}

export function openQueue(world: World): ClipQueue {
  return createClipQueue({
    store: world.store,
    delivery: world.vault,
    now: () => world.clock.t,
    random: world.random,
    wakeAt: (ms) => {
      world.clock.wake = ms;
    },
    limits: world.limits,
  });
}

export function clip(n: number, extra: Partial<EnqueueInput> = {}): EnqueueInput {
  return {
    target: { spaceId: 'space-1', typeKey: 'page' },
    payload: { name: `Clip ${n}`, markdown: `# Clip ${n}\n\nBody ${n}.`, properties: [] },
    sourceUrl: `https://example.com/${n}`,
    ...extra,
  };
}

type Step = 'ok' | 'error' | 'crash';

/** Awaits a queue call unless the worker dies during it; a rejection is reported, not thrown. */
async function guard(world: World, call: () => Promise<unknown>): Promise<Step> {
  const crashed = world.crash.reset().then(() => 'crash' as const);
  return Promise.race([
    call().then(
      () => 'ok' as const,
      () => 'error' as const,
    ),
    crashed,
  ]);
}

/**
 * A new worker: a new queue from the same store. A crash while recovering starts another one; a
 * storage error is what the background would log before trying again on the next event.
 */
export async function restart(world: World): Promise<ClipQueue> {
  for (;;) {
    const queue = openQueue(world);
    if ((await guard(world, () => queue.recover())) === 'ok') return queue;
  }
}

/**
 * Runs the queue until nothing is open but failed jobs, like the background would: process(),
 * sleep until the requested wake time, resume after a "re-pairing", and on a crash start a new
 * worker (new queue from the same store, recover()). Returns the queue that finished.
 */
export async function runToEnd(world: World, start: ClipQueue, maxRounds = 2_000): Promise<ClipQueue> {
  let queue = start;
  for (let round = 0; round < maxRounds; round += 1) {
    const result = await guard(world, () => queue.process());
    if (result === 'crash') {
      queue = await restart(world);
      continue;
    }
    if (result === 'error') continue; // storage refused a write: the next alarm tries again
    const summary = await queue.summary();
    if (summary.pending === 0 && summary.sending === 0) return queue;
    if (summary.paused !== null) {
      // The person pairs again.
      if ((await guard(world, () => queue.resume())) === 'crash') queue = await restart(world);
      continue;
    }
    const wake = summary.nextAttemptAt ?? world.clock.wake;
    if (wake !== null && wake !== undefined && wake > world.clock.t) world.clock.t = wake;
  }
  throw new Error('queue did not settle');
}
