// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  API_VERSION,
  bySourceUrl,
  colorForName,
  createAuth,
  createClient,
  DEFAULT_BASE_URL,
  normalizeBaseUrl,
  TAG_COLORS,
} from '../../../lib/anytype';
import { buildPath } from '../../../lib/anytype/transport';
import { API_KEY, fakeFetch, OBJECT_ID, SPACE_ID } from './fake-fetch';

const OBJECT = { id: OBJECT_ID, name: 'Hello', space_id: SPACE_ID, object: 'object', markdown: '# Hi', properties: [] };

function setup(answer: unknown = { object: OBJECT }, status = 200, baseUrl?: string) {
  const fake = fakeFetch(() => ({ status, body: answer, headers: { 'Anytype-Version': '2025-11-08' } }));
  const client = createClient({ apiKey: API_KEY, fetch: fake.fetch, baseUrl });
  return { fake, client };
}

describe('request building', () => {
  it('sends the version, the key and JSON to the default Desktop address', async () => {
    const { fake, client } = setup();
    expect(client.serverVersion).toBeUndefined();
    await client.objects.create(SPACE_ID, { type_key: 'page', name: 'Hello', body: '# Hi' });
    const req = fake.calls[0]!;
    expect(DEFAULT_BASE_URL).toBe('http://127.0.0.1:31009');
    expect(req.url.href).toBe(`http://127.0.0.1:31009/v1/spaces/${SPACE_ID}/objects`);
    expect(req.method).toBe('POST');
    expect(req.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(req.headers['anytype-version']).toBe(API_VERSION);
    expect(API_VERSION).toBe('2025-11-08');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.redirect).toBe('manual');
    expect(req.body).toEqual({ type_key: 'page', name: 'Hello', body: '# Hi' });
    expect(client.serverVersion).toBe('2025-11-08');
  });

  it('talks to anytype-cli on another port', async () => {
    const { fake, client } = setup({ data: [], pagination: { has_more: false } }, 200, 'http://127.0.0.1:31012/');
    await client.spaces.list();
    expect(fake.calls[0]!.url.href).toBe('http://127.0.0.1:31012/v1/spaces?offset=0&limit=100');
    expect(fake.calls[0]!.headers['content-type']).toBeUndefined();
  });

  it('never sends icon: null', async () => {
    const { fake, client } = setup();
    await client.objects.create(SPACE_ID, { type_key: 'page', name: 'x', icon: null });
    await client.objects.update(SPACE_ID, OBJECT_ID, { markdown: 'y', icon: null });
    for (const call of fake.calls) {
      expect(call.rawBody).not.toContain('icon');
    }
  });

  it('sends an icon, properties and a template when given', async () => {
    const { fake, client } = setup(undefined, 201);
    const created = await client.objects.create(SPACE_ID, {
      type_key: 'bookmark',
      name: 'Page',
      icon: { format: 'emoji', emoji: '📄' },
      template_id: OBJECT_ID,
      properties: [
        { key: 'source', url: 'https://example.com/a?b=1' },
        { key: 'tag', multi_select: ['bafyreiaixlnaefu3ci22zdenjhsdlyaeeoyjrsid5qhfeejzlccijbj7sq'] },
        { key: 'done', checkbox: false },
      ],
    });
    expect(created.id).toBe(OBJECT_ID);
    expect(created.markdown).toBe('# Hi');
    expect(fake.calls[0]!.body).toEqual({
      type_key: 'bookmark',
      name: 'Page',
      icon: { format: 'emoji', emoji: '📄' },
      template_id: OBJECT_ID,
      properties: [
        { key: 'source', url: 'https://example.com/a?b=1' },
        { key: 'tag', multi_select: ['bafyreiaixlnaefu3ci22zdenjhsdlyaeeoyjrsid5qhfeejzlccijbj7sq'] },
        { key: 'done', checkbox: false },
      ],
    });
  });

  it('refuses bad input before sending', async () => {
    const { fake, client } = setup();
    const bad = [
      () => client.objects.create(SPACE_ID, { type_key: '' }),
      () => client.objects.create(SPACE_ID, { type_key: 'page', properties: [{ key: 'x', url: 'a', text: 'b' } as never] }),
      () => client.objects.create(SPACE_ID, { type_key: 'page', extra: 1 } as never),
      () => client.objects.update(SPACE_ID, OBJECT_ID, { body: 'wrong field' } as never),
      () => client.tags.create(SPACE_ID, OBJECT_ID, { name: '  ' }),
      () => client.tags.create(SPACE_ID, OBJECT_ID, { name: 'x', color: 'black' as never }),
      () => client.search.inSpace(SPACE_ID, { query: 'x' }, { limit: 0 }),
      () => client.search.inSpace(SPACE_ID, { query: 'x' }, { limit: 1001 }),
      () => client.search.global({ query: 'x' }, { offset: -1 }),
      () => client.search.global({ filters: { conditions: [{ property_key: 'source', condition: 'like', url: 'x' } as never] } }),
      () => client.lists.addObjects(SPACE_ID, OBJECT_ID, []),
    ];
    for (const call of bad) await expect(call()).rejects.toMatchObject({ kind: 'bad_request', mayHaveApplied: false });
    expect(fake.calls).toHaveLength(0);
  });

  it('updates with PATCH and markdown', async () => {
    const { fake, client } = setup();
    await client.objects.update(SPACE_ID, OBJECT_ID, { name: 'New', markdown: '# New body' });
    expect(fake.calls[0]!.method).toBe('PATCH');
    expect(fake.calls[0]!.url.pathname).toBe(`/v1/spaces/${SPACE_ID}/objects/${OBJECT_ID}`);
    expect(fake.calls[0]!.body).toEqual({ name: 'New', markdown: '# New body' });
  });

  it('gets an object with GET and no body', async () => {
    const { fake, client } = setup();
    const obj = await client.objects.get(SPACE_ID, OBJECT_ID);
    expect(obj.name).toBe('Hello');
    expect(fake.calls[0]!.method).toBe('GET');
    expect(fake.calls[0]!.rawBody).toBeUndefined();
  });

  it('adds to a collection and accepts the bare string answer', async () => {
    const { fake, client } = setup(JSON.stringify('objects added to list successfully'));
    await expect(client.lists.addObjects(SPACE_ID, 'bafyreilist', [OBJECT_ID])).resolves.toBeUndefined();
    expect(fake.calls[0]!.url.pathname).toBe(`/v1/spaces/${SPACE_ID}/lists/bafyreilist/objects`);
    expect(fake.calls[0]!.body).toEqual({ objects: [OBJECT_ID] });
  });

  it('searches by source URL with a typed filter', async () => {
    const { fake, client } = setup({ data: [OBJECT], pagination: { total: 1, offset: 0, limit: 10, has_more: false } });
    const page = await client.search.inSpace(SPACE_ID, bySourceUrl('https://example.com/a?b=1#c', ['bookmark']), { limit: 10 });
    expect(page.data.map((o) => o.id)).toEqual([OBJECT_ID]);
    expect(page.pagination.has_more).toBe(false);
    const req = fake.calls[0]!;
    expect(req.method).toBe('POST');
    expect(req.url.pathname).toBe(`/v1/spaces/${SPACE_ID}/search`);
    expect(Object.fromEntries(req.url.searchParams)).toEqual({ offset: '0', limit: '10' });
    expect(req.body).toEqual({
      types: ['bookmark'],
      filters: { operator: 'and', conditions: [{ property_key: 'source', condition: 'eq', url: 'https://example.com/a?b=1#c' }] },
    });
  });

  it('searches globally with query, types and sort', async () => {
    const { fake, client } = setup({ data: [], pagination: { total: 0, offset: 0, limit: 100, has_more: false } });
    await client.search.global({ query: 'anytype', types: ['page'], sort: { property_key: 'name', direction: 'asc' } });
    expect(fake.calls[0]!.url.pathname).toBe('/v1/search');
    expect(fake.calls[0]!.body).toEqual({ query: 'anytype', types: ['page'], sort: { property_key: 'name', direction: 'asc' } });
  });

  it('creates a tag with a stable color when none is given', async () => {
    const { fake, client } = setup({ tag: { id: 'bafyreitag', name: 'news', color: 'blue' } }, 201);
    const tag = await client.tags.create(SPACE_ID, 'bafyreiprop', { name: ' news ' });
    expect(tag.id).toBe('bafyreitag');
    expect(fake.calls[0]!.url.pathname).toBe(`/v1/spaces/${SPACE_ID}/properties/bafyreiprop/tags`);
    expect(fake.calls[0]!.body).toEqual({ name: 'news', color: colorForName('news') });
    expect(TAG_COLORS).toContain(colorForName('news'));
    expect(colorForName('News')).toBe(colorForName('news'));
    await client.tags.create(SPACE_ID, 'bafyreiprop', { name: 'x', color: 'red' });
    expect(fake.calls[1]!.body).toEqual({ name: 'x', color: 'red' });
  });
});

