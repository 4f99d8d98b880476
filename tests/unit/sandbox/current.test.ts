// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { createControlClient, FULL_GRANT, type KeyGrant, type PairingEvent, type Sandbox, startSandbox } from '../../sandbox/index';
import { loadSpec } from '../../sandbox/spec-schemas';
import { caller, field } from './helpers';

let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

const NEW_KEY = /^anytype_[A-Za-z0-9]{40,60}_[0-9a-f]{8}$/;

async function challenge(s: Sandbox, appName = 'clip-to-anytype') {
  const res = await caller(s)('POST', '/v1/auth/challenges', { app_name: appName });
  return { status: res.status, id: field<string>(res.json, 'challenge_id'), json: res.json };
}

const solve = (s: Sandbox, id: string, code: string) => caller(s)('POST', '/v1/auth/api_keys', { challenge_id: id, code });

async function codeOf(s: Sandbox, id: string): Promise<string> {
  const p = (await s.control.pendingChallenges()).find((c) => c.challengeId === id);
  if (!p?.approved) throw new Error('not approved');
  return p.code;
}

async function firstSpace(s: Sandbox): Promise<string> {
  return (await s.control.spaces()).find((x) => !x.isChat)?.id ?? '';
}

/** Every authenticated /v1 operation of the spec, with its placeholders filled in. */
function authenticatedRoutes(spaceId: string): { method: string; path: string }[] {
  const doc = loadSpec();
  const out: { method: string; path: string }[] = [];
  for (const [template, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!op.security?.length) continue;
      out.push({ method: method.toUpperCase(), path: template.replace('{space_id}', spaceId).replace(/\{[a-z_]+\}/g, 'bafyreiabc') });
    }
  }
  return out;
}

