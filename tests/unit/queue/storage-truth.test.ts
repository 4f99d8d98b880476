// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { AnytypeClient } from '../../../lib/anytype';
import { createClipService, type PageCapturer } from '../../../lib/background/clip-service';
import type { ConnectionService } from '../../../lib/background/connection-service';
import { isQueueError } from '../../../lib/queue';
import { makeWorld, openQueue, restart, runToEnd, type SaveFault, type World } from './fakes';

const capturer: PageCapturer = {
  async capture(tabId, mode) {
    return { mode, url: `https://site.example/${tabId}`, title: 'Page', markdown: '# Page\n\nText.', metadata: { authors: [] } };
  },
};

/** Save as the popup sends it, through the real clip service and queue, over a store with `faults`. */
async function save(world: World, collection: boolean): Promise<{ answer?: { clientId: string; state: string }; error?: unknown }> {
  const clips = createClipService({
    connections: { client: async () => ({}) as AnytypeClient } as unknown as ConnectionService,
    queue: openQueue(world),
    capturer,
    tabs: { get: async (id) => ({ id, url: `https://site.example/${id}`, title: 'Page' }) },
    deliveryWaitMs: 1_000,
  });
  const request = { mode: 'article', spaceId: 'space-1', typeKey: 'page', title: '', ...(collection ? { collectionId: 'list-1' } : {}) } as const;
  return clips.clipTab(1, request).then(
    (answer) => ({ answer }),
    (error: unknown) => ({ error }),
  );
}

/** How many writes a clip's whole life takes when nothing fails. */
async function writesOfOneLife(collection: boolean): Promise<number> {
  const world = makeWorld();
  await save(world, collection);
  await runToEnd(world, await restart(world));
  return world.store.saves;
}

describe('storage failures tell the truth (issue 17.4)', () => {
  for (const collection of [false, true]) {
    it(`answers "queued" exactly when the clip is stored, whichever write of its life fails${collection ? ' (with a collection)' : ''}`, async () => {
      const writes = await writesOfOneLife(collection);
      expect(writes).toBeGreaterThanOrEqual(collection ? 3 : 2);
      const faults: SaveFault[] = ['reject'];
      for (let k = 1; k <= writes; k += 1) {
        for (const burst of [1, 3]) {
          const world = makeWorld();
          world.store.faults = [...Array<null>(k - 1).fill(null), ...Array<SaveFault>(burst).fill(faults[0] as SaveFault)];
          const { answer, error } = await save(world, collection);
          const storedIds = world.store.stored().jobs.map((j) => j.clientId);
          const label = `write ${k} of ${writes} refused (${burst} in a row)`;
          if (answer !== undefined) {
            expect(['queued', 'done'], label).toContain(answer.state);
            expect(storedIds, label).toContain(answer.clientId);
          } else {
            expect(isQueueError(error) && error.code, label).toBe('not_kept');
            expect(storedIds, label).toEqual([]);
          }
          // Whatever the answer said is what happens: sent exactly once if kept, never if not.
          await runToEnd(world, await restart(world));
          if (answer !== undefined) {
            expect(world.vault.copiesOf(answer.clientId), label).toBe(1);
            if (collection) expect(world.vault.objects[0]?.lists, label).toEqual(['list-1']);
          } else expect(world.vault.objects, label).toEqual([]);
        }
      }
    });
  }
});
