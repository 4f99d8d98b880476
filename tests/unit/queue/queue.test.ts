// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createClipQueue, isQueueError, type QueueSummary } from '../../../lib/queue';
import { clip, makeWorld, openQueue, runToEnd } from './fakes';

describe('clip queue: basics', () => {
  it('stores a clip before any request and returns only after the save', async () => {
    const world = makeWorld();
    const queue = openQueue(world);
    const job = await queue.enqueue(clip(1));
    expect(job.status).toBe('pending');
    expect(job.attempts).toBe(0);
    expect(world.vault.creates).toBe(0);
    expect(world.store.stored().jobs.map((j) => j.clientId)).toEqual([job.clientId]);
    // The alarm is armed at once, so a worker that dies now still delivers the clip.
    expect(world.clock.wake).toBe(world.clock.t);
  });

  it('delivers a clip once and keeps it in the Saved list without its text', async () => {
    const world = makeWorld();
    const queue = openQueue(world);
    const job = await queue.enqueue(clip(1));
    await queue.process();
    const saved = await queue.get(job.clientId);
    expect(saved?.status).toBe('done');
    expect(saved?.objectId).toBe(world.vault.objects[0]?.id);
    expect(saved?.payload.markdown).toBe('');
    expect(world.vault.creates).toBe(1);
    expect((await queue.recent()).map((j) => j.clientId)).toEqual([job.clientId]);
    expect(await queue.summary()).toMatchObject({ pending: 0, sending: 0, failed: 0, done: 1, paused: null });
    expect(world.clock.wake).toBeNull();
  });

  it('delivers in the order clips were taken', async () => {
    const world = makeWorld();
    const queue = openQueue(world);
    for (let n = 1; n <= 3; n += 1) await queue.enqueue(clip(n));
    await queue.process();
    expect(world.vault.objects.map((o) => o.name)).toEqual(['Clip 1', 'Clip 2', 'Clip 3']);
  });

  it('joins concurrent process() calls and picks up clips added meanwhile', async () => {
    const world = makeWorld();
    const queue = openQueue(world);
    await queue.enqueue(clip(1));
    const first = queue.process();
    const second = queue.process();
    const late = queue.enqueue(clip(2)).then(() => queue.process());
    await Promise.all([first, second, late]);
    expect(world.vault.creates).toBe(2);
    expect((await queue.summary()).done).toBe(2);
  });

  it('treats a second submit with the same clientId as the same clip', async () => {
    const world = makeWorld();
    const queue = openQueue(world);
    const clientId = '5b0c3a44-9d0e-4c55-8f3e-2a1b6c7d8e9f';
    const a = await queue.enqueue({ ...clip(1), clientId });
    await queue.process();
    const b = await queue.enqueue({ ...clip(1), clientId });
    await queue.process();
    expect(a.clientId).toBe(clientId);
    expect(b.status).toBe('done');
    expect(world.vault.creates).toBe(1);
  });

  it('tells the listener about every change', async () => {
    const world = makeWorld();
    const seen: QueueSummary[] = [];
    const q = createClipQueue({
      store: world.store,
      delivery: world.vault,
      now: () => world.clock.t,
      random: world.random,
      wakeAt: () => undefined,
      onChange: (s) => seen.push(s),
    });
    await q.enqueue(clip(1));
    await q.process();
    expect(seen[0]).toMatchObject({ pending: 1 });
    expect(seen.at(-1)).toMatchObject({ pending: 0, done: 1 });
  });
});

