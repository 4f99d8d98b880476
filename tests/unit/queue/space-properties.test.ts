// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { AnytypeError } from '../../../lib/anytype/errors';
import { type ClipJob, createAnytypeDelivery, createSpaceProperties, type DeliveryClient } from '../../../lib/queue';

type Prop = { id: string; key: string; format?: string };

function space(initial: Prop[]) {
  let properties = initial;
  const requests: string[] = [];
  const created: { key: string }[][] = [];
  const client = {
    properties: {
      list: async () => {
        requests.push('GET properties');
        return properties;
      },
    },
    tags: { list: async () => [], create: async () => ({ id: 't', name: 't' }) },
    objects: {
      create: async (_space: string, input: { properties?: { key: string }[] }) => {
        requests.push('POST objects');
        const sent = input.properties ?? [];
        // Anytype refuses a property key the space does not have.
        if (sent.some((p) => !properties.some((q) => q.key === p.key))) throw new AnytypeError('bad_request', { status: 400 });
        created.push(sent);
        return { id: `o${created.length}` };
      },
    },
    search: { inSpace: async () => ({ data: [], pagination: { has_more: false } }) },
    lists: { addObjects: async () => {} },
  } as unknown as DeliveryClient;
  return {
    client,
    requests,
    created,
    change: (next: Prop[]) => {
      properties = next;
    },
  };
}

const job = (tagNames?: string[]) =>
  ({
    clientId: '6f1d2c1e-0000-4000-8000-000000000001',
    createdAt: 1,
    target: { spaceId: 's1', typeKey: 'page' },
    payload: {
      name: 'A',
      markdown: 'x',
      properties: [
        { key: 'source', url: 'https://a.example/' },
        { key: 'description', text: 'about' },
      ],
      ...(tagNames ? { tagNames } : {}),
    },
    sourceUrl: 'https://a.example/',
    status: 'sending',
    attempts: 0,
  }) as ClipJob;

const WITH_DESCRIPTION: Prop[] = [
  { id: 'p1', key: 'source', format: 'url' },
  { id: 'p2', key: 'description', format: 'text' },
  { id: 'p3', key: 'tag', format: 'multi_select' },
];

describe('the properties a create needs', () => {
  it('are not asked for again when the popup read them moments ago', async () => {
    const s = space(WITH_DESCRIPTION);
    const properties = createSpaceProperties();
    await properties.fetch(s.client, 's1'); // what the tag list does as the popup opens
    await createAnytypeDelivery({ client: () => s.client, properties }).create(job());
    expect(s.requests).toEqual(['GET properties', 'POST objects']);
    expect(s.created[0]?.map((p) => p.key)).toEqual(['source', 'description']);
  });

  it('are asked for when none are kept, when they are old, or for another client', async () => {
    let now = 0;
    const s = space(WITH_DESCRIPTION);
    const properties = createSpaceProperties({ maxAgeMs: 1000, now: () => now });
    const delivery = createAnytypeDelivery({ client: () => s.client, properties });
    await delivery.create(job());
    expect(s.requests).toEqual(['GET properties', 'POST objects']);
    now = 2000;
    await delivery.create(job());
    expect(s.requests.filter((r) => r === 'GET properties')).toHaveLength(2);
    const other = space(WITH_DESCRIPTION);
    await createAnytypeDelivery({ client: () => other.client, properties }).create(job());
    expect(other.requests).toEqual(['GET properties', 'POST objects']);
  });

  it('are read fresh when the clip has tags (the tag property as it is now)', async () => {
    const s = space(WITH_DESCRIPTION);
    const properties = createSpaceProperties();
    await properties.fetch(s.client, 's1');
    await createAnytypeDelivery({ client: () => s.client, properties }).create(job(['ai']));
    expect(s.requests.filter((r) => r === 'GET properties')).toHaveLength(2);
  });

  it('kept from before a property was removed: the refused create is sent once more without it', async () => {
    const s = space(WITH_DESCRIPTION);
    const properties = createSpaceProperties();
    await properties.fetch(s.client, 's1');
    s.change(WITH_DESCRIPTION.filter((p) => p.key !== 'description'));
    const { objectId } = await createAnytypeDelivery({ client: () => s.client, properties }).create(job());
    expect(objectId).toBe('o1');
    expect(s.requests).toEqual(['GET properties', 'POST objects', 'GET properties', 'POST objects']);
    expect(s.created).toEqual([[{ key: 'source', url: 'https://a.example/' }]]);
  });

  it('read just now: a refused create is not sent again', async () => {
    const s = space(WITH_DESCRIPTION);
    const delivery = createAnytypeDelivery({ client: () => s.client, properties: createSpaceProperties() });
    s.change([]); // even source is unknown: a 400 that a fresh list cannot fix
    await expect(delivery.create(job())).rejects.toMatchObject({ kind: 'bad_request' });
    expect(s.requests).toEqual(['GET properties', 'POST objects']);
  });
});
