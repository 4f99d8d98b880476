// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { type Caller, withKey } from './helpers';

const FORBIDDEN = { object: 'error', status: 403, code: 'forbidden', message: 'request origin is not allowed' };

let sb: Sandbox | undefined;
let call: Caller;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

async function start(mode: 'classic' | 'strict') {
  const started = await withKey({ mode });
  sb = started.sb;
  call = started.call;
}

describe('strict mode origin check', () => {
  it('refuses extension origins with the exact 403 body, on every route including auth', async () => {
    await start('strict');
    for (const origin of ['chrome-extension://abcdefghijklmnop', 'moz-extension://1234-5678', 'https://example.com']) {
      const res = await call('GET', '/v1/spaces', undefined, { Origin: origin });
      expect(res.status).toBe(403);
      expect(res.json).toEqual(FORBIDDEN);
      expect(res.headers.get('anytype-version')).toBe('2025-11-08');
    }
    const pairing = await call('POST', '/v1/auth/challenges', { app_name: 'x' }, { Origin: 'chrome-extension://abc' });
    expect(pairing.status).toBe(403);
  });

  it('lets loopback origins through', async () => {
    await start('strict');
    for (const origin of ['http://127.0.0.1:31009', 'http://localhost:31009', 'http://127.0.0.1']) {
      expect((await call('GET', '/v1/spaces', undefined, { Origin: origin })).status).toBe(200);
    }
  });

  it('refuses a request without Origin whose Sec-Fetch-Site is same-origin or same-site', async () => {
    await start('strict');
    expect((await call('GET', '/v1/spaces', undefined, { 'Sec-Fetch-Site': 'same-origin' })).json).toEqual(FORBIDDEN);
    expect((await call('GET', '/v1/spaces', undefined, { 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    expect((await call('GET', '/v1/spaces', undefined, { 'Sec-Fetch-Site': 'none' })).status).toBe(200);
    expect((await call('GET', '/v1/spaces')).status).toBe(200);
    // An Origin that is set to loopback wins over Sec-Fetch-Site (what the extension's header rule does).
    const set = await call('GET', '/v1/spaces', undefined, { 'Sec-Fetch-Site': 'same-origin', Origin: 'http://127.0.0.1:31009' });
    expect(set.status).toBe(200);
  });

  it('classic mode has no origin check, and the mode switches at run time', async () => {
    await start('classic');
    expect((await call('GET', '/v1/spaces', undefined, { Origin: 'chrome-extension://abc' })).status).toBe(200);
    await sb?.control.setMode('strict');
    expect((await call('GET', '/v1/spaces', undefined, { Origin: 'chrome-extension://abc' })).status).toBe(403);
    const log = (await sb?.control.log()) ?? [];
    expect(log.at(-1)).toMatchObject({ method: 'GET', path: '/v1/spaces', origin: 'chrome-extension://abc', status: 403 });
  });
});
