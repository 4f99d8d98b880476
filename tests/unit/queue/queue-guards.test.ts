// @vitest-environment node
/**
 * The queue's guards, each where it matters: a clip cannot be changed while a request for it is out
 * (even during the lookup before a resend), the alarm is armed for what a restart finds, a save
 * refused after a create leaves an in-doubt clip (never a second create), and each refusal says
 * what happened in the person's words.
 */
import { describe, expect, it } from 'vitest';
import { type ClipDelivery, type ClipJob, createClipQueue, isQueueError } from '../../../lib/queue';
import { DEFAULT_LIMITS, SENDING_WATCHDOG_MS } from '../../../lib/queue/policy';
import { clip, makeWorld, openQueue} from './fakes';

/** A promise the test settles, for a request that is out while the test looks at the queue. */
function gate<T>() {
  let open: (value: T) => void = () => undefined;
  const promise = new Promise<T>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

const error = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

const stored = (n: number) => ({
  clientId: `0b6e3f2a-1c4d-4e5f-8a9b-0c1d2e3f4a5${n}`,
  createdAt: 1_700_000_000_000 + n,
  target: { spaceId: 'space-1', typeKey: 'page' },
  payload: { name: `Kept ${n}`, markdown: 'text', properties: [] },
  sourceUrl: 'https://example.com/',
  status: 'pending',
  attempts: 0,
});

describe('clip queue: nothing changes a clip while its request is out', () => {
  it('refuses discard, retry and a new destination while the create is out, and retry of a saved clip', async () => {
    const world = makeWorld();
    const created = gate<{ objectId: string }>();
    const delivery: ClipDelivery = { ...world.vault, create: () => created.promise, findExisting: async () => null };
    const queue = createClipQueue({ store: world.store, delivery, now: () => world.clock.t, random: world.random, wakeAt: () => undefined });
    const job = await queue.enqueue(clip(1));
    const running = queue.process();
    await new Promise((r) => setTimeout(r, 0));
    expect((await queue.get(job.clientId))?.status).toBe('sending');
    for (const refused of [
      error(queue.discard(job.clientId)),
      error(queue.retry(job.clientId)),
      error(queue.retarget(job.clientId, { spaceId: 'space-2', typeKey: 'page' })),
    ]) {
      const e = await refused;
      expect(isQueueError(e) && e.code).toBe('busy');
      expect((e as Error).message).toMatch(/being saved/);
    }
    created.open({ objectId: 'obj-1' });
    await running;
    const again = await error(queue.retry(job.clientId));
    expect(isQueueError(again) && again.code).toBe('busy');
    expect((again as Error).message).toBe('That clip is being saved or already saved.');
    expect((await queue.get(job.clientId))?.status).toBe('done');
  });

  it('refuses discard and a new destination during the lookup before a resend', async () => {
    const world = makeWorld();
    world.vault.script = ['lost_500'];
    const queue = openQueue(world);
    const job = await queue.enqueue(clip(1));
    await queue.process();
    expect((await queue.get(job.clientId))?.mustReconcile).toBe(true);
    const looked = gate<string | null>();
    const delivery: ClipDelivery = { ...world.vault, create: (j) => world.vault.create(j), findExisting: () => looked.promise };
    const live = createClipQueue({ store: world.store, delivery, now: () => world.clock.t, random: world.random, wakeAt: () => undefined });
    world.clock.t += 24 * 3_600_000;
    const running = live.process();
    await new Promise((r) => setTimeout(r, 0));
    // Still pending in storage: only the lookup is out, and its answer decides what happens next.
    expect((await live.get(job.clientId))?.status).toBe('pending');
    const discarded = await error(live.discard(job.clientId));
    expect(isQueueError(discarded) && discarded.code).toBe('busy');
    expect((discarded as Error).message).toBe('That clip is being saved right now; try again in a moment.');
    const moved = await error(live.retarget(job.clientId, { spaceId: 'space-2', typeKey: 'page' }));
    expect(isQueueError(moved) && moved.code).toBe('busy');
    looked.open(null);
    await running;
    expect((await live.get(job.clientId))?.status).toBe('done');
    expect(world.vault.creates).toBe(1);
  });
});

describe('clip queue: what a request leaves behind', () => {
  it('marks the clip sending and arms the watchdog before the create and before the collection add', async () => {
    const world = makeWorld();
    world.vault.script = ['ok', 'offline'];
    const seen: { call: string; status?: string; wake: number | null; now: number }[] = [];
    const delivery: ClipDelivery = {
      create: (j: ClipJob) => {
        seen.push({ call: 'create', status: world.store.stored().jobs[0]?.status, wake: world.clock.wake, now: world.clock.t });
        return world.vault.create(j);
      },
      findExisting: (j, ex) => world.vault.findExisting(j, ex),
      addToCollection: (j, id) => {
        seen.push({ call: 'add', status: world.store.stored().jobs[0]?.status, wake: world.clock.wake, now: world.clock.t });
        return world.vault.addToCollection(j, id);
      },
    };
    const queue = createClipQueue({
      store: world.store,
      delivery,
      now: () => world.clock.t,
      random: world.random,
      wakeAt: (ms) => {
        world.clock.wake = ms;
      },
    });
    const job = await queue.enqueue(clip(1, { target: { spaceId: 'space-1', typeKey: 'page', collectionId: 'list-1' } }));
    await queue.process(); // create ok, add offline: the add waits, the object is kept
    expect((await queue.get(job.clientId))?.status).toBe('pending');
    world.clock.t += 3_600_000;
    await queue.process(); // the add alone, once more
    expect(seen.map((s) => s.call)).toEqual(['create', 'add', 'add']);
    for (const s of seen) {
      expect(s.status).toBe('sending');
      expect(s.wake).toBe(s.now + SENDING_WATCHDOG_MS);
    }
    expect((await queue.get(job.clientId))?.status).toBe('done');
    expect(world.vault.creates).toBe(1);
  });

  it('finishes a clip for a collection when the delivery cannot add to collections', async () => {
    const world = makeWorld();
    const delivery: ClipDelivery = { create: (j) => world.vault.create(j), findExisting: (j, ex) => world.vault.findExisting(j, ex) };
    const queue = createClipQueue({ store: world.store, delivery, now: () => world.clock.t, random: world.random, wakeAt: () => undefined });
    const job = await queue.enqueue(clip(1, { target: { spaceId: 'space-1', typeKey: 'page', collectionId: 'list-1' } }));
    await queue.process();
    expect((await queue.get(job.clientId))?.status).toBe('done');
    expect(world.vault.creates).toBe(1);
  });

  it('does not take an answer without an object id as a saved clip', async () => {
    for (const answer of [{ objectId: '' }, {}, undefined]) {
      const world = makeWorld();
      const delivery: ClipDelivery = {
        create: async () => answer as { objectId: string },
        findExisting: async () => null,
      };
      const queue = createClipQueue({ store: world.store, delivery, now: () => world.clock.t, random: world.random, wakeAt: () => undefined });
      const job = await queue.enqueue(clip(1));
      await queue.process();
      const after = await queue.get(job.clientId);
      expect(after?.status).not.toBe('done');
      expect(after?.objectId).toBeUndefined();
      expect(after?.lastError?.message).toBe('Anytype answered without the new object’s id');
    }
  });

  it('a save refused after the create leaves the clip in doubt in memory: looked up later, never created twice', async () => {
    const world = makeWorld();
    const queue = openQueue(world);
    const job = await queue.enqueue(clip(1));
    world.store.faults = [null, 'reject']; // markSending saves, recording the object does not
    await expect(queue.process()).rejects.toThrow(/quota/);
    const after = await queue.get(job.clientId);
    expect(after).toMatchObject({ status: 'pending', mustReconcile: true, nextAttemptAt: world.clock.t + SENDING_WATCHDOG_MS });
    await queue.process(); // not due yet: nothing is sent
    expect(world.vault.creates).toBe(1);
    expect(world.vault.finds).toBe(0);
    world.clock.t += SENDING_WATCHDOG_MS;
    await queue.process();
    expect(world.vault.finds).toBe(1);
    expect(world.vault.creates).toBe(1);
    expect((await queue.get(job.clientId))?.status).toBe('done');
  });

  it('a process() whose store cannot be read rejects with the store error', async () => {
    const world = makeWorld();
    const queue = createClipQueue({
      store: { load: () => Promise.reject(new Error('storage unavailable')), save: async () => undefined },
      delivery: world.vault,
      now: () => world.clock.t,
      random: world.random,
      wakeAt: () => undefined,
    });
    await expect(queue.process()).rejects.toThrow('storage unavailable');
  });
});

describe('clip queue: restart and lists', () => {
  it('recover() on a restart arms the alarm for the waiting clips, and writes nothing when none is in doubt', async () => {
    const world = makeWorld({ initial: { version: 1, jobs: [stored(1)], quarantine: [], paused: null, hold: null } });
    const queue = openQueue(world);
    await queue.recover();
    expect(world.clock.wake).toBe(world.clock.t);
    expect(world.store.saves).toBe(0);
  });

  it('open() lists the clips not yet saved, oldest first; recent() only the saved ones', async () => {
    const jobs = [stored(3), stored(1), { ...stored(2), status: 'failed', lastError: { kind: 'bad_request', message: 'no' } }];
    const world = makeWorld({ initial: { version: 1, jobs, quarantine: [], paused: null, hold: null } });
    const queue = openQueue(world);
    expect((await queue.open()).map((j) => j.payload.name)).toEqual(['Kept 1', 'Kept 2', 'Kept 3']);
    expect(await queue.recent()).toEqual([]);
    world.vault.script = ['ok'];
    await queue.process();
    expect((await queue.open()).map((j) => j.payload.name)).toEqual(['Kept 2']);
    expect((await queue.recent()).map((j) => j.status)).toEqual(['done', 'done']);
  });
});

describe('clip queue: undo and refusals in words', () => {
  it('undo works up to the end of the window, not after', async () => {
    const world = makeWorld();
    const queue = openQueue(world);
    const job = await queue.enqueue(clip(1));
    await queue.discard(job.clientId);
    world.clock.t += DEFAULT_LIMITS.undoDiscardMs;
    await expect(queue.undoDiscard(job.clientId)).resolves.toMatchObject({ clientId: job.clientId });
    await queue.discard(job.clientId);
    world.clock.t += DEFAULT_LIMITS.undoDiscardMs + 1;
    const lapsed = await error(queue.undoDiscard(job.clientId));
    expect((lapsed as Error).message).toBe('That clip can no longer be put back: it was discarded more than a minute ago.');
  });

  it('undo after the same clip was submitted again keeps one clip', async () => {
    const world = makeWorld();
    const queue = openQueue(world);
    const clientId = '5b0c3a44-9d0e-4c55-8f3e-2a1b6c7d8e9f';
    await queue.enqueue({ ...clip(1), clientId });
    await queue.discard(clientId);
    await queue.enqueue({ ...clip(1), clientId });
    await queue.undoDiscard(clientId);
    expect(world.store.stored().jobs.filter((j) => j.clientId === clientId)).toHaveLength(1);
  });

  it('says in words why a clip is not kept, unknown or not a destination', async () => {
    const world = makeWorld();
    world.store.faults.push('reject');
    const queue = openQueue(world);
    expect(((await error(queue.enqueue(clip(1)))) as Error).message).toMatch(/^The browser could not store this clip/);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(((await error(queue.retry(unknown))) as Error).message).toBe('That clip is no longer in the queue.');
    expect(((await error(queue.discardQuarantined(0, 1))) as Error).message).toBe('That clip is no longer in the queue.');
    const job = await queue.enqueue(clip(2));
    const bad = await error(queue.retarget(job.clientId, { spaceId: '', typeKey: 'page' }));
    expect(isQueueError(bad) && bad.code).toBe('invalid');
    expect((bad as Error).message).toMatch(/^This clip cannot be saved: .+\.$/);
    expect((bad as Error).message).not.toContain('{problem}');
  });
});
