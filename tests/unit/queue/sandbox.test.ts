// @vitest-environment node
/**
 * The queue with the real client and delivery against the Anytype stand-in: tags, collections,
 * a create that fails after the object was made (500, or a dropped connection), a read refused
 * before any create, the write limiter and a revoked key.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../lib/anytype';
import { type ClipQueue, createAnytypeDelivery, createClipQueue, type DeliveryClient } from '../../../lib/queue';
import { type Sandbox, startSandbox } from '../../sandbox/index';

let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, host: '127.0.0.1' });
});

afterEach(async () => {
  try {
    expect(sandbox.violations()).toEqual([]);
  } finally {
    await sandbox.close();
  }
});

interface Rig {
  queue: ClipQueue;
  spaceId: string;
  listId: string;
  useKey(key: string): void;
  /** Runs the queue as alarms would, jumping the queue's clock to each wake time. */
  settle(): Promise<void>;
}

async function rig(): Promise<Rig> {
  let client: DeliveryClient = createClient({ apiKey: await sandbox.control.issueKey('queue test'), baseUrl: sandbox.url });
  const real = createClient({ apiKey: await sandbox.control.issueKey('inspector'), baseUrl: sandbox.url });
  const space = (await real.spaces.list()).find((s) => s.name === 'Personal');
  if (!space) throw new Error('the sandbox vault has no Personal space');
  const list = (await real.search.inSpace(space.id, { types: ['collection'], query: 'Reading list' })).data[0];
  if (!list) throw new Error('the sandbox vault has no Reading list');
  // The queue's clock starts at real time (Anytype stamps created_date with it) and only jumps ahead.
  const clock = { t: Date.now() };
  let stored: unknown;
  const queue = createClipQueue({
    store: {
      load: async () => stored,
      save: async (state) => {
        stored = structuredClone(state);
      },
    },
    delivery: createAnytypeDelivery({ client: () => client }),
    now: () => Math.max(clock.t, Date.now()),
    random: () => 0.5,
    wakeAt: () => undefined,
  });
  return {
    queue,
    spaceId: space.id,
    listId: list.id,
    useKey: (key) => {
      client = createClient({ apiKey: key, baseUrl: sandbox.url });
    },
    async settle() {
      for (let i = 0; i < 50; i += 1) {
        await queue.process();
        const s = await queue.summary();
        if ((s.pending === 0 && s.sending === 0) || s.paused !== null) return;
        clock.t = Math.max(clock.t, s.nextAttemptAt ?? clock.t);
      }
      throw new Error('queue did not settle');
    },
  };
}

const clipOf = (r: Rig, n: number, extra: { tagNames?: string[]; collection?: boolean } = {}) => ({
  target: {
    spaceId: r.spaceId,
    typeKey: 'page',
    ...(extra.collection ? { collectionId: r.listId } : {}),
  },
  payload: {
    name: `Article ${n}`,
    markdown: `# Article ${n}\n\nText.`,
    properties: [],
    ...(extra.tagNames ? { tagNames: extra.tagNames } : {}),
  },
  sourceUrl: `https://example.com/articles/${n}`,
});

async function copies(spaceId: string, n: number) {
  const all = await sandbox.control.objects(spaceId);
  return all.filter((o) => o.properties.source === `https://example.com/articles/${n}`);
}

describe('queue + Anytype delivery against the sandbox', () => {
  it('creates the object with its tags, its source and in its collection', async () => {
    const r = await rig();
    const job = await r.queue.enqueue(clipOf(r, 1, { tagNames: ['Clipped', 'clipped', 'Later'], collection: true }));
    await r.settle();
    const [obj] = await copies(r.spaceId, 1);
    expect((await r.queue.get(job.clientId))?.objectId).toBe(obj?.id);
    expect(obj?.lists).toEqual([r.listId]);
    expect(obj?.properties.tag).toHaveLength(2);
  });

  it('finds the object a create that failed late had made, instead of making a second', async () => {
    const r = await rig();
    await r.queue.enqueue(clipOf(r, 2));
    await sandbox.control.clearLog();
    await sandbox.control.setFaults({ failAfterCreate: 1 });
    await r.settle();
    expect(await copies(r.spaceId, 2)).toHaveLength(1);
    expect((await r.queue.summary()).done).toBe(1);
    const log = await sandbox.control.log();
    const creates = log.filter((e) => e.method === 'POST' && /\/spaces\/[^/]+\/objects$/.test(e.path));
    expect(creates.map((e) => e.status)).toEqual([500]);
    expect(log.filter((e) => e.method === 'POST' && e.path.endsWith('/search'))).toHaveLength(1);
  });

  it('finds the object a create whose connection dropped had made, instead of making a second', async () => {
    const r = await rig();
    await r.queue.enqueue(clipOf(r, 3));
    await sandbox.control.clearLog();
    await sandbox.control.setFaults({ dropAfterCreate: 1 });
    await r.settle();
    expect(await copies(r.spaceId, 3)).toHaveLength(1);
    expect((await r.queue.summary()).done).toBe(1);
    const log = await sandbox.control.log();
    const creates = log.filter((e) => e.method === 'POST' && /\/spaces\/[^/]+\/objects$/.test(e.path));
    // One create, its answer lost (status 0), then the lookup that found its object.
    expect(creates.map((e) => e.status)).toEqual([0]);
    expect(log.filter((e) => e.method === 'POST' && e.path.endsWith('/search'))).toHaveLength(1);
  });

  it('sends without a lookup when only a read failed before the create (Anytype not running)', async () => {
    const r = await rig();
    await r.queue.enqueue(clipOf(r, 4));
    await sandbox.control.clearLog();
    await sandbox.control.setFaults({ refuse: true });
    await r.queue.process();
    const refused = await sandbox.control.log();
    expect(refused.length).toBeGreaterThan(0);
    // The space's properties are read first: that GET failed, so no create left.
    expect(refused.every((e) => e.method === 'GET' && e.status === 0)).toBe(true);
    await sandbox.control.setFaults({ refuse: false });
    await sandbox.control.clearLog();
    await r.settle();
    expect(await copies(r.spaceId, 4)).toHaveLength(1);
    expect((await sandbox.control.log()).filter((e) => e.path.endsWith('/search'))).toEqual([]);
  });

  it('waits out the write limiter and delivers every clip once', async () => {
    const r = await rig();
    await sandbox.control.setFaults({ writeLimit: { perSecond: 0.001, burst: 1 } });
    for (let n = 10; n < 13; n += 1) await r.queue.enqueue(clipOf(r, n));
    await r.queue.process();
    expect(await r.queue.summary()).toMatchObject({ done: 1, pending: 2, waitingReason: 'rate_limited' });
    await sandbox.control.setFaults({ writeLimit: null });
    await r.settle();
    for (let n = 10; n < 13; n += 1) expect(await copies(r.spaceId, n)).toHaveLength(1);
  });

  it('pauses on a revoked key and delivers once after pairing again', async () => {
    const r = await rig();
    const old = await sandbox.control.issueKey('revoked');
    r.useKey(old);
    await sandbox.control.revokeKey(old);
    await r.queue.enqueue(clipOf(r, 20));
    await r.settle();
    expect(await r.queue.summary()).toMatchObject({ pending: 1, paused: 'unauthorized' });
    r.useKey(await sandbox.control.issueKey('paired again'));
    await r.queue.resume();
    await r.settle();
    expect(await copies(r.spaceId, 20)).toHaveLength(1);
  });
});
