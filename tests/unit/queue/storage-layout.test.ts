// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ClipDelivery, createClipQueue, createSplitStore, type StorageAreaLike } from '../../../lib/queue';
import { AnytypeError } from '../../../lib/anytype/errors';
import { BODY_PREFIX, bodyKey, INDEX_KEY, LEGACY_KEY } from '../../../lib/queue/storage';
import { clip } from './fakes';
import { CountingArea } from '../../fakes/storage';

const offline: ClipDelivery = {
  async create() {
    throw new AnytypeError('offline');
  },
  async findExisting() {
    return null;
  },
};

function queueOn(area: StorageAreaLike, delivery: ClipDelivery = offline, t = { now: 1_700_000_000_000 }) {
  return createClipQueue({
    store: createSplitStore(area),
    delivery,
    now: () => t.now,
    random: () => 0.5,
    wakeAt: () => {},
    limits: { maxMarkdownBytes: 4 * 1024 * 1024 },
  });
}

const big = (n: number, bytes: number) => ({ ...clip(n), payload: { ...clip(n).payload, markdown: `# ${n}\n${'x'.repeat(bytes)}` } });

describe('queue storage: writes as large as the change (issue 21.6)', () => {
  it('a transition of one job writes that job’s record, not the waiting clips’ text', async () => {
    for (const waiting of [1, 4, 10]) {
      const area = new CountingArea();
      const queue = queueOn(area);
      for (let n = 1; n <= waiting; n += 1) await queue.enqueue(big(n, 3 * 1024 * 1024));
      const before = area.writes.length;
      await queue.process(); // markSending, then the offline failure: two transitions
      const steps = area.writes.slice(before);
      expect(steps.length).toBeGreaterThanOrEqual(2);
      // The index holds every job's small record: well under a kilobyte each, whatever the text.
      for (const { bytes } of steps) expect(bytes).toBeLessThan(1_000 * waiting + 500);
    }
  });

  it('writes a body once when the clip is taken and removes it when the clip is done or discarded', async () => {
    const area = new CountingArea();
    let made = 0;
    const delivery: ClipDelivery = {
      async create() {
        made += 1;
        return { objectId: `obj-${made}` };
      },
      async findExisting() {
        return null;
      },
    };
    const queue = queueOn(area, offline);
    const a = await queue.enqueue(big(1, 1000));
    const b = await queue.enqueue(big(2, 1000));
    expect(area.keysStartingWith(BODY_PREFIX)).toEqual([bodyKey(a.clientId), bodyKey(b.clientId)].sort());
    await queue.process(); // offline: b and a stay
    const failed = a.clientId;
    await queue.discard(failed);
    expect(area.keysStartingWith(BODY_PREFIX)).toEqual([bodyKey(b.clientId)]);
    const online = queueOn(area, delivery);
    await online.resume();
    await online.retry(b.clientId);
    await online.process();
    expect((await online.get(b.clientId))?.status).toBe('done');
    expect(area.keysStartingWith(BODY_PREFIX)).toEqual([]);
  });

  it('migrates the version-1 single-key queue, keeping every job with its text', async () => {
    const fixture = JSON.parse(readFileSync(new URL('./fixtures/storage-v1.json', import.meta.url), 'utf8'));
    const area = new CountingArea(fixture);
    const queue = queueOn(area);
    const old = fixture[LEGACY_KEY].jobs as { clientId: string; status: string; payload: { markdown: string } }[];
    expect(await queue.summary()).toMatchObject({ pending: 2, failed: 1, done: 1, quarantined: 0 });
    await queue.recover();
    await queue.clearQuarantine(); // any save writes the new layout
    expect(area.data.has(LEGACY_KEY)).toBe(false);
    expect(area.data.has(INDEX_KEY)).toBe(true);
    expect(area.data.has('settings:other')).toBe(true);
    expect(area.keysStartingWith(BODY_PREFIX)).toEqual(old.filter((j) => j.status !== 'done').map((j) => bodyKey(j.clientId)).sort());
    const index = JSON.parse(area.data.get(INDEX_KEY) as string);
    expect(JSON.stringify(index)).not.toContain('Waiting since Anytype was closed');
    // A new worker reads the same jobs, text included.
    const again = queueOn(area);
    for (const job of old) expect((await again.get(job.clientId))?.payload.markdown).toBe(job.payload.markdown);
    expect(await again.summary()).toMatchObject({ pending: 2, failed: 1, done: 1, quarantined: 0 });
  });

  it('quarantines alone a job whose text is missing', async () => {
    const area = new CountingArea();
    const queue = queueOn(area);
    const a = await queue.enqueue(clip(1));
    const b = await queue.enqueue(clip(2));
    area.data.delete(bodyKey(a.clientId));
    const again = queueOn(area);
    expect(await again.summary()).toMatchObject({ pending: 1, quarantined: 1 });
    expect((await again.get(b.clientId))?.payload.markdown).toBe(clip(2).payload.markdown);
    expect(JSON.stringify((await again.quarantined())[0]?.raw)).toContain(a.clientId);
  });
});