describe('clip queue: limits', () => {
  it('refuses a clip over the size cap with a clear error and stores nothing', async () => {
    const world = makeWorld({ limits: { maxMarkdownBytes: 2 * 1024 * 1024 } });
    const queue = openQueue(world);
    const big = clip(1);
    big.payload = { ...big.payload, markdown: 'é'.repeat(1024 * 1024 + 1) };
    const error = await queue.enqueue(big).catch((e: unknown) => e);
    expect(isQueueError(error) && error.code).toBe('too_large');
    expect(String((error as Error).message)).toMatch(/too large to save \(2\.0 MB of text; the limit is 2\.0 MB\)/);
    expect(world.store.saves).toBe(0);
  });

  it('refuses more open clips than the cap and evicts nothing', async () => {
    const world = makeWorld({ limits: { maxOpenJobs: 2 } });
    const queue = openQueue(world);
    await queue.enqueue(clip(1));
    await queue.enqueue(clip(2));
    const error = await queue.enqueue(clip(3)).catch((e: unknown) => e);
    expect(isQueueError(error) && error.code).toBe('queue_full');
    expect((error as Error).message).toMatch(/2 clips are already waiting/);
    expect(world.store.stored().jobs).toHaveLength(2);
    // Done clips do not count: once delivered there is room again.
    await queue.process();
    await expect(queue.enqueue(clip(3))).resolves.toMatchObject({ status: 'pending' });
  });

  it('refuses malformed input', async () => {
    const queue = openQueue(makeWorld());
    const bad = { ...clip(1), target: { spaceId: '', typeKey: 'page' } };
    const error = await queue.enqueue(bad).catch((e: unknown) => e);
    expect(isQueueError(error) && error.code).toBe('invalid');
  });

  it('rejects the enqueue when storage refuses, and keeps nothing in memory', async () => {
    const world = makeWorld();
    world.store.faults.push('reject');
    const queue = openQueue(world);
    const error = await queue.enqueue(clip(1)).catch((e: unknown) => e);
    expect(isQueueError(error) && error.code).toBe('not_kept');
    expect((error as Error).cause).toMatchObject({ message: expect.stringMatching(/quota/) });
    expect((await queue.summary()).pending).toBe(0);
    await queue.process();
    expect(world.vault.creates).toBe(0);
  });

  it('keeps only the newest done clips', async () => {
    const world = makeWorld({ limits: { keepDone: 3 } });
    const queue = openQueue(world);
    for (let n = 1; n <= 5; n += 1) {
      await queue.enqueue(clip(n));
      world.clock.t += 1000;
      await queue.process();
    }
    expect((await queue.recent()).map((j) => j.payload.name)).toEqual(['Clip 5', 'Clip 4', 'Clip 3']);
  });
});

describe('clip queue: failures the person must see', () => {
  it('fails a bad request at once, then retry delivers it', async () => {
    const world = makeWorld();
    world.vault.script = ['bad_request'];
    const queue = openQueue(world);
    const job = await queue.enqueue(clip(1));
    await queue.process();
    const [failed] = await queue.failed();
    expect(failed).toMatchObject({ clientId: job.clientId, status: 'failed', lastError: { kind: 'bad_request' } });
    expect(world.vault.creates).toBe(0);
    await queue.retry(job.clientId);
    await queue.process();
    expect((await queue.get(job.clientId))?.status).toBe('done');
    expect(world.vault.creates).toBe(1);
  });

  it('fails after the attempt limit and discard removes it', async () => {
    const world = makeWorld({ limits: { maxAttempts: 3 } });
    world.vault.script = ['lost_500', 'lost_500', 'lost_500'];
    world.vault.findScript = [];
    const queue = openQueue(world);
    const job = await queue.enqueue(clip(1));
    const end = await runToEnd(world, queue);
    expect((await end.get(job.clientId))?.status).toBe('failed');
    // Every 500 was in doubt: each re-send was preceded by a lookup.
    expect(world.vault.finds).toBe(3);
    await end.discard(job.clientId);
    expect(await end.get(job.clientId)).toBeUndefined();
    expect(world.store.stored().jobs).toHaveLength(0);
  });

  it('says which clip is unknown or busy', async () => {
    const queue = openQueue(makeWorld());
    const error = await queue.retry('00000000-0000-4000-8000-000000000000').catch((e: unknown) => e);
    expect(isQueueError(error) && error.code).toBe('not_found');
  });
});

describe('clip queue: collections', () => {
  const inCollection = () => clip(1, { target: { spaceId: 'space-1', typeKey: 'page', collectionId: 'list-1' } });

  it('adds the new object to the collection', async () => {
    const world = makeWorld();
    const queue = openQueue(world);
    await queue.enqueue(inCollection());
    await queue.process();
    expect(world.vault.objects[0]?.lists).toEqual(['list-1']);
  });

  it('retries only the collection add when it fails after the create', async () => {
    const world = makeWorld();
    world.vault.script = ['ok', 'offline', 'lost_500'];
    const queue = openQueue(world);
    const job = await queue.enqueue(inCollection());
    const end = await runToEnd(world, queue);
    expect(world.vault.creates).toBe(1);
    expect(world.vault.finds).toBe(0);
    expect(world.vault.objects[0]?.lists).toEqual(['list-1']);
    expect((await end.get(job.clientId))?.objectId).toBe(world.vault.objects[0]?.id);
  });

  it('shows a refused collection add as failed with the object kept', async () => {
    const world = makeWorld();
    world.vault.script = ['ok', 'bad_request'];
    const queue = openQueue(world);
    const job = await queue.enqueue(inCollection());
    await queue.process();
    const failed = await queue.get(job.clientId);
    expect(failed).toMatchObject({ status: 'failed', objectId: world.vault.objects[0]?.id });
    await queue.retry(job.clientId);
    await queue.process();
    expect(world.vault.creates).toBe(1);
    expect((await queue.get(job.clientId))?.status).toBe('done');
  });
});
