// @vitest-environment node
/**
 * Discard with Undo: a discarded clip leaves storage at once, and Undo within the window puts it
 * back exactly as it was (every field, its text, its place in the queue), for generated queues.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isQueueError } from '../../../lib/queue';
import { DEFAULT_LIMITS } from '../../../lib/queue/policy';
import { clip, makeWorld, openQueue, type Outcome, runToEnd } from './fakes';

const outcomes: fc.Arbitrary<Outcome> = fc.constantFrom('ok', 'bad_request', 'lost_500', 'offline', 'rate_limited');

describe('discard and undo', () => {
  it('undo restores the discarded clip exactly, in storage and in the queue', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.array(outcomes, { maxLength: 12 }),
        fc.nat(),
        fc.integer({ min: 0, max: 59_000 }),
        async (count, script, pick, later) => {
          const world = makeWorld({ limits: { maxAttempts: 2 } });
          world.vault.script = [...script];
          world.vault.findScript = [];
          const queue = openQueue(world);
          for (let n = 0; n < count; n += 1) await queue.enqueue(clip(n));
          // A few passes leave a mix of waiting, held and failed clips.
          for (let pass = 0; pass < 3; pass += 1) await queue.process();
          const open = await queue.open();
          if (open.length === 0) return;
          const victim = open[pick % open.length]!;
          const before = world.store.data;
          const jobBefore = await queue.get(victim.clientId);

          await queue.discard(victim.clientId);
          expect(await queue.get(victim.clientId)).toBeUndefined();
          expect(world.store.stored().jobs.some((j) => j.clientId === victim.clientId)).toBe(false);

          world.clock.t += later;
          await queue.undoDiscard(victim.clientId);
          expect(await queue.get(victim.clientId)).toEqual(jobBefore);
          expect(world.store.data).toBe(before);
        },
      ),
      { seed: 1717, numRuns: 60 },
    );
  });

  it('after the window the clip is gone for good, and undo says so', async () => {
    const world = makeWorld();
    const queue = openQueue(world);
    const job = await queue.enqueue(clip(1));
    await queue.discard(job.clientId);
    world.clock.t += DEFAULT_LIMITS.undoDiscardMs + 1;
    const error = await queue.undoDiscard(job.clientId).catch((e: unknown) => e);
    expect(isQueueError(error) && error.code).toBe('not_found');
    expect(await queue.get(job.clientId)).toBeUndefined();
  });

  it('an undone clip is sent once, as if never discarded', async () => {
    const world = makeWorld();
    const queue = openQueue(world);
    const job = await queue.enqueue(clip(1));
    await queue.discard(job.clientId);
    await queue.undoDiscard(job.clientId);
    // A second undo changes nothing (no second copy).
    await queue.undoDiscard(job.clientId).catch(() => undefined);
    const end = await runToEnd(world, queue);
    expect((await end.get(job.clientId))?.status).toBe('done');
    expect(world.vault.copiesOf(job.clientId)).toBe(1);
  });
});
