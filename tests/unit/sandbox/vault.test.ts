// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { type Caller, field, withKey } from './helpers';

interface Obj {
  id: string;
  name: string;
  markdown?: string;
  space_id: string;
  type: { key: string };
  properties: { key: string; url?: string; text?: string; multi_select?: { id: string }[] }[];
}

let sb: Sandbox | undefined;
let call: Caller;
let spaceId = '';
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

async function start() {
  ({ sb, call, spaceId } = await withKey());
}

async function tagProperty() {
  const props = await call('GET', `/v1/spaces/${spaceId}/properties`);
  const tag = field<{ key: string; id: string }[]>(props.json, 'data').find((p) => p.key === 'tag');
  if (!tag) throw new Error('no tag property');
  return tag;
}

describe('vault', () => {
  it('has two normal spaces and one chat space with realistic ids', async () => {
    await start();
    const res = await call('GET', '/v1/spaces');
    const data = field<{ id: string; object: string }[]>(res.json, 'data');
    expect(data.filter((s) => s.object === 'anytype.space')).toHaveLength(2);
    expect(data.filter((s) => s.object === 'anytype.chatspace')).toHaveLength(1);
    for (const s of data) expect(s.id).toMatch(/^bafyrei[a-z2-7]{52}\.[0-9a-z]+$/);
  });

  it('creates an object and gives it back with body, type, properties and tags', async () => {
    await start();
    const tag = await tagProperty();
    const made = await call('POST', `/v1/spaces/${spaceId}/properties/${tag.id}/tags`, { name: 'clipped', color: 'teal' });
    expect(made.status).toBe(201);
    const tagId = field<string>(made.json, 'tag', 'id');
    const created = await call('POST', `/v1/spaces/${spaceId}/objects`, {
      type_key: 'bookmark',
      name: 'Example',
      body: '# Example\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<div>raw <b>html</b></div>\n',
      properties: [
        { key: 'source', url: 'https://example.com/a' },
        { key: 'tag', multi_select: [tagId] },
        { key: 'description', text: 'An example' },
      ],
    });
    expect(created.status).toBe(201);
    const id = field<string>(created.json, 'object', 'id');
    expect(id).toMatch(/^bafyrei[a-z2-7]{52}$/);
    const got = field<Obj>((await call('GET', `/v1/spaces/${spaceId}/objects/${id}`)).json, 'object');
    expect(got.name).toBe('Example');
    expect(got.type.key).toBe('bookmark');
    expect(got.markdown).toBe('# Example\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nraw html\n');
    expect(got.properties.find((p) => p.key === 'source')?.url).toBe('https://example.com/a');
    expect(got.properties.find((p) => p.key === 'tag')?.multi_select?.map((t) => t.id)).toEqual([tagId]);
    const [stored] = (await sb?.control.objects(spaceId)) ?? [];
    expect(stored).toMatchObject({ id, type_key: 'bookmark', properties: { source: 'https://example.com/a', tag: [tagId] } });

    const patched = await call('PATCH', `/v1/spaces/${spaceId}/objects/${id}`, { markdown: 'Replaced\n' });
    expect(field<string>(patched.json, 'object', 'markdown')).toBe('Replaced\n');
    expect((await call('DELETE', `/v1/spaces/${spaceId}/objects/${id}`)).status).toBe(200);
    expect((await call('GET', `/v1/spaces/${spaceId}/objects/${id}`)).status).toBe(410);
    expect(sb?.violations()).toEqual([]);
  });

  it('refuses unknown property keys, wrong value fields and tags that do not exist', async () => {
    await start();
    const post = (properties: unknown[]) => call('POST', `/v1/spaces/${spaceId}/objects`, { type_key: 'page', properties });
    expect((await post([{ key: 'nope', text: 'x' }])).status).toBe(400);
    expect((await post([{ key: 'source', text: 'https://x' }])).status).toBe(400);
    expect((await post([{ key: 'tag', multi_select: ['no-such-tag'] }])).status).toBe(400);
    expect((await call('POST', `/v1/spaces/${spaceId}/objects`, { type_key: 'no_such_type' })).status).toBe(400);
    expect(await sb?.control.objects()).toEqual([]);
  });

  it('pages lists with offset, limit and has_more', async () => {
    await start();
    for (let i = 0; i < 5; i++) await call('POST', `/v1/spaces/${spaceId}/objects`, { type_key: 'note', name: `n${i}` });
    const all = await call('GET', `/v1/spaces/${spaceId}/objects`);
    const total = field<number>(all.json, 'pagination', 'total');
    expect(field(all.json, 'pagination')).toEqual({ total, offset: 0, limit: 100, has_more: false });
    const first = await call('GET', `/v1/spaces/${spaceId}/objects?offset=0&limit=3`);
    expect(field(first.json, 'pagination')).toEqual({ total, offset: 0, limit: 3, has_more: true });
    const last = await call('GET', `/v1/spaces/${spaceId}/objects?offset=${total - 2}&limit=3`);
    expect(field<unknown[]>(last.json, 'data')).toHaveLength(2);
    expect(field(last.json, 'pagination', 'has_more')).toBe(false);
  });

  it('finds an object by its source URL with the spec property filter, in one space and globally', async () => {
    await start();
    const url = 'https://example.com/article?id=1';
    await call('POST', `/v1/spaces/${spaceId}/objects`, { type_key: 'page', name: 'Other', properties: [{ key: 'source', url: 'https://example.com/article' }] });
    const made = await call('POST', `/v1/spaces/${spaceId}/objects`, { type_key: 'page', name: 'Mine', properties: [{ key: 'source', url }] });
    const bySource = { filters: { operator: 'and', conditions: [{ property_key: 'source', condition: 'eq', url }] } };
    for (const path of [`/v1/spaces/${spaceId}/search`, '/v1/search']) {
      const res = await call('POST', path, bySource);
      expect(res.status).toBe(200);
      expect(field<Obj[]>(res.json, 'data').map((o) => o.id)).toEqual([field(made.json, 'object', 'id')]);
    }
    const byName = await call('POST', `/v1/spaces/${spaceId}/search`, { query: 'mine', types: ['page'] });
    expect(field<Obj[]>(byName.json, 'data').map((o) => o.name)).toEqual(['Mine']);
    const wrongField = await call('POST', '/v1/search', { filters: { conditions: [{ property_key: 'source', condition: 'eq', text: url }] } });
    expect(wrongField.status).toBe(400);
    expect(sb?.violations()).toEqual([]);
  });

  it('reuses a bookmark with the same source and pastes the body again', async () => {
    await start();
    const bm = (body: string) => ({ type_key: 'bookmark', name: 'B', body, properties: [{ key: 'source', url: 'https://b.example/' }] });
    const a = await call('POST', `/v1/spaces/${spaceId}/objects`, bm('first'));
    const b = await call('POST', `/v1/spaces/${spaceId}/objects`, bm('second'));
    expect(field(b.json, 'object', 'id')).toBe(field(a.json, 'object', 'id'));
    expect(field(b.json, 'object', 'markdown')).toBe('first\n\nsecond');
  });

  it('adds objects to a collection; the answer is a bare JSON string', async () => {
    await start();
    const lists = await call('POST', `/v1/spaces/${spaceId}/search`, { types: ['collection'] });
    const list = field<Obj[]>(lists.json, 'data')[0];
    const made = await call('POST', `/v1/spaces/${spaceId}/objects`, { type_key: 'page', name: 'Into the list' });
    const id = field<string>(made.json, 'object', 'id');
    const added = await call('POST', `/v1/spaces/${spaceId}/lists/${list?.id}/objects`, { objects: [id] });
    expect(added.status).toBe(200);
    expect(typeof added.json).toBe('string');
    const views = await call('GET', `/v1/spaces/${spaceId}/lists/${list?.id}/views`);
    const viewId = field<string>(views.json, 'data', 0, 'id');
    const members = await call('GET', `/v1/spaces/${spaceId}/lists/${list?.id}/views/${viewId}/objects`);
    expect(field<Obj[]>(members.json, 'data').map((o) => o.id)).toContain(id);
    expect((await sb?.control.objects(spaceId))?.[0]?.lists).toEqual([list?.id]);
    expect(sb?.violations()).toEqual([]);
  });

  it('lists templates for page and bookmark types', async () => {
    await start();
    const types = field<{ key: string; id: string }[]>((await call('GET', `/v1/spaces/${spaceId}/types`)).json, 'data');
    for (const key of ['page', 'bookmark']) {
      const t = types.find((x) => x.key === key);
      const res = await call('GET', `/v1/spaces/${spaceId}/types/${t?.id}/templates`);
      const templates = field<Obj[]>(res.json, 'data');
      expect(templates.length).toBeGreaterThan(0);
      const made = await call('POST', `/v1/spaces/${spaceId}/objects`, { type_key: key, name: 'T', template_id: templates[0]?.id });
      expect(made.status).toBe(201);
    }
    expect(sb?.violations()).toEqual([]);
  });
});
