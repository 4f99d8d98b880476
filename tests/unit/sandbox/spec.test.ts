// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { type Caller, caller, withKey } from './helpers';

let sb: Sandbox | undefined;
let call: Caller;
let spaceId = '';
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

async function start() {
  const started = await withKey();
  sb = started.sb;
  call = started.call;
  spaceId = started.spaceId;
}

describe('spec validation', () => {
  it('records a body that breaks the spec and answers 400 in the error shape', async () => {
    await start();
    const res = await call('POST', `/v1/spaces/${spaceId}/objects`, { name: 'no type key' });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ object: 'error', status: 400, code: 'bad_request' });
    expect(sb?.violations()).toEqual([
      expect.objectContaining({ direction: 'request', method: 'POST', path: `/v1/spaces/${spaceId}/objects` }),
    ]);
    expect(sb?.violations()[0]?.message).toContain('type_key');
  });

  it('records fields the spec does not define (the server drops them silently) without refusing', async () => {
    await start();
    const made = await call('POST', `/v1/spaces/${spaceId}/objects`, { type_key: 'page', name: 'x' });
    const id = (made.json as { object: { id: string } }).object.id;
    expect(sb?.violations()).toEqual([]);
    // PATCH takes `markdown`; `body` is a create field and would be ignored.
    const res = await call('PATCH', `/v1/spaces/${spaceId}/objects/${id}`, { body: 'lost' });
    expect(res.status).toBe(200);
    expect(sb?.violations()).toHaveLength(1);
    expect(sb?.violations()[0]?.message).toContain('"body"');
  });

  it('treats icon: null as a bad request, as the server does', async () => {
    await start();
    const res = await call('POST', `/v1/spaces/${spaceId}/objects`, { type_key: 'page', icon: null });
    expect(res.status).toBe(400);
    expect(sb?.violations()).toHaveLength(1);
  });

  it('answers an invalid limit with the undocumented {"error"} body and records it when the spec forbids it', async () => {
    await start();
    const over = await call('GET', '/v1/spaces?limit=5000');
    expect(over.status).toBe(400);
    expect(over.json).toEqual({ error: 'limit must be between 1 and 1000' });
    expect(sb?.violations().map((v) => v.direction)).toEqual(['request']);
    // limit=0 is allowed by the spec's schema but not by the server: 400, no violation.
    expect((await call('GET', '/v1/spaces?limit=0')).json).toEqual({ error: 'limit must be between 1 and 1000' });
    expect(sb?.violations()).toHaveLength(1);
  });

  it('answers unknown routes with a text 404 and records nothing', async () => {
    await start();
    const res = await call('GET', '/v1/nothing/here');
    expect(res.status).toBe(404);
    expect(res.text).toBe('404 page not found');
    expect((await call('PUT', '/v1/spaces')).status).toBe(404);
    expect(sb?.violations()).toEqual([]);
  });

  it('records a missing Anytype-Version header but still answers', async () => {
    await start();
    const key = await sb?.control.issueKey();
    const res = await fetch(`${sb?.url}/v1/spaces`, { headers: { Authorization: `Bearer ${key}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('anytype-version')).toBe('2025-11-08');
    expect(sb?.violations()[0]?.message).toContain('anytype-version');
  });

  it('needs a bearer key on API routes and answers 401 in the error shape', async () => {
    await start();
    const anon = caller(sb as Sandbox);
    const res = await anon('GET', '/v1/spaces');
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ object: 'error', status: 401, code: 'unauthorized' });
    expect((await caller(sb as Sandbox, 'made-up')('GET', '/v1/spaces')).status).toBe(401);
    expect(sb?.violations()).toEqual([]);
  });

  it('serves a normal session without any violation', async () => {
    await start();
    const spaces = await call('GET', '/v1/spaces');
    expect(spaces.status).toBe(200);
    const types = await call('GET', `/v1/spaces/${spaceId}/types`);
    const props = await call('GET', `/v1/spaces/${spaceId}/properties`);
    const tagProp = (props.json as { data: { key: string; id: string }[] }).data.find((p) => p.key === 'tag');
    await call('GET', `/v1/spaces/${spaceId}/properties/${tagProp?.id}/tags`);
    const page = (types.json as { data: { key: string; id: string }[] }).data.find((t) => t.key === 'page');
    await call('GET', `/v1/spaces/${spaceId}/types/${page?.id}/templates`);
    await call('POST', '/v1/search', { query: 'welcome', sort: { property_key: 'name', direction: 'asc' } });
    const created = await call('POST', `/v1/spaces/${spaceId}/objects`, {
      type_key: 'page',
      name: 'Hello',
      body: '# Hello\n',
      icon: { format: 'emoji', emoji: '📄' },
      properties: [{ key: 'description', text: 'A page' }],
    });
    expect(created.status).toBe(201);
    expect(sb?.violations()).toEqual([]);
    expect(await sb?.control.violations()).toEqual([]);
  });
});
