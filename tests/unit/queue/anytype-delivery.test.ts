// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { AnytypeError } from '../../../lib/anytype/errors';
import { type ClipJob, createAnytypeDelivery, type DeliveryClient } from '../../../lib/queue';

type Obj = {
  id: string;
  name: string;
  type: { key: string };
  properties: { key: string; url?: string; date?: string }[];
  lists: string[];
};

/** A small in-memory client: enough Anytype to check what the delivery sends and finds. */
function fakeClient(now: () => number) {
  const tags = [{ id: 'tag-news', name: 'News' }];
  const objects: Obj[] = [];
  const calls: string[] = [];
  let seq = 0;
  const client: DeliveryClient = {
    properties: { list: async () => [{ id: 'prop-tag', key: 'tag' }, { id: 'prop-source', key: 'source' }] },
    tags: {
      list: async () => tags.slice(),
      create: async (_space, _prop, input) => {
        calls.push(`tag:${input.name}`);
        const tag = { id: `tag-${++seq}`, name: input.name };
        tags.push(tag);
        return tag;
      },
    },
    objects: {
      create: async (_space, input) => {
        calls.push('create');
        const id = `obj-${++seq}`;
        const props: Obj['properties'] = (input.properties ?? []).flatMap((p) =>
          'url' in p ? [{ key: p.key, url: p.url }] : [],
        );
        props.push({ key: 'created_date', date: new Date(now()).toISOString() });
        objects.push({ id, name: input.name ?? '', type: { key: input.type_key }, properties: props, lists: [] });
        return { id, input };
      },
    },
    search: {
      inSpace: async (_space, input) => {
        calls.push('search');
        const url = input.filters?.conditions?.[0]?.url;
        const data = objects
          .filter((o) => url === undefined || o.properties.some((p) => p.key === 'source' && p.url === url))
          .filter((o) => input.types === undefined || input.types.includes(o.type.key))
          .reverse();
        return { data, pagination: { has_more: false } };
      },
    },
    lists: {
      addObjects: async (_space, list, ids) => {
        calls.push(`list:${list}`);
        for (const o of objects) if (ids.includes(o.id) && !o.lists.includes(list)) o.lists.push(list);
      },
    },
  };
  return { client, objects, calls, tags };
}

function job(extra: Partial<ClipJob> = {}): ClipJob {
  return {
    clientId: '0b6e3f2a-1c4d-4e5f-8a9b-0c1d2e3f4a5b',
    createdAt: 1_000,
    target: { spaceId: 'space-1', typeKey: 'page', collectionId: 'list-1' },
    payload: { name: 'An article', markdown: '# Hi', properties: [], tagNames: ['news', 'Ideas', 'ideas '] },
    sourceUrl: 'https://example.com/a',
    status: 'sending',
    attempts: 0,
    sentAt: 10_000,
    ...extra,
  };
}

describe('Anytype delivery', () => {
  it('turns tag names into tag ids (making only the missing ones) and stamps the source', async () => {
    let t = 10_000;
    const { client, calls } = fakeClient(() => t);
    let sent: unknown;
    const wrapped: DeliveryClient = {
      ...client,
      objects: {
        create: async (space, input) => {
          sent = input;
          return client.objects.create(space, input);
        },
      },
    };
    const delivery = createAnytypeDelivery({ client: () => wrapped });
    t = 10_500;
    const { objectId } = await delivery.create(job());
    expect(objectId).toBe('obj-2');
    expect(calls).toEqual(['tag:Ideas', 'create']);
    expect(sent).toEqual({
      type_key: 'page',
      name: 'An article',
      body: '# Hi',
      properties: [
        { key: 'tag', multi_select: ['tag-news', 'tag-1'] },
        { key: 'source', url: 'https://example.com/a' },
      ],
    });
  });

  it('finds the object an in-doubt create made, and nothing older or owned by another clip', async () => {
    let t = 9_000;
    const { client } = fakeClient(() => t);
    const delivery = createAnytypeDelivery({ client: () => client });
    // An older clip of the same page, made long before this job was first sent.
    t = 9_000 - 60_000;
    await delivery.create(job({ clientId: 'c0000000-0000-4000-8000-000000000000' }));
    expect(await delivery.findExisting(job(), new Set())).toBeNull();
    t = 11_000;
    const { objectId } = await delivery.create(job());
    expect(await delivery.findExisting(job(), new Set())).toBe(objectId);
    expect(await delivery.findExisting(job(), new Set([objectId]))).toBeNull();
    expect(await delivery.findExisting(job({ payload: { ...job().payload, name: 'Other' } }), new Set())).toBeNull();
    expect(await delivery.findExisting(job({ target: { spaceId: 'space-1', typeKey: 'note' } }), new Set())).toBeNull();
  });

  it('adds to the collection and skips it when there is none', async () => {
    const { client, objects, calls } = fakeClient(() => 0);
    const delivery = createAnytypeDelivery({ client: () => client });
    const { objectId } = await delivery.create(job({ payload: { name: 'x', markdown: '', properties: [] } }));
    await delivery.addToCollection(job(), objectId);
    await delivery.addToCollection(job({ target: { spaceId: 'space-1', typeKey: 'page' } }), objectId);
    expect(objects[0]?.lists).toEqual(['list-1']);
    expect(calls.filter((c) => c.startsWith('list:'))).toEqual(['list:list-1']);
  });

  it('refuses tags in a space without a tag property, as a bad request', async () => {
    const { client } = fakeClient(() => 0);
    const delivery = createAnytypeDelivery({ client: () => ({ ...client, properties: { list: async () => [] } }) });
    const error = await delivery.create(job()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AnytypeError);
    expect((error as AnytypeError).kind).toBe('bad_request');
  });
});
