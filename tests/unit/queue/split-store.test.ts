// @vitest-environment node
/**
 * The split layout on its own: what load() joins, what save() writes, in which order, and what it
 * removes (a body once its clip is done or gone, the version-1 key once), with an area that logs
 * every call.
 */
import { describe, expect, it } from 'vitest';
import {
  BODY_PREFIX,
  bodyKey,
  createSplitStore,
  INDEX_KEY,
  indexOf,
  joinStored,
  LEGACY_KEY,
  STORED_LAYOUT_VERSION,
  type StorageAreaLike,
} from '../../../lib/queue/storage';
import type { QueueState } from '../../../lib/queue/types';

type Call = ['get', unknown] | ['set', string[]] | ['remove', string[]];

class LoggingArea implements StorageAreaLike {
  data = new Map<string, unknown>();
  calls: Call[] = [];
  failRemoves = 0;

  constructor(initial: Record<string, unknown> = {}) {
    for (const [k, value] of Object.entries(initial)) this.data.set(k, structuredClone(value));
  }

  async get(keys: null | string | string[]): Promise<Record<string, unknown>> {
    this.calls.push(['get', keys]);
    const out: Record<string, unknown> = {};
    for (const [k, value] of this.data) out[k] = structuredClone(value);
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.calls.push(['set', Object.keys(items).sort()]);
    for (const [k, value] of Object.entries(items)) this.data.set(k, structuredClone(value));
  }

  async remove(keys: string | string[]): Promise<void> {
    const list = Array.isArray(keys) ? keys : [keys];
    this.calls.push(['remove', [...list].sort()]);
    if (this.failRemoves > 0) {
      this.failRemoves -= 1;
      throw new Error('storage is busy');
    }
    for (const k of list) this.data.delete(k);
  }
}

type Status = 'pending' | 'failed' | 'done';

function job(clientId: string, status: Status = 'pending', markdown = `# ${clientId}`) {
  return { clientId, status, attempts: 0, payload: { name: `Clip ${clientId}`, markdown }, target: { spaceId: 's' } };
}

function state(...jobs: ReturnType<typeof job>[]): QueueState {
  return { version: 1, jobs, quarantine: [], paused: null, hold: null } as unknown as QueueState;
}

describe('joinStored', () => {
  it('gives back as it is whatever is not a version-2 index', () => {
    for (const index of [undefined, null, 'text', 3, [], [{ version: 2 }], { version: 1, jobs: [] }, { version: '2', jobs: [] }, {}]) {
      expect(joinStored(index, new Map())).toBe(index);
    }
  });

  it('puts each job’s body back, empties a done one’s, and leaves a job without a body without markdown', () => {
    const index = { version: 2, paused: null, jobs: [indexed('a'), indexed('b', 'done'), indexed('c')] };
    const joined = joinStored(index, new Map([['a', 'text of a'], ['b', 'stale text of b']])) as {
      version: number;
      paused: null;
      jobs: { clientId: string; payload: Record<string, unknown> }[];
    };
    expect(joined.version).toBe(1);
    expect(joined.paused).toBeNull();
    expect(joined.jobs.map((j) => j.payload)).toEqual([
      { name: 'Clip a', markdown: 'text of a' },
      { name: 'Clip b', markdown: '' },
      { name: 'Clip c' },
    ]);
    expect(joined.jobs[2]).toBe(index.jobs[2]);
  });

  it('keeps as they are the entries it cannot read, so each is quarantined alone', () => {
    const odd = [null, 'text', [], { clientId: 'x' }, { clientId: 'x', payload: null }, { clientId: 'x', payload: [] }, { clientId: 7, payload: {} }];
    const joined = joinStored({ version: 2, jobs: odd }, new Map([['x', 'body'], ['7', 'body']])) as { jobs: unknown[] };
    expect(joined.jobs).toEqual(odd);
    for (const [i, entry] of joined.jobs.entries()) expect(entry).toBe(odd[i]);
  });

  it('keeps a done entry whose id is not a string as it is', () => {
    const odd = { clientId: 7, status: 'done', payload: { name: 'x' } };
    expect((joinStored({ version: 2, jobs: [odd] }, new Map()) as { jobs: unknown[] }).jobs[0]).toBe(odd);
  });

  it('keeps jobs that are not a list as they are, for validation to refuse', () => {
    expect(joinStored({ version: 2, jobs: 'none' }, new Map())).toEqual({ version: 1, jobs: 'none' });
  });
});

function indexed(clientId: string, status: Status = 'pending') {
  const { markdown: _markdown, ...payload } = job(clientId, status).payload;
  return { ...job(clientId, status), payload };
}

describe('indexOf', () => {
  it('is the state without any text, as layout version 2', () => {
    const index = indexOf(state(job('a'), job('b', 'failed')));
    expect(index).toEqual({
      version: STORED_LAYOUT_VERSION,
      quarantine: [],
      paused: null,
      hold: null,
      jobs: [indexed('a'), indexed('b', 'failed')],
    });
    expect(STORED_LAYOUT_VERSION).toBe(2);
  });
});

