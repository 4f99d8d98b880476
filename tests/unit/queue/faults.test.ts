// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { clip, makeWorld, openQueue, type Outcome, restart, runToEnd, type SaveFault, type World } from './fakes';

const inCollection = (n: number) =>
  clip(n, { target: { spaceId: 'space-1', typeKey: 'page', collectionId: 'list-1' } });

async function expectDeliveredOnce(world: World, clientIds: string[]): Promise<void> {
  const queue = await restart(world);
  for (const id of clientIds) {
    expect(world.vault.copiesOf(id)).toBe(1);
    const job = await queue.get(id);
    expect(job?.status).toBe('done');
    expect(job?.objectId).toBe(world.vault.objects.find((o) => o.clientId === id)?.id);
  }
}

describe('clip queue: crash at every step', () => {
  // One clip with a collection goes through: enqueue save, 'sending' save, create, object save,
  // list add, done save. Crash at each save (before or after it reached storage) and at each
  // request (applied or not), then restart the worker from what storage holds.
  const saveFaults: SaveFault[] = ['hang_before', 'hang_after'];
  for (let at = 2; at <= 4; at += 1) {
    for (const fault of saveFaults) {
      it(`save #${at} never finishes (${fault})`, async () => {
        const world = makeWorld();
        const queue = openQueue(world);
        const job = await queue.enqueue(inCollection(1));
        world.store.faults = [...Array.from({ length: at - 2 }, () => null), fault];
        await runToEnd(world, queue);
        expect(world.crash.count).toBe(1);
        await expectDeliveredOnce(world, [job.clientId]);
        expect(world.vault.creates).toBe(1);
        expect(world.vault.objects[0]?.lists).toEqual(['list-1']);
      });
    }
  }

  const hangs: Outcome[] = ['hang_applied', 'hang_lost'];
  for (const request of [0, 1]) {
    for (const hang of hangs) {
      it(`request #${request + 1} never answers (${hang})`, async () => {
        const world = makeWorld();
        const queue = openQueue(world);
        const job = await queue.enqueue(inCollection(1));
        world.vault.script = request === 0 ? [hang] : ['ok', hang];
        await runToEnd(world, queue);
        expect(world.crash.count).toBe(1);
        await expectDeliveredOnce(world, [job.clientId]);
        expect(world.vault.creates).toBe(1);
        expect(world.vault.objects[0]?.lists).toEqual(['list-1']);
      });
    }
  }

  it('an enqueue whose save never finished either holds the clip or never claimed to', async () => {
    for (const fault of saveFaults) {
      const world = makeWorld();
      world.store.faults = [fault];
      const queue = openQueue(world);
      const answered = await Promise.race([
        queue.enqueue(clip(1)).then(() => true),
        world.crash.signal.then(() => false),
      ]);
      expect(answered).toBe(false);
      const next = await restart(world);
      await runToEnd(world, next);
      // The person saw no confirmation; if storage has the clip anyway it is saved exactly once.
      expect(world.vault.creates).toBe(fault === 'hang_after' ? 1 : 0);
    }
  });

  it('a clip left in "sending" is looked up before it is sent again', async () => {
    const world = makeWorld();
    const queue = openQueue(world);
    const job = await queue.enqueue(clip(1));
    world.vault.script = ['hang_applied'];
    await runToEnd(world, queue);
    expect(world.vault.finds).toBe(1);
    await expectDeliveredOnce(world, [job.clientId]);
  });
});