describe('current pairing (builds of 2026)', () => {
  it('answers the challenge at once; solving before approval is refused and costs no try', async () => {
    sb = await startSandbox({ mode: 'current' });
    const c = await challenge(sb);
    expect(c.status).toBe(201);
    const [p] = await sb.control.pendingChallenges();
    expect(p).toMatchObject({ challengeId: c.id, approved: false, code: '' });
    expect(p?.lapsesAt).toBeGreaterThan(Date.now() + 170_000);
    // More refusals than the 5 tries a code has: none of them counts.
    for (let i = 0; i < 7; i++) {
      const early = await solve(sb, c.id, '1234');
      expect(early.status).toBe(403);
      expect(early.json).toMatchObject({ object: 'error', status: 403, code: 'challenge_not_approved' });
      expect(field<string>(early.json, 'message')).toContain('CHALLENGE_NOT_APPROVED');
    }
    await sb.control.approve();
    const good = await solve(sb, c.id, await codeOf(sb, c.id));
    expect(good.status).toBe(201);
    expect(field<string>(good.json, 'api_key')).toMatch(NEW_KEY);
    expect(field(good.json, 'grant')).toEqual(FULL_GRANT);
    expect((await caller(sb, field<string>(good.json, 'api_key'))('GET', '/v1/spaces')).status).toBe(200);
    expect(sb.violations()).toEqual([]);
  });

  it('a code exists only from approval on, and a wrong one still counts (5 tries)', async () => {
    sb = await startSandbox({ mode: 'current' });
    const c = await challenge(sb);
    await sb.control.approve(c.id);
    const code = await codeOf(sb, c.id);
    const wrong = code === '0000' ? '0001' : '0000';
    for (let i = 0; i < 5; i++) expect((await solve(sb, c.id, wrong)).status).toBe(500);
    expect((await solve(sb, c.id, code)).status).toBe(500);
  });

  it('a narrow grant is refused on every /v1 route with 403 v1_not_available_for_scoped_keys', async () => {
    sb = await startSandbox({ mode: 'current' });
    const spaceId = await firstSpace(sb);
    const c = await challenge(sb);
    const grant: KeyGrant = { all_spaces: false, space_ids: [spaceId], permission: 'read' };
    await sb.control.approve(c.id, grant);
    const answer = await solve(sb, c.id, await codeOf(sb, c.id));
    expect(field(answer.json, 'grant')).toEqual(grant);
    const call = caller(sb, field<string>(answer.json, 'api_key'));
    const routes = authenticatedRoutes(spaceId);
    expect(routes.length).toBeGreaterThan(20);
    for (const r of routes) {
      const res = await call(r.method, r.path, r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
      expect([r.path, res.status]).toEqual([r.path, 403]);
      expect(res.json).toMatchObject({ object: 'error', status: 403, code: 'v1_not_available_for_scoped_keys' });
      expect(res.headers.get('www-authenticate')).toBe('Bearer error="insufficient_scope"');
    }
    expect(sb.violations()).toEqual([]);
  });

  it.each<[string, KeyGrant, number]>([
    ['all spaces, read only', { all_spaces: true, space_ids: [], permission: 'read' }, 403],
    ['some spaces, read & write', { all_spaces: false, space_ids: ['x'], permission: 'readwrite' }, 403],
    ['all spaces, read & write', FULL_GRANT, 200],
  ])('a key for %s: /v1 answers %i', async (_name, grant, status) => {
    sb = await startSandbox({ mode: 'current' });
    const key = await sb.control.issueKey('pasted', { grant });
    expect(key).toMatch(NEW_KEY);
    expect((await caller(sb, key)('GET', '/v1/spaces')).status).toBe(status);
  });

  it('a denied caller is refused until restart, and the denied challenge answers so too', async () => {
    sb = await startSandbox({ mode: 'current' });
    const c = await challenge(sb, 'denied-app');
    await sb.control.deny();
    expect((await solve(sb, c.id, '1234')).json).toMatchObject({ status: 403, code: 'challenge_denied' });
    for (let i = 0; i < 3; i++) {
      const again = await challenge(sb, 'denied-app');
      expect(again.status).toBe(403);
      expect(again.json).toMatchObject({ object: 'error', code: 'challenge_denied' });
    }
    expect((await challenge(sb, 'other-app')).status).toBe(201);
    expect(sb.violations()).toEqual([]);
    await sb.control.reset();
    expect((await challenge(sb, 'denied-app')).status).toBe(201);
  });

  it('an unanswered prompt lapses: gone from the list, told to the terminal, refused as expired', async () => {
    const events: PairingEvent[] = [];
    sb = await startSandbox({ mode: 'current', promptTimeoutMs: 60, onPairing: (e) => events.push(e) });
    const c = await challenge(sb);
    expect(events).toEqual([expect.objectContaining({ type: 'prompt', challengeId: c.id })]);
    await new Promise((r) => setTimeout(r, 120));
    expect(await sb.control.pendingChallenges()).toEqual([]);
    expect(events.at(-1)).toMatchObject({ type: 'ended', challengeId: c.id, why: 'lapsed' });
    expect((await solve(sb, c.id, '1234')).json).toMatchObject({ status: 403, code: 'challenge_expired' });
    await expect(sb.control.approve(c.id)).rejects.toThrow(/no pending challenge/);
  });

  it('one pending prompt per caller: a new challenge ends the old one and its code', async () => {
    const events: PairingEvent[] = [];
    sb = await startSandbox({ mode: 'current', onPairing: (e) => events.push(e) });
    const first = await challenge(sb);
    await sb.control.approve(first.id);
    const oldCode = await codeOf(sb, first.id);
    const second = await challenge(sb);
    expect(events).toContainEqual(expect.objectContaining({ type: 'ended', challengeId: first.id, why: 'replaced' }));
    expect((await sb.control.pendingChallenges()).map((p) => p.challengeId)).toEqual([second.id]);
    expect((await solve(sb, first.id, oldCode)).status).toBe(500);
    // Another caller's prompt is not touched.
    const other = await challenge(sb, 'other-app');
    expect((await sb.control.pendingChallenges()).map((p) => p.challengeId).sort()).toEqual([second.id, other.id].sort());
  });

  it('keys expire (401 api key expired) and their grant can change later, from the next request', async () => {
    let clock = Date.now();
    sb = await startSandbox({ mode: 'current', now: () => clock });
    const key = await sb.control.issueKey();
    const call = caller(sb, key);
    expect((await call('GET', '/v1/spaces')).status).toBe(200);
    await sb.control.setKeyGrant(key, { all_spaces: true, space_ids: [], permission: 'read' });
    expect((await call('GET', '/v1/spaces')).status).toBe(403);
    await sb.control.setKeyGrant(key, FULL_GRANT);
    expect((await call('GET', '/v1/spaces')).status).toBe(200);
    await sb.control.expireKey(key);
    const expired = await call('GET', '/v1/spaces');
    expect(expired.status).toBe(401);
    expect(expired.json).toMatchObject({ object: 'error', status: 401, message: 'api key expired' });
    const later = await sb.control.issueKey('later', { expiresInMs: 40 });
    expect((await caller(sb, later)('GET', '/v1/spaces')).status).toBe(200);
    clock += 60;
    expect((await caller(sb, later)('GET', '/v1/spaces')).status).toBe(401);
    expect(sb.violations()).toEqual([]);
  });

  it('the control channel over HTTP approves with a grant, chooses the grant, expires and re-grants keys', async () => {
    sb = await startSandbox({ mode: 'current' });
    const control = createControlClient(sb.url);
    const spaceId = await firstSpace(sb);
    const narrow: KeyGrant = { all_spaces: false, space_ids: [spaceId], permission: 'readwrite' };
    const c1 = await challenge(sb);
    await control.approve(undefined, narrow);
    expect(field((await solve(sb, c1.id, await codeOf(sb, c1.id))).json, 'grant')).toEqual(narrow);

    await control.chooseGrant({ all_spaces: true, space_ids: [], permission: 'read' });
    const c2 = await challenge(sb);
    await control.approve(c2.id);
    const second = await solve(sb, c2.id, await codeOf(sb, c2.id));
    expect(field(second.json, 'grant')).toMatchObject({ permission: 'read' });
    const key = field<string>(second.json, 'api_key');
    await control.setKeyGrant(key, FULL_GRANT);
    expect((await caller(sb, key)('GET', '/v1/spaces')).status).toBe(200);
    await control.expireKey(key);
    expect((await caller(sb, key)('GET', '/v1/spaces')).status).toBe(401);
    const pasted = await control.issueKey('pasted', { grant: narrow });
    expect((await caller(sb, pasted)('GET', '/v1/spaces')).status).toBe(403);
    await control.setPairingTimeouts({ promptTimeoutMs: 30 });
    const c3 = await challenge(sb);
    await new Promise((r) => setTimeout(r, 60));
    expect((await solve(sb, c3.id, '1234')).json).toMatchObject({ code: 'challenge_expired' });
    await control.reset();
    await challenge(sb);
    expect((await control.pendingChallenges())[0]?.lapsesAt).toBeGreaterThan(Date.now() + 170_000);
    await expect(control.chooseGrant({ all_spaces: 'yes' } as unknown as KeyGrant)).rejects.toThrow(/grant must be/);
    await expect(control.setMode('future' as never)).rejects.toThrow(/mode must be/);
  });
});

describe('what each mode serves and answers', () => {
  it('current mode serves the spec with the files endpoint, and /v2', async () => {
    sb = await startSandbox({ mode: 'current' });
    const doc = await caller(sb)('GET', '/docs/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(field(doc.json, 'paths'))).toContain('/v1/spaces/{space_id}/files');
    expect(field(doc.json, 'components', 'schemas', 'CreateApiKeyResponse', 'properties', 'grant')).toBeDefined();
    expect((await caller(sb)('GET', '/v2/docs/openapi.json')).status).toBe(200);
  });

  it.each(['classic', 'strict'] as const)('%s mode serves a build without files, no /v2, and keys without grant', async (mode) => {
    sb = await startSandbox({ mode, approvalTimeoutMs: 5_000 });
    const doc = await caller(sb)('GET', '/docs/openapi.json');
    expect(field(doc.json, 'info', 'version')).toBe('2025-11-08');
    expect(Object.keys(field(doc.json, 'paths'))).not.toContain('/v1/spaces/{space_id}/files');
    expect((await caller(sb)('GET', '/v2/docs/openapi.json')).status).toBe(404);
    const asked = challenge(sb);
    if (mode === 'strict') await sb.control.approve();
    const c = await asked;
    const p = (await sb.control.pendingChallenges())[0];
    const answer = await solve(sb, c.id, p?.code ?? '');
    expect(answer.status).toBe(201);
    expect(Object.keys(answer.json as object)).toEqual(['api_key']);
    expect(field<string>(answer.json, 'api_key')).not.toMatch(/^anytype_/);
    expect(sb.violations()).toEqual([]);
  });

  it('a grant in an older mode\'s answer would be a violation: current\'s addition does not loosen the others', async () => {
    const { validatorFor } = await import('../../sandbox/spec-2026');
    const classic = validatorFor('classic');
    const current = validatorFor('current');
    const route = classic.match('POST', '/v1/auth/api_keys');
    const routeNow = current.match('POST', '/v1/auth/api_keys');
    if (!route || !routeNow) throw new Error('no route');
    const body = { api_key: 'anytype_x', grant: FULL_GRANT };
    expect(classic.checkResponse(route, 201, body)).toMatch(/grant/);
    expect(current.checkResponse(routeNow, 201, body)).toBeNull();
    expect(current.checkResponse(routeNow, 201, { api_key: 'k', grant: null })).toBeNull();
    expect(current.checkResponse(routeNow, 201, { api_key: 'k', grant: { ...FULL_GRANT, permission: 'admin' } })).not.toBeNull();
    expect(current.checkResponse(routeNow, 201, { api_key: 'k', grant: FULL_GRANT, extra: 1 })).not.toBeNull();
  });
});
