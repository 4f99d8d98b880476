// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createAnytypeDelivery, type DeliveryClient } from '../../../lib/queue';
import type { ClipJob } from '../../../lib/queue';

describe('delivery sends only the metadata a space can hold', () => {
  it('drops unknown keys and wrong formats, keeps source and tags', async () => {
    const sent: unknown[] = [];
    const client = {
      properties: {
        list: async () => [
          { id: 'p1', key: 'source', format: 'url' },
          { id: 'p2', key: 'description', format: 'text' },
          { id: 'p3', key: 'published', format: 'text' },
          { id: 'p4', key: 'tag', format: 'multi_select' },
        ],
      },
      tags: { list: async () => [{ id: 't1', name: 'ai' }], create: async () => ({ id: 't2', name: 'x' }) },
      objects: {
        create: async (_space: string, input: { properties?: unknown[] }) => {
          sent.push(...(input.properties ?? []));
          return { id: 'o1' };
        },
      },
      search: { inSpace: async () => ({ data: [], pagination: { has_more: false } }) },
      lists: { addObjects: async () => {} },
    } as unknown as DeliveryClient;
    const job = {
      clientId: '6f1d2c1e-0000-4000-8000-000000000001',
      createdAt: 1,
      target: { spaceId: 's1', typeKey: 'page' },
      payload: {
        name: 'A',
        markdown: 'x',
        tagNames: ['ai'],
        properties: [
          { key: 'source', url: 'https://a.example/' },
          { key: 'description', text: 'about' },
          { key: 'published', date: '2026-01-01T00:00:00.000Z' },
          { key: 'author', text: 'Ada' },
        ],
      },
      sourceUrl: 'https://a.example/',
      status: 'sending',
      attempts: 0,
    } as ClipJob;
    await createAnytypeDelivery({ client: () => client }).create(job);
    expect(sent).toEqual([
      { key: 'source', url: 'https://a.example/' },
      { key: 'description', text: 'about' },
      { key: 'tag', multi_select: ['t1'] },
    ]);
  });
});