describe('pairing', () => {
  it('creates a challenge, then a key, without an Authorization header', async () => {
    const fake = fakeFetch((req) =>
      req.url.pathname === '/v1/auth/challenges'
        ? { status: 201, body: { challenge_id: '67647f5ecda913e9a2e11b26' } }
        : { status: 201, body: { api_key: API_KEY } },
    );
    const auth = createAuth({ fetch: fake.fetch, baseUrl: 'http://localhost:31012' });
    const { challengeId } = await auth.createChallenge('Clip to Anytype');
    const { apiKey } = await auth.createApiKey(challengeId, ' 0042 ');
    expect(apiKey).toBe(API_KEY);
    expect(fake.calls.map((c) => [c.method, c.url.href, c.body])).toEqual([
      ['POST', 'http://localhost:31012/v1/auth/challenges', { app_name: 'Clip to Anytype' }],
      ['POST', 'http://localhost:31012/v1/auth/api_keys', { challenge_id: '67647f5ecda913e9a2e11b26', code: '0042' }],
    ]);
    for (const call of fake.calls) {
      expect(call.headers.authorization).toBeUndefined();
      expect(call.headers['anytype-version']).toBe('2025-11-08');
    }
  });

  it.each(['', '123', '12345', '12a4', 'abcd'])('refuses the code %j without spending a try', async (code) => {
    const fake = fakeFetch(() => ({ status: 201, body: { api_key: API_KEY } }));
    const auth = createAuth({ fetch: fake.fetch });
    await expect(auth.createApiKey('67647f5ecda913e9a2e11b26', code)).rejects.toMatchObject({ kind: 'pairing_failed' });
    expect(fake.calls).toHaveLength(0);
  });
});

