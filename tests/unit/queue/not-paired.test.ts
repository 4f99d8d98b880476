// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClipQueue, type ClipDelivery } from '../../../lib/queue';
import { ProtocolFailure } from '../../../lib/protocol/router';
import { clip, makeWorld, type World } from './fakes';

/**
 * The delivery as app.ts wires it: every call first asks the connection service for a client,
 * which refuses with `not_paired` while there is no key (never paired, or after Disconnect).
 */
function pairedWhen(world: World, paired: { now: boolean }): ClipDelivery {
  const client = () => {
    if (!paired.now) throw new ProtocolFailure('not_paired', 'Connect to Anytype first.');
  };
  return {
    async create(job) {
      client();
      return world.vault.create(job);
    },
    async findExisting(job, exclude) {
      client();
      return world.vault.findExisting(job, exclude);
    },
    async addToCollection(job, objectId) {
      client();
      return world.vault.addToCollection(job, objectId);
    },
  };
}

describe('clip queue: no key (never paired, or Disconnect)', () => {
  it('pauses without spending attempts, however often it is woken, and delivers once after pairing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 20 }),
        fc.boolean(),
        async (clips, wakes, inCollection) => {
          const world = makeWorld();
          const paired = { now: false };
          const queue = createClipQueue({
            store: world.store,
            delivery: pairedWhen(world, paired),
            now: () => world.clock.t,
            random: world.random,
            wakeAt: (ms) => {
              world.clock.wake = ms;
            },
          });
          const target = inCollection ? { spaceId: 'space-1', typeKey: 'page', collectionId: 'list-1' } : undefined;
          const ids: string[] = [];
          for (let n = 1; n <= clips; n += 1) ids.push((await queue.enqueue(clip(n, target ? { target } : {}))).clientId);
          for (let w = 0; w < wakes; w += 1) {
            await queue.process();
            world.clock.t += 10 * 60_000;
          }
          const summary = await queue.summary();
          expect(summary).toMatchObject({ pending: clips, failed: 0, paused: 'unauthorized', waitingReason: 'unauthorized' });
          expect(world.clock.wake).toBeNull();
          expect(world.store.stored().jobs.map((j) => j.attempts)).toEqual(ids.map(() => 0));
          // Nothing was sent, so nothing is in doubt: no lookup before the first create.
          expect(world.store.stored().jobs.some((j) => j.mustReconcile === true)).toBe(false);

          paired.now = true; // onKeyChanged(true) resumes the queue
          await queue.resume();
          await queue.process();
          for (const id of ids) expect(world.vault.copiesOf(id)).toBe(1);
          expect(world.vault.finds).toBe(0);
          expect((await queue.summary()).done).toBe(clips);
        },
      ),
      { numRuns: 40 },
    );
  });
});
