// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { createControlClient, type Sandbox, startSandbox } from '../../sandbox/index';
import { caller, field } from './helpers';

let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

describe('control channel over HTTP', () => {
  it('plays Desktop for a strict pairing and hands out keys', async () => {
    sb = await startSandbox({ mode: 'classic' });
    const remote = createControlClient(`${sb.url}/`);
    await remote.setMode('strict');
    const call = caller(sb);
    const asked = call('POST', '/v1/auth/challenges', { app_name: 'e2e' });
    await remote.approve();
    const challengeId = field<string>((await asked).json, 'challenge_id');
    const [p] = await remote.pendingChallenges();
    expect(p).toMatchObject({ challengeId, appName: 'e2e', approved: true });
    const key = field<string>((await call('POST', '/v1/auth/api_keys', { challenge_id: challengeId, code: p?.code })).json, 'api_key');
    expect((await caller(sb, key)('GET', '/v1/spaces')).status).toBe(200);

    const pasted = await remote.issueKey('Settings');
    expect((await caller(sb, pasted)('GET', '/v1/spaces')).status).toBe(200);
    // Control requests stay out of the request log.
    expect((await remote.log()).map((e) => e.path)).toEqual(['/v1/auth/challenges', '/v1/auth/api_keys', '/v1/spaces', '/v1/spaces']);
    expect((await remote.log())[0]).toMatchObject({ body: { app_name: 'e2e' }, status: 201, anytypeVersion: '2025-11-08' });
  });

  it('reset gives a fresh vault and keeps keys unless asked', async () => {
    sb = await startSandbox();
    const remote = createControlClient(sb.url);
    const key = await remote.issueKey();
    const [space] = await remote.spaces();
    await caller(sb, key)('POST', `/v1/spaces/${space?.id}/objects`, { type_key: 'page', name: 'x' });
    expect(await remote.objects(space?.id)).toHaveLength(1);
    await remote.reset();
    expect(await remote.objects()).toEqual([]);
    expect((await caller(sb, key)('GET', '/v1/spaces')).status).toBe(200);
    await remote.reset({ keys: true });
    expect((await caller(sb, key)('GET', '/v1/spaces')).status).toBe(401);
    expect(await remote.violations()).toEqual([]);
  });

  it('reports an approve with nothing to approve as an error', async () => {
    sb = await startSandbox({ mode: 'strict' });
    await expect(createControlClient(sb.url).approve('not-a-challenge')).rejects.toThrow(/no pending challenge/);
  });
});
