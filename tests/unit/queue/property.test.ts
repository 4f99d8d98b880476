// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip, makeWorld, openQueue, OUTCOMES, type Outcome, runToEnd, type SaveFault, type World } from './fakes';

const READ_OUTCOMES: Outcome[] = ['ok', 'lost_500', 'rate_limited', 'offline', 'unauthorized', 'bad_request', 'hang_lost'];
const SAVE_FAULTS: SaveFault[] = ['hang_before', 'hang_after', 'reject'];

const scenario = fc.record({
  clips: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }), // true: also add to a collection
  writes: fc.array(fc.constantFrom(...OUTCOMES), { maxLength: 25 }),
  reads: fc.array(fc.constantFrom(...READ_OUTCOMES), { maxLength: 8 }),
  saves: fc.array(fc.option(fc.constantFrom(...SAVE_FAULTS), { nil: null, freq: 3 }), { maxLength: 30 }),
  maxAttempts: fc.integer({ min: 1, max: 5 }),
  freeRateLimitHits: fc.integer({ min: 0, max: 5 }),
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
});

async function checkOnce(world: World, ids: string[], collection: Map<string, boolean>, mustBeDone: boolean) {
  const queue = openQueue(world);
  for (const id of ids) {
    const copies = world.vault.objects.filter((o) => o.clientId === id);
    // Never created twice.
    expect(copies.length).toBeLessThanOrEqual(1);
    const job = await queue.get(id);
    // Never lost: every accepted clip is either saved or waiting for the person.
    expect(job).toBeDefined();
    expect(mustBeDone ? ['done'] : ['done', 'failed']).toContain(job?.status);
    if (job?.status === 'done') {
      expect(copies.map((o) => o.id)).toEqual([job.objectId]);
      expect(copies[0]?.lists).toEqual(collection.get(id) ? ['list-1'] : []);
    }
  }
  return queue;
}

describe('clip queue: property', () => {
  it('every clip ends saved exactly once or failed, whatever Anytype and the worker do', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const world = makeWorld({
          seed: s.seed,
          limits: { maxAttempts: s.maxAttempts, freeRateLimitHits: s.freeRateLimitHits },
        });
        const first = openQueue(world);
        const ids: string[] = [];
        const collection = new Map<string, boolean>();
        for (const [n, inList] of s.clips.entries()) {
          const target = inList
            ? { spaceId: 'space-1', typeKey: 'page', collectionId: 'list-1' }
            : { spaceId: 'space-1', typeKey: 'page' };
          const job = await first.enqueue(clip(n, { target }));
          ids.push(job.clientId);
          collection.set(job.clientId, inList);
        }
        world.vault.script = s.writes.slice();
        world.vault.findScript = s.reads.slice();
        world.store.faults = s.saves.slice();
        await runToEnd(world, first);
        world.vault.script = [];
        world.vault.findScript = [];
        world.store.faults = [];
        const after = await checkOnce(world, ids, collection, false);

        // The person retries whatever failed, with Anytype healthy again: all saved, once each.
        for (const job of await after.failed()) await after.retry(job.clientId);
        await runToEnd(world, after);
        await checkOnce(world, ids, collection, true);
      }),
      { numRuns: 300 },
    );
  });
});