describe('the split store', () => {
  it('loads the version-1 key as it is when there is no index, and nothing when there is neither', async () => {
    const legacy = { version: 1, jobs: [job('a')] };
    expect(await createSplitStore(new LoggingArea({ [LEGACY_KEY]: legacy, other: 1 })).load()).toEqual(legacy);
    expect(await createSplitStore(new LoggingArea({ other: 1 })).load()).toBeUndefined();
  });

  it('loads the index joined with the bodies stored under their own keys, and nothing else', async () => {
    const area = new LoggingArea({
      [INDEX_KEY]: { version: 2, jobs: [indexed('a'), indexed('b')] },
      [bodyKey('a')]: 'text of a',
      'queue.bodyb': 'not a body key',
      b: 'nor this',
    });
    const loaded = (await createSplitStore(area).load()) as { version: number; jobs: { payload: { markdown?: string } }[] };
    expect(loaded.version).toBe(1);
    expect(loaded.jobs.map((j) => j.payload.markdown)).toEqual(['text of a', undefined]);
    expect(area.calls).toEqual([['get', null]]);
  });

  it('writes new bodies before the index that names them, then only the index', async () => {
    const area = new LoggingArea();
    const store = createSplitStore(area);
    await store.load();
    area.calls = [];
    await store.save(state(job('a'), job('b')));
    expect(area.calls).toEqual([
      ['set', [bodyKey('a'), bodyKey('b')]],
      ['set', [INDEX_KEY]],
    ]);
    expect(area.data.get(bodyKey('a'))).toBe('# a');
    expect(area.data.get(INDEX_KEY)).toEqual(indexOf(state(job('a'), job('b'))));
    area.calls = [];
    await store.save(state(job('a', 'failed'), job('b')));
    expect(area.calls).toEqual([['set', [INDEX_KEY]]]);
  });

  it('looks at what is stored before its first save, so a body already there is not written again', async () => {
    const area = new LoggingArea({ [bodyKey('a')]: '# a' });
    await createSplitStore(area).save(state(job('a'), job('b')));
    expect(area.calls).toEqual([
      ['get', null],
      ['set', [bodyKey('b')]],
      ['set', [INDEX_KEY]],
    ]);
  });

  it('writes no body for a done job and removes the body of one that is done or gone', async () => {
    const area = new LoggingArea();
    const store = createSplitStore(area);
    await store.save(state(job('a'), job('b'), job('c')));
    area.calls = [];
    await store.save(state(job('a', 'done'), job('c')));
    expect(area.calls).toEqual([
      ['set', [INDEX_KEY]],
      ['remove', [bodyKey('a'), bodyKey('b')]],
    ]);
    expect([...area.data.keys()].filter((k) => k.startsWith(BODY_PREFIX))).toEqual([bodyKey('c')]);
    area.calls = [];
    await store.save(state(job('a', 'done'), job('c')));
    expect(area.calls).toEqual([['set', [INDEX_KEY]]]);
    const fresh = new LoggingArea();
    await createSplitStore(fresh).save(state(job('d', 'done')));
    expect([...fresh.data.keys()]).toEqual([INDEX_KEY]);
  });

  it('removes the version-1 key with its first save, once', async () => {
    const area = new LoggingArea({ [LEGACY_KEY]: { version: 1, jobs: [] } });
    const store = createSplitStore(area);
    await store.load();
    await store.save(state(job('a')));
    expect(area.data.has(LEGACY_KEY)).toBe(false);
    expect(area.calls.filter(([what]) => what === 'remove')).toEqual([['remove', [LEGACY_KEY]]]);
    await store.save(state(job('a')));
    expect(area.calls.filter(([what]) => what === 'remove')).toHaveLength(1);
  });

  it('removes the version-1 key beside an index too (a worker stopped between the two writes)', async () => {
    const area = new LoggingArea({ [LEGACY_KEY]: { version: 1, jobs: [] }, [INDEX_KEY]: { version: 2, jobs: [] } });
    const store = createSplitStore(area);
    await store.load();
    await store.save(state());
    expect(area.data.has(LEGACY_KEY)).toBe(false);
  });

  it('removes nothing when there is no version-1 key beside the index', async () => {
    const area = new LoggingArea({ [INDEX_KEY]: { version: 2, jobs: [] } });
    const store = createSplitStore(area);
    await store.load();
    await store.save(state());
    expect(area.calls.filter(([what]) => what === 'remove')).toEqual([]);
  });

  it('a failed remove is not an error, and what it left is removed with the next save', async () => {
    const area = new LoggingArea({ [LEGACY_KEY]: { version: 1, jobs: [] } });
    const store = createSplitStore(area);
    await store.save(state(job('a')));
    area.failRemoves = 1;
    area.calls = [];
    await store.save(state());
    expect(area.calls).toEqual([
      ['set', [INDEX_KEY]],
      ['remove', [bodyKey('a')]],
    ]);
    expect(area.data.has(bodyKey('a'))).toBe(true);
    area.calls = [];
    await store.save(state());
    expect(area.calls).toEqual([
      ['set', [INDEX_KEY]],
      ['remove', [bodyKey('a')]],
    ]);
    expect(area.data.has(bodyKey('a'))).toBe(false);
  });

  it('keeps the version-1 key marked for removal while its remove fails', async () => {
    const area = new LoggingArea({ [LEGACY_KEY]: { version: 1, jobs: [] } });
    const store = createSplitStore(area);
    area.failRemoves = 1;
    await store.save(state());
    expect(area.data.has(LEGACY_KEY)).toBe(true);
    await store.save(state());
    expect(area.data.has(LEGACY_KEY)).toBe(false);
  });
});
