// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { createControlClient, type Sandbox } from '../../sandbox/index';
import { type Caller, field, withKey } from './helpers';

let sb: Sandbox | undefined;
let call: Caller;
let spaceId = '';
let key = '';
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

async function start() {
  const started = await withKey();
  ({ sb, call, spaceId, key } = started);
}

const page = (name: string) => ({ type_key: 'page', name, body: `# ${name}\n` });

describe('faults', () => {
  it('answers 429 rate_limit_exceeded with RateLimit-* headers and no Retry-After once the burst is spent', async () => {
    await start();
    await sb?.control.setFaults({ writeLimit: { perSecond: 0.001, burst: 3 } });
    for (let i = 0; i < 3; i++) expect((await call('POST', `/v1/spaces/${spaceId}/objects`, page(`p${i}`))).status).toBe(201);
    const limited = await call('POST', `/v1/spaces/${spaceId}/objects`, page('over'));
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({ object: 'error', status: 429, code: 'rate_limit_exceeded' });
    expect(limited.headers.get('ratelimit-limit')).toBe('3');
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('ratelimit-reset')).not.toBeNull();
    expect(limited.headers.get('retry-after')).toBeNull();
    // Reads and searches are not writes.
    expect((await call('GET', '/v1/spaces')).status).toBe(200);
    expect((await call('POST', '/v1/search', { query: 'x' })).status).toBe(200);
    // The bucket is shared by all writes, tags included.
    const props = await call('GET', `/v1/spaces/${spaceId}/properties`);
    const tag = field<{ key: string; id: string }[]>(props.json, 'data').find((p) => p.key === 'tag');
    expect((await call('POST', `/v1/spaces/${spaceId}/properties/${tag?.id}/tags`, { name: 'x', color: 'red' })).status).toBe(429);
    expect(await sb?.control.objects()).toHaveLength(3);
    expect(sb?.violations()).toEqual([]);
  });

  it('allows a burst of 60 writes by default, then limits', async () => {
    await start();
    // Refill is 1 per second, so count writes until the first 429 rather than assume a fixed time.
    const statuses: number[] = [];
    while (statuses.length < 200 && statuses.at(-1) !== 429) {
      statuses.push((await call('POST', `/v1/spaces/${spaceId}/objects`, page(`p${statuses.length}`))).status);
    }
    expect(statuses.length).toBeGreaterThan(60);
    expect(statuses.slice(0, 60).every((s) => s === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('refuse makes fetch fail like a refused connection while the control channel keeps working', async () => {
    await start();
    const s = sb as Sandbox;
    const remote = createControlClient(s.url);
    await remote.setFaults({ refuse: true });
    await expect(fetch(`${s.url}/v1/spaces`, { headers: { Authorization: `Bearer ${key}` } })).rejects.toThrow();
    expect((await remote.log()).at(-1)).toMatchObject({ path: '/v1/spaces', status: 0 });
    await remote.setFaults({ refuse: false });
    expect((await call('GET', '/v1/spaces')).status).toBe(200);
  });

  it('failAfterCreate stores the object and then answers 500', async () => {
    await start();
    await sb?.control.setFaults({ failAfterCreate: 1 });
    const failed = await call('POST', `/v1/spaces/${spaceId}/objects`, page('Half made'));
    expect(failed.status).toBe(500);
    expect(failed.json).toMatchObject({ object: 'error', status: 500 });
    const stored = (await sb?.control.objects(spaceId)) ?? [];
    expect(stored.map((o) => o.name)).toEqual(['Half made']);
    // The retry looks it up first, as the extension must.
    const found = await call('POST', `/v1/spaces/${spaceId}/search`, { query: 'Half made' });
    expect(field<unknown[]>(found.json, 'data')).toHaveLength(1);
    expect((await call('POST', `/v1/spaces/${spaceId}/objects`, page('Next'))).status).toBe(201);
  });

  it('rejectCreates refuses the next creates with 400 and stores nothing', async () => {
    await start();
    await sb?.control.setFaults({ rejectCreates: 1 });
    const refused = await call('POST', `/v1/spaces/${spaceId}/objects`, page('Refused'));
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ object: 'error', status: 400, code: 'bad_request' });
    expect(((await sb?.control.objects(spaceId)) ?? []).map((o) => o.name)).not.toContain('Refused');
    expect((await call('POST', `/v1/spaces/${spaceId}/objects`, page('Taken'))).status).toBe(201);
    expect(sb?.violations()).toEqual([]);
  });

  it('unauthorizedAll and revokeKey answer 401', async () => {
    await start();
    await sb?.control.setFaults({ unauthorizedAll: true });
    expect((await call('GET', '/v1/spaces')).status).toBe(401);
    await sb?.control.setFaults({ unauthorizedAll: false });
    expect((await call('GET', '/v1/spaces')).status).toBe(200);
    await sb?.control.revokeKey(key);
    const revoked = await call('GET', '/v1/spaces');
    expect(revoked.status).toBe(401);
    expect(revoked.json).toMatchObject({ object: 'error', status: 401, message: 'invalid api key' });
  });
});
