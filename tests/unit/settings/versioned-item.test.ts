// @vitest-environment node
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { StorageAreaLike } from '../../../lib/keys/vault';
import { createClipPrefsStore, CLIP_PREFS_SLOT } from '../../../lib/settings/clip-prefs';
import { CLIP_SETTINGS_SLOT, createClipSettingsStore } from '../../../lib/settings/clip-settings';
import type { SiteRule } from '../../../lib/settings/site-rules';
import { defineVersionedItem, metaKeyOf, readEntries } from '../../../lib/settings/versioned-item';

/** storage.local in memory, counting writes (a read that has nothing to upgrade must not write). */
function area(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = structuredClone(initial);
  let writes = 0;
  const store: StorageAreaLike & { data: typeof data; writes(): number } = {
    data,
    writes: () => writes,
    async get(key) {
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      writes++;
      Object.assign(data, structuredClone(items));
    },
    async remove(key) {
      delete data[key];
    },
  };
  return store;
}

/** A made-up item whose shape changed twice: v1 a bare list of names, v2 `{ names }`, v3 `{ entries: [{ name }] }`. */
const EntrySchema = v.object({ name: v.pipe(v.string(), v.minLength(1)) });
function notesItem(storage: StorageAreaLike) {
  return defineVersionedItem(
    storage,
    {
      key: 'notes',
      version: 3,
      migrations: {
        2: (old) => ({ names: old }),
        3: (old) => {
          const names = (old as { names: unknown }).names;
          if (!Array.isArray(names)) throw new Error('not a list');
          return { entries: names.map((name) => ({ name })) };
        },
      },
      read: (stored) => {
        const { entries, dropped } = readEntries(EntrySchema, (stored as { entries?: unknown }).entries, 'note');
        return { value: { entries }, dropped };
      },
      check: (value) => value,
      fallback: () => ({ entries: [] as { name: string }[] }),
    },
    () => 1000,
  );
}

describe('a versioned stored item', () => {
  it('reads a shape stored before versions existed, upgrades it through every version, and writes it back once', async () => {
    const storage = area({ notes: ['a', 'b'] });
    const item = notesItem(storage);
    expect((await item.read()).value).toEqual({ entries: [{ name: 'a' }, { name: 'b' }] });
    expect(storage.data.notes).toEqual({ entries: [{ name: 'a' }, { name: 'b' }] });
    expect(storage.data[metaKeyOf('notes')]).toEqual({ v: 3, setAside: [] });
    const writes = storage.writes();
    expect((await item.read()).value).toEqual({ entries: [{ name: 'a' }, { name: 'b' }] });
    expect(storage.writes()).toBe(writes);
  });

  it('starts from the stored version: a version 2 value runs only the last step', async () => {
    const storage = area({ notes: { names: ['x'] }, [metaKeyOf('notes')]: { v: 2 } });
    expect((await notesItem(storage).read()).value).toEqual({ entries: [{ name: 'x' }] });
  });

  it('sets aside one unreadable entry alone, with its raw text, and reports it once', async () => {
    const storage = area({ notes: { entries: [{ name: 'a' }, { name: '' }, { name: 'c' }] }, [metaKeyOf('notes')]: { v: 3 } });
    const item = notesItem(storage);
    const first = await item.read();
    expect(first.value.entries).toEqual([{ name: 'a' }, { name: 'c' }]);
    expect(first.setAside).toEqual([{ what: 'note', raw: '{"name":""}', problem: expect.stringContaining('name'), at: 1000 }]);
    const second = await item.read();
    expect(second.setAside).toHaveLength(1);
    await item.write({ entries: [{ name: 'd' }] });
    expect((await item.read()).setAside).toHaveLength(1);
    await item.dismissSetAside();
    expect((await item.read()).setAside).toEqual([]);
  });

  it('a value a migration cannot upgrade is set aside whole and the fallback stands', async () => {
    const storage = area({ notes: { names: 'oops' }, [metaKeyOf('notes')]: { v: 2 } });
    const read = await notesItem(storage).read();
    expect(read.value).toEqual({ entries: [] });
    expect(read.setAside[0]).toMatchObject({ what: 'notes', raw: '{"names":"oops"}' });
  });

  it('a value written by a newer build is read as it is and never written over', async () => {
    const storage = area({ notes: { entries: [{ name: 'new' }] }, [metaKeyOf('notes')]: { v: 9 } });
    expect((await notesItem(storage).read()).value).toEqual({ entries: [{ name: 'new' }] });
    expect(storage.writes()).toBe(0);
  });
});

const goodRule = fc
  .record({
    n: fc.nat(1_000_000),
    host: fc.constantFrom('example.com', '*.news.example', 'https://blog.example/posts/'),
    spaceId: fc.option(fc.constantFrom('bafyreiaaa.23me69r569oi1', 'space-2'), { nil: undefined }),
    tags: fc.array(fc.constantFrom('web', 'news', 'later'), { maxLength: 3 }),
  })
  .map(({ n, host, spaceId, tags }): SiteRule => ({
    id: `r-${n}`,
    pattern: host,
    ...(spaceId ? { spaceId } : {}),
    tagNames: [...new Set(tags)],
  }));
