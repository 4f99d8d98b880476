// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../lib/anytype';
import { collectAll, MAX_ITEMS } from '../../../lib/anytype/pagination';
import { API_KEY, fakeFetch, SPACE_ID } from './fake-fetch';

/** Serves `total` items in pages that honour offset/limit, like the real list routes. */
function pagedServer(total: number, make: (i: number) => unknown) {
  return fakeFetch((req) => {
    const offset = Number(req.url.searchParams.get('offset') ?? 0);
    const limit = Number(req.url.searchParams.get('limit') ?? 100);
    const end = Math.min(total, offset + limit);
    const data = Array.from({ length: Math.max(0, end - offset) }, (_, k) => make(offset + k));
    return { body: { data, pagination: { total, offset, limit, has_more: end < total } } };
  });
}

describe('pagination', () => {
  it('spaces.list follows has_more across pages, 100 at a time', async () => {
    const fake = pagedServer(237, (i) => ({ id: `space${i}`, name: `Space ${i}`, object: 'anytype.space' }));
    const client = createClient({ apiKey: API_KEY, fetch: fake.fetch });
    const spaces = await client.spaces.list();
    expect(spaces).toHaveLength(237);
    expect(spaces[236]!.id).toBe('space236');
    expect(new Set(spaces.map((s) => s.id)).size).toBe(237);
    expect(fake.calls.map((c) => [c.url.searchParams.get('offset'), c.url.searchParams.get('limit')])).toEqual([
      ['0', '100'],
      ['100', '100'],
      ['200', '100'],
    ]);
  });

  it.each([
    ['types', (c: ReturnType<typeof createClient>) => c.types.list(SPACE_ID), `/v1/spaces/${SPACE_ID}/types`],
    ['properties', (c: ReturnType<typeof createClient>) => c.properties.list(SPACE_ID), `/v1/spaces/${SPACE_ID}/properties`],
    [
      'templates',
      (c: ReturnType<typeof createClient>) => c.templates.list(SPACE_ID, 'bafyreitype'),
      `/v1/spaces/${SPACE_ID}/types/bafyreitype/templates`,
    ],
  ])('%s.list returns every item', async (_name, list, path) => {
    const fake = pagedServer(150, (i) => ({ id: `id${i}`, key: `key${i}`, name: `N${i}` }));
    const items = await list(createClient({ apiKey: API_KEY, fetch: fake.fetch }));
    expect(items).toHaveLength(150);
    expect(fake.calls.map((c) => c.url.pathname)).toEqual([path, path]);
  });

  it('tags.list asks plainly first and pages only when the server says there is more', async () => {
    const one = pagedServer(3, (i) => ({ id: `tag${i}`, name: `T${i}`, color: 'red' }));
    const c1 = createClient({ apiKey: API_KEY, fetch: one.fetch });
    expect(await c1.tags.list(SPACE_ID, 'bafyreiprop')).toHaveLength(3);
    expect(one.calls).toHaveLength(1);
    expect(one.calls[0]!.url.search).toBe('');

    const many = pagedServer(250, (i) => ({ id: `tag${i}`, name: `T${i}` }));
    const c2 = createClient({ apiKey: API_KEY, fetch: many.fetch });
    const tags = await c2.tags.list(SPACE_ID, 'bafyreiprop');
    expect(tags.map((t) => t.id)).toEqual(Array.from({ length: 250 }, (_, i) => `tag${i}`));
  });

  it('stops on an empty page even if has_more stays true', async () => {
    const fake = fakeFetch((req) => {
      const offset = Number(req.url.searchParams.get('offset'));
      const data = offset === 0 ? [{ id: 'a' }, { id: 'b' }] : [];
      return { body: { data, pagination: { total: 99, offset, limit: 100, has_more: true } } };
    });
    const spaces = await createClient({ apiKey: API_KEY, fetch: fake.fetch }).spaces.list();
    expect(spaces.map((s) => s.id)).toEqual(['a', 'b']);
    expect(fake.calls).toHaveLength(2);
  });

  it('caps a server that never stops saying has_more', async () => {
    let pages = 0;
    const items = await collectAll(
      async (offset, limit) => {
        pages++;
        return { data: Array.from({ length: limit }, (_, k) => offset + k), pagination: { offset, has_more: true } };
      },
      { pageSize: 10, maxItems: 55 },
    );
    expect(items).toHaveLength(55);
    expect(pages).toBe(6);
    expect(MAX_ITEMS).toBeGreaterThanOrEqual(1000);
  });

  it('reads a missing pagination block as a single page', async () => {
    const fake = fakeFetch(() => ({ body: { data: [{ id: 'only' }] } }));
    const spaces = await createClient({ apiKey: API_KEY, fetch: fake.fetch }).spaces.list();
    expect(spaces.map((s) => s.id)).toEqual(['only']);
    expect(fake.calls).toHaveLength(1);
  });
});