describe('base URL and paths', () => {
  it.each([
    ['http://127.0.0.1:31009', 'http://127.0.0.1:31009'],
    ['http://127.0.0.1:31012/', 'http://127.0.0.1:31012'],
    ['http://localhost:31009', 'http://localhost:31009'],
    ['http://[::1]:31009', 'http://[::1]:31009'],
  ])('accepts %s', (input, origin) => {
    expect(normalizeBaseUrl(input)).toBe(origin);
  });

  it.each([
    'https://evil.example',
    'http://192.168.1.2:31009',
    'http://127.0.0.1:31009/v1',
    'http://127.0.0.1:31009/?x=1',
    'http://user:pw@127.0.0.1:31009',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (input) => {
    expect(() => normalizeBaseUrl(input)).toThrow(TypeError);
    expect(() => createClient({ apiKey: API_KEY, baseUrl: input })).toThrow(TypeError);
  });

  it('builds paths only from templates', () => {
    expect(buildPath('/v1/spaces/{space_id}/objects', { space_id: SPACE_ID })).toBe(`/v1/spaces/${SPACE_ID}/objects`);
    expect(() => buildPath('http://evil.example/v1/spaces')).toThrow(TypeError);
    expect(() => buildPath('//evil.example/v1')).toThrow(TypeError);
    expect(() => buildPath('/v1/spaces/{space_id}', {})).toThrow();
    expect(() => buildPath('/v1/spaces', { space_id: SPACE_ID })).toThrow(TypeError);
  });

  it('refuses an empty key without echoing it', () => {
    expect(() => createClient({ apiKey: '' })).toThrow(TypeError);
    expect(() => createClient({ apiKey: 'has space' })).toThrow(/without spaces/);
  });
});
