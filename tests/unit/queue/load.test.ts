// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { makeWorld, openQueue, runToEnd } from './fakes';

const good = {
  clientId: '0b6e3f2a-1c4d-4e5f-8a9b-0c1d2e3f4a5b',
  createdAt: 1_700_000_000_000,
  target: { spaceId: 'space-1', typeKey: 'page' },
  payload: { name: 'Kept', markdown: 'text', properties: [{ key: 'source', url: 'https://example.com/' }] },
  sourceUrl: 'https://example.com/',
  status: 'pending',
  attempts: 0,
};

describe('clip queue: stored state', () => {
  it('keeps good clips and quarantines the corrupt ones with a reason', async () => {
    const corrupt = { ...good, clientId: 'not-a-uuid', status: 'lost' };
    const world = makeWorld({
      initial: { version: 1, jobs: [good, corrupt, 'garbage', { ...good }], quarantine: [], paused: null, hold: null },
    });
    const queue = openQueue(world);
    const summary = await queue.summary();
    expect(summary).toMatchObject({ pending: 1, quarantined: 3 });
    const quarantined = await queue.quarantined();
    expect(quarantined.map((q) => q.raw)).toEqual([corrupt, 'garbage', good]);
    expect(quarantined[0]?.reason).toMatch(/^invalid clip: clientId: /);
    expect(quarantined[2]?.reason).toBe('duplicate clientId');
    // The quarantine is written back at once, so the next load sees the same thing.
    expect(world.store.stored().quarantine).toHaveLength(3);
    await runToEnd(world, queue);
    expect(world.vault.objects.map((o) => o.name)).toEqual(['Kept']);
    // It stays until someone clears it explicitly.
    expect((await openQueue(world).summary()).quarantined).toBe(3);
    await queue.clearQuarantine();
    expect(world.store.stored().quarantine).toHaveLength(0);
  });

  it('reads each job of another version alone: one that fits is kept, one that does not is set aside alone', async () => {
    const world = makeWorld({ initial: { version: 99, jobs: [good, { ...good, clientId: 'not-a-uuid' }] } });
    const queue = openQueue(world);
    expect(await queue.summary()).toMatchObject({ pending: 1, quarantined: 1 });
    expect((await queue.quarantined())[0]?.reason).toMatch(/version 99/);
  });

  it('quarantines a stored queue that is not an object', async () => {
    for (const initial of ['oops', [1, 2]]) {
      const world = makeWorld({ initial });
      const queue = openQueue(world);
      expect(await queue.summary()).toMatchObject({ pending: 0, quarantined: 1 });
      expect((await queue.quarantined())[0]?.raw).toEqual(initial);
    }
  });

  it('starts empty when nothing is stored, without writing', async () => {
    const world = makeWorld();
    const queue = openQueue(world);
    expect(await queue.summary()).toMatchObject({ pending: 0, quarantined: 0, paused: null });
    expect(world.store.saves).toBe(0);
  });

  it('reads back a paused queue and its clips after a restart', async () => {
    const world = makeWorld({
      initial: { version: 1, jobs: [{ ...good, status: 'sending', attempts: 2 }], quarantine: [], paused: 'unauthorized' },
    });
    const queue = openQueue(world);
    expect(await queue.summary()).toMatchObject({ pending: 1, sending: 0, paused: 'unauthorized' });
    const job = await queue.get(good.clientId);
    expect(job).toMatchObject({ status: 'pending', mustReconcile: true, attempts: 3 });
  });

  it('retries a failed load instead of starting from an empty queue', async () => {
    const world = makeWorld({ initial: { version: 1, jobs: [good], quarantine: [] } });
    const load = world.store.load.bind(world.store);
    let calls = 0;
    world.store.load = async () => {
      calls += 1;
      if (calls === 1) throw new Error('storage unavailable');
      return load();
    };
    const queue = openQueue(world);
    await expect(queue.summary()).rejects.toThrow(/storage unavailable/);
    expect((await queue.summary()).pending).toBe(1);
  });
});
