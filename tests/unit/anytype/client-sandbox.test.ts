// @vitest-environment node
/**
 * The client against the Anytype stand-in in tests/sandbox, which checks every request and answer
 * against the spec. After each test the sandbox must have recorded no spec violation.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AnytypeClient, bySourceUrl, createAuth, createClient, type Space } from '../../../lib/anytype';
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

async function connected(): Promise<{ client: AnytypeClient; space: Space }> {
  const apiKey = await sandbox.control.issueKey('Clip to Anytype test');
  const client = createClient({ apiKey, baseUrl: sandbox.url });
  const space = (await client.spaces.list()).find((s) => s.name === 'Personal');
  if (!space) throw new Error('the sandbox vault has no Personal space');
  return { client, space };
}

describe('client against the sandbox', () => {
  it('pairs: challenge → code shown in "Desktop" → API key', async () => {
    const auth = createAuth({ baseUrl: sandbox.url });
    const { challengeId } = await auth.createChallenge('Clip to Anytype');
    const pending = await sandbox.control.pendingChallenges();
    const mine = pending.find((c) => c.challengeId === challengeId);
    expect(mine?.appName).toBe('Clip to Anytype');
    const { apiKey } = await auth.createApiKey(challengeId, mine!.code);
    expect(apiKey).not.toBe('');

    const client = createClient({ apiKey, baseUrl: sandbox.url });
    const spaces = await client.spaces.list();
    expect(client.serverVersion).toBe('2025-11-08');
    expect(spaces.filter((s) => !s.isChat).map((s) => s.name)).toEqual(expect.arrayContaining(['Personal', 'Research']));
    expect(spaces.find((s) => s.name === 'Team chat')?.isChat).toBe(true);
    const log = await sandbox.control.log();
    expect(log.every((e) => !e.path.startsWith('/v1/auth') || e.authorization === null)).toBe(true);
  });

  it('pairing with a wrong code is pairing_failed', async () => {
    const auth = createAuth({ baseUrl: sandbox.url });
    const { challengeId } = await auth.createChallenge('Clip to Anytype');
    const mine = (await sandbox.control.pendingChallenges()).find((c) => c.challengeId === challengeId)!;
    const wrong = mine.code === '0000' ? '1111' : '0000';
    await expect(auth.createApiKey(challengeId, wrong)).rejects.toMatchObject({ kind: 'pairing_failed', status: 500 });
  });

  it('pairs in strict mode once the person approves in "Desktop"', async () => {
    await sandbox.control.setMode('strict');
    const auth = createAuth({ baseUrl: sandbox.url });
    const challenge = auth.createChallenge('Clip to Anytype');
    let pending = await sandbox.control.pendingChallenges();
    for (let i = 0; i < 100 && pending.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      pending = await sandbox.control.pendingChallenges();
    }
    expect(pending).toHaveLength(1);
    await sandbox.control.approve(pending[0]!.challengeId);
    const { challengeId } = await challenge;
    const code = (await sandbox.control.pendingChallenges()).find((c) => c.challengeId === challengeId)!.code;
    const { apiKey } = await auth.createApiKey(challengeId, code);
    await expect(createClient({ apiKey, baseUrl: sandbox.url }).spaces.list()).resolves.not.toHaveLength(0);
  });

  it('lists spaces, types, properties, tags and templates', async () => {
    const { client, space } = await connected();
    expect(await client.spaces.get(space.id)).toMatchObject({ id: space.id, name: 'Personal', isChat: false });

    const types = await client.types.list(space.id);
    const bookmark = types.find((t) => t.key === 'bookmark');
    expect(bookmark).toBeDefined();
    expect(types.map((t) => t.key)).toEqual(expect.arrayContaining(['page', 'note', 'bookmark', 'collection']));

    const properties = await client.properties.list(space.id);
    expect(properties.find((p) => p.key === 'source')?.format).toBe('url');
    const tagProperty = properties.find((p) => p.key === 'tag')!;
    expect(tagProperty.format).toBe('multi_select');

    const tags = await client.tags.list(space.id, tagProperty.id);
    expect(tags.map((t) => t.name)).toEqual(expect.arrayContaining(['research', 'reading-list']));

    const templates = await client.templates.list(space.id, bookmark!.id);
    expect(templates.map((t) => t.name)).toContain('Web clip');
  });

  it('creates a tag and an object with properties, gets, updates, collects and finds it', async () => {
    const { client, space } = await connected();
    const properties = await client.properties.list(space.id);
    const tagProperty = properties.find((p) => p.key === 'tag')!;
    const tag = await client.tags.create(space.id, tagProperty.id, { name: 'clipped' });
    expect(tag.name).toBe('clipped');
    expect((await client.tags.list(space.id, tagProperty.id)).map((t) => t.id)).toContain(tag.id);

    const url = 'https://example.com/articles/42?utm=x';
    const created = await client.objects.create(space.id, {
      type_key: 'bookmark',
      name: 'An article',
      body: '# An article\n\nSome **text**.\n',
      icon: null,
      properties: [
        { key: 'source', url },
        { key: 'tag', multi_select: [tag.id] },
        { key: 'description', text: 'Clipped by a test' },
      ],
    });
    expect(created.name).toBe('An article');
    expect(created.properties.find((p) => p.key === 'source')?.url).toBe(url);

    const fetched = await client.objects.get(space.id, created.id);
    expect(fetched.id).toBe(created.id);
    expect(fetched.markdown).toContain('Some **text**');
    expect(fetched.properties.find((p) => p.key === 'tag')?.multi_select?.map((t) => t.id)).toEqual([tag.id]);

    const updated = await client.objects.update(space.id, created.id, { name: 'An article (2)', markdown: 'Replaced body\n' });
    expect(updated.name).toBe('An article (2)');
    expect((await client.objects.get(space.id, created.id)).markdown).toContain('Replaced body');

    const collection = (await client.search.inSpace(space.id, { query: 'Reading list', types: ['collection'] })).data[0];
    expect(collection?.name).toBe('Reading list');
    await client.lists.addObjects(space.id, collection!.id, [created.id]);
    const stored = (await sandbox.control.objects(space.id)).find((o) => o.id === created.id);
    expect(stored?.lists).toContain(collection!.id);
    expect(stored?.properties.source).toBe(url);

    const found = await client.search.inSpace(space.id, bySourceUrl(url));
    expect(found.data.map((o) => o.id)).toEqual([created.id]);
    const none = await client.search.inSpace(space.id, bySourceUrl('https://example.com/other'));
    expect(none.data).toEqual([]);
    const global = await client.search.global({ query: 'An article (2)' });
    expect(global.data.map((o) => o.id)).toContain(created.id);
  });

  it('maps real failures: unknown object, revoked key, refused connection, create that fails late', async () => {
    const { client, space } = await connected();
    await expect(client.objects.get(space.id, 'bafyreinosuchobject')).rejects.toMatchObject({ kind: 'not_found' });

    await sandbox.control.setFaults({ failAfterCreate: 1 });
    const url = 'https://example.com/late-failure';
    await expect(
      client.objects.create(space.id, { type_key: 'bookmark', name: 'Late', properties: [{ key: 'source', url }] }),
    ).rejects.toMatchObject({ kind: 'server', mayHaveApplied: true });
    // The object was made anyway: a retry finds it by its source before sending again.
    expect((await client.search.inSpace(space.id, bySourceUrl(url))).data).toHaveLength(1);
    await sandbox.control.setFaults({ failAfterCreate: 0 });

    await expect(client.objects.create(space.id, { type_key: 'no_such_type' })).rejects.toMatchObject({ kind: 'bad_request' });

    await sandbox.control.setFaults({ refuse: true });
    await expect(client.spaces.list()).rejects.toMatchObject({ kind: 'offline', mayHaveApplied: false });
    await sandbox.control.setFaults({ refuse: false });

    const key = await sandbox.control.issueKey('other');
    const other = createClient({ apiKey: key, baseUrl: sandbox.url });
    await sandbox.control.revokeKey(key);
    const error = await other.spaces.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(JSON.stringify(error)).not.toContain(key);
  });

  it('reports the write limiter as rate_limited', async () => {
    const { client, space } = await connected();
    await sandbox.control.setFaults({ writeLimit: { perSecond: 0.001, burst: 1 } });
    await client.objects.create(space.id, { type_key: 'note', body: 'one' });
    await expect(client.objects.create(space.id, { type_key: 'note', body: 'two' })).rejects.toMatchObject({
      kind: 'rate_limited',
      status: 429,
    });
  });
});
