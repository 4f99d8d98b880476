// @vitest-environment node
/**
 * A clip whose space or collection is gone fails; the person chooses another destination and it
 * is sent there, once. In another space nothing of the old target is kept (object, template).
 */
import { describe, expect, it } from 'vitest';
import { AnytypeError } from '../../../lib/anytype/errors';
import { type ClipDelivery, type ClipJob, createClipQueue, isQueueError } from '../../../lib/queue';
import { clip, makeWorld } from './fakes';

/** Anytype with one space gone: creates there and adds to the gone collection are 404s. */
function anytypeWithout(gone: { space?: string; collection?: string }) {
  const created: { spaceId: string; name: string; templateId?: string }[] = [];
  const added: { collectionId: string; objectId: string }[] = [];
  const delivery: Required<ClipDelivery> = {
    async create(job) {
      if (job.target.spaceId === gone.space) throw new AnytypeError('not_found', { status: 404, mayHaveApplied: false });
      created.push({ spaceId: job.target.spaceId, name: job.payload.name, templateId: job.target.templateId });
      return { objectId: `obj-${created.length}` };
    },
    async findExisting() {
      return null;
    },
    async addToCollection(job: ClipJob, objectId: string) {
      if (job.target.collectionId === gone.collection) throw new AnytypeError('not_found', { status: 404, mayHaveApplied: false });
      added.push({ collectionId: job.target.collectionId ?? '', objectId });
    },
  };
  return { delivery, created, added };
}

function queueOver(delivery: ClipDelivery) {
  const world = makeWorld();
  const queue = createClipQueue({ store: world.store, delivery, now: () => world.clock.t, random: world.random, wakeAt: () => undefined });
  return { world, queue };
}

describe('choose another destination', () => {
  it('a clip for a deleted space fails, and is sent to the space chosen instead, once', async () => {
    const anytype = anytypeWithout({ space: 'space-gone' });
    const { queue } = queueOver(anytype.delivery);
    const job = await queue.enqueue(clip(1, { target: { spaceId: 'space-gone', typeKey: 'page', templateId: 'tpl-old' } }));
    await queue.process();
    const failed = await queue.get(job.clientId);
    expect(failed?.status).toBe('failed');
    expect(failed?.lastError?.kind).toBe('not_found');

    await queue.retarget(job.clientId, { spaceId: 'space-2', typeKey: 'note' });
    const moved = await queue.get(job.clientId);
    expect(moved?.target).toEqual({ spaceId: 'space-2', typeKey: 'note' });
    expect(moved?.status).toBe('pending');
    expect(moved?.lastError).toBeUndefined();
    await queue.process();
    expect((await queue.get(job.clientId))?.status).toBe('done');
    expect(anytype.created).toEqual([{ spaceId: 'space-2', name: 'Clip 1', templateId: undefined }]);
  });

  it('a clip for a deleted collection keeps its object and is added to the new collection', async () => {
    const anytype = anytypeWithout({ collection: 'list-gone' });
    const { queue } = queueOver(anytype.delivery);
    const job = await queue.enqueue(clip(1, { target: { spaceId: 'space-1', typeKey: 'page', collectionId: 'list-gone' } }));
    await queue.process();
    expect((await queue.get(job.clientId))?.status).toBe('failed');
    expect(anytype.created).toHaveLength(1);

    await queue.retarget(job.clientId, { spaceId: 'space-1', typeKey: 'page', collectionId: 'list-2' });
    await queue.process();
    expect((await queue.get(job.clientId))?.status).toBe('done');
    // No second object: the one made before is added to the collection chosen now.
    expect(anytype.created).toHaveLength(1);
    expect(anytype.added).toEqual([{ collectionId: 'list-2', objectId: 'obj-1' }]);
  });

  it('refuses a destination that is not one, and a clip being sent', async () => {
    const anytype = anytypeWithout({});
    const { queue } = queueOver(anytype.delivery);
    const job = await queue.enqueue(clip(1));
    const bad = await queue.retarget(job.clientId, { spaceId: '', typeKey: 'page' }).catch((e: unknown) => e);
    expect(isQueueError(bad) && bad.code).toBe('invalid');
    expect((await queue.get(job.clientId))?.target.spaceId).toBe('space-1');
    await queue.process();
    const done = await queue.retarget(job.clientId, { spaceId: 'space-2', typeKey: 'page' }).catch((e: unknown) => e);
    expect(isQueueError(done) && done.code).toBe('busy');
  });
});