/** Ways one stored rule can be broken: by hand, by an older or newer build, by a bad import. */
const badRule = fc.constantFrom<unknown>(
  { id: 'bad', pattern: 'ex*ample.com', tagNames: [] },
  { id: 'bad', pattern: 'example.com', spaceId: '../spaces', tagNames: [] },
  { id: 'BAD ID', pattern: 'example.com', tagNames: [] },
  { id: 'bad', pattern: 'example.com', tagNames: 'web' },
  { pattern: 'example.com' },
  'example.com',
  null,
  42,
);

describe('clip settings: one bad site rule is set aside, the others stand', () => {
  it('keeps every good rule in order and sets aside exactly the bad one, with its raw text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(goodRule, { selector: (rule) => rule.id, maxLength: 6 }),
        badRule,
        fc.nat(),
        async (rules, bad, at) => {
          const stored = [...rules];
          stored.splice(at % (rules.length + 1), 0, bad as SiteRule);
          const storage = area({ [CLIP_SETTINGS_SLOT]: { defaults: { tagNames: ['web'] }, siteRules: stored } });
          const store = createClipSettingsStore(storage, () => 5);
          const read = await store.read();
          expect(read.value.siteRules).toEqual(rules);
          expect(read.value.defaults).toEqual({ tagNames: ['web'] });
          expect(read.setAside).toHaveLength(1);
          expect(read.setAside[0]!.what).toBe('siteRule');
          expect(JSON.parse(read.setAside[0]!.raw)).toEqual(bad);
          // Written back without it, so the next read has nothing new to report.
          expect((storage.data[CLIP_SETTINGS_SLOT] as { siteRules: unknown[] }).siteRules).toEqual(rules);
          expect((await store.read()).setAside).toHaveLength(1);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('bad defaults are set aside alone and the rules stand', async () => {
    const rule = { id: 'r1', pattern: 'example.com', tagNames: [] };
    const storage = area({ [CLIP_SETTINGS_SLOT]: { defaults: { spaceId: 'a/b', tagNames: [] }, siteRules: [rule] } });
    const read = await createClipSettingsStore(storage).read();
    expect(read.value).toEqual({ defaults: { tagNames: [] }, siteRules: [rule] });
    expect(read.setAside.map((entry) => entry.what)).toEqual(['defaults']);
  });

  it('a version 1 value (before versions) is upgraded: its tags are cleaned by the one rule', async () => {
    const storage = area({
      [CLIP_SETTINGS_SLOT]: {
        defaults: { tagNames: ['News', ' news ', 'web'] },
        siteRules: [{ id: 'r1', pattern: 'example.com', tagNames: ['a\u00a0 b', 'A B'] }],
      },
    });
    const read = await createClipSettingsStore(storage).read();
    expect(read.value.defaults.tagNames).toEqual(['News', 'web']);
    expect(read.value.siteRules[0]!.tagNames).toEqual(['a b']);
    expect(read.setAside).toEqual([]);
    expect(storage.data[metaKeyOf(CLIP_SETTINGS_SLOT)]).toEqual({ v: 2, setAside: [] });
    expect(storage.data[CLIP_SETTINGS_SLOT]).toEqual(read.value);
  });

  it('a second rule with the same id is set aside, the first kept', async () => {
    const rule = { id: 'r1', pattern: 'example.com', tagNames: [] };
    const storage = area({ [CLIP_SETTINGS_SLOT]: { siteRules: [rule, { ...rule, pattern: 'other.example' }] } });
    const read = await createClipSettingsStore(storage).read();
    expect(read.value.siteRules).toEqual([rule]);
    expect(read.setAside).toHaveLength(1);
  });
});

describe('remembered choices (clip prefs)', () => {
  it('a choice that cannot be read is forgotten alone', async () => {
    const storage = area({
      [CLIP_PREFS_SLOT]: {
        spaceId: 'space-1',
        typeKeyBySpace: { 'space-1': 'page', '../x': 'note', 'space-2': 7 },
        collectionBySpace: { 'space-1': 'coll-1' },
        mode: 'hologram',
      },
    });
    const prefs = await createClipPrefsStore(storage).load();
    expect(prefs).toEqual({ spaceId: 'space-1', typeKeyBySpace: { 'space-1': 'page' }, collectionBySpace: { 'space-1': 'coll-1' }, mode: 'article' });
    expect(storage.data[metaKeyOf(CLIP_PREFS_SLOT)]).toMatchObject({ v: 1 });
  });

  it('remembers over an unversioned value and stamps its version', async () => {
    const storage = area({ [CLIP_PREFS_SLOT]: { spaceId: 'space-1', typeKeyBySpace: { 'space-1': 'page' } } });
    const next = await createClipPrefsStore(storage).remember({ spaceId: 'space-2', typeKey: 'note', mode: 'selection' });
    expect(next.typeKeyBySpace).toEqual({ 'space-1': 'page', 'space-2': 'note' });
    expect(storage.data[metaKeyOf(CLIP_PREFS_SLOT)]).toMatchObject({ v: 1 });
  });
});