describe('clip queue: Anytype faults', () => {
  it('a 429 storm delivers everything, once each', async () => {
    const world = makeWorld();
    const queue = openQueue(world);
    const ids: string[] = [];
    for (let n = 0; n < 20; n += 1) ids.push((await queue.enqueue(clip(n))).clientId);
    world.vault.script = Array.from({ length: 120 }, (_, i) => (i % 4 === 3 ? 'ok' : 'rate_limited'));
    const t0 = world.clock.t;
    await queue.process();
    expect(await queue.summary()).toMatchObject({ waitingReason: 'rate_limited', paused: null });
    expect(world.clock.wake).toBeGreaterThan(t0);
    await runToEnd(world, queue);
    expect(world.vault.creates).toBe(20);
    await expectDeliveredOnce(world, ids);
    // 429s are the limiter talking, not failures of the clip.
    for (const id of ids) expect((await queue.get(id))?.attempts).toBe(0);
  });

  it('waits while Anytype is closed and delivers once when it is back', async () => {
    const world = makeWorld();
    const queue = openQueue(world);
    const job = await queue.enqueue(clip(1));
    world.vault.script = Array.from({ length: 12 }, () => 'offline' as const);
    const t0 = world.clock.t;
    await queue.process();
    expect(await queue.summary()).toMatchObject({ pending: 1, waitingReason: 'offline' });
    expect(world.clock.wake).toBeGreaterThanOrEqual(t0 + 2_500);
    await runToEnd(world, queue);
    await expectDeliveredOnce(world, [job.clientId]);
    expect((await queue.get(job.clientId))?.attempts).toBe(0);
    // The backoff stops growing at five minutes.
    expect(world.clock.t - t0).toBeLessThan(12 * 5 * 60_000);
  });

  it('pauses on 401 without losing or spending anything, and resume delivers once', async () => {
    const world = makeWorld();
    const queue = openQueue(world);
    const a = await queue.enqueue(clip(1));
    const b = await queue.enqueue(clip(2));
    world.vault.script = ['unauthorized'];
    await queue.process();
    expect(await queue.summary()).toMatchObject({ pending: 2, paused: 'unauthorized', waitingReason: 'unauthorized' });
    expect(world.clock.wake).toBeNull();
    await queue.process();
    expect(world.vault.creates).toBe(0);
    // A new worker (browser restart) stays paused until the person pairs again.
    const again = await restart(world);
    await again.process();
    expect(world.vault.creates).toBe(0);
    expect(world.store.stored().jobs.map((j) => j.attempts)).toEqual([0, 0]);
    await again.resume();
    await again.process();
    await expectDeliveredOnce(world, [a.clientId, b.clientId]);
  });

  it('a 500 after the object was made finds it instead of creating again', async () => {
    const world = makeWorld();
    const queue = openQueue(world);
    const job = await queue.enqueue(clip(1));
    world.vault.script = ['applied_500'];
    await runToEnd(world, queue);
    expect(world.vault.creates).toBe(1);
    expect(world.vault.finds).toBe(1);
    await expectDeliveredOnce(world, [job.clientId]);
  });

  it('a 500 that made nothing is sent again after the lookup', async () => {
    const world = makeWorld();
    const queue = openQueue(world);
    const job = await queue.enqueue(clip(1));
    world.vault.script = ['lost_500'];
    await runToEnd(world, queue);
    expect(world.vault.finds).toBe(1);
    await expectDeliveredOnce(world, [job.clientId]);
  });

  it('a timeout whose create applied is looked up, not resent', async () => {
    const world = makeWorld();
    const queue = openQueue(world);
    const job = await queue.enqueue(clip(1));
    world.vault.script = ['timeout_applied'];
    await runToEnd(world, queue);
    expect(world.vault.creates).toBe(1);
    await expectDeliveredOnce(world, [job.clientId]);
  });

  it('a clip whose attempts ran out on an in-doubt create is looked up before it is failed', async () => {
    const world = makeWorld({ limits: { maxAttempts: 1 } });
    const queue = openQueue(world);
    const job = await queue.enqueue(clip(1));
    world.vault.script = ['applied_500'];
    await runToEnd(world, queue);
    await expectDeliveredOnce(world, [job.clientId]);
  });
});

describe('clip queue: a person acting ends an offline wait', () => {
  it('a new clip tries at once after Anytype was unreachable, and both are delivered', async () => {
    const world = makeWorld();
    const queue = openQueue(world);
    const a = await queue.enqueue(clip(1));
    world.vault.script = ['offline', 'offline', 'offline'];
    await queue.process();
    await queue.process();
    expect(world.vault.script).toHaveLength(2);
    expect(await queue.summary()).toMatchObject({ waitingReason: 'offline' });
    // Anytype was started; the person clips again without waiting for the backoff.
    world.vault.script = [];
    const b = await queue.enqueue(clip(2));
    await queue.process();
    expect(await queue.summary()).toMatchObject({ pending: 0, done: 2 });
    await expectDeliveredOnce(world, [a.clientId, b.clientId]);
  });

  it('does not cut the limiter wait short', async () => {
    const world = makeWorld();
    const queue = openQueue(world);
    await queue.enqueue(clip(1));
    world.vault.script = ['rate_limited'];
    await queue.process();
    await queue.enqueue(clip(2));
    await queue.process();
    expect(world.vault.creates).toBe(0);
    expect(await queue.summary()).toMatchObject({ pending: 2, waitingReason: 'rate_limited' });
  });
});
