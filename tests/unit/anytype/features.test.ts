// @vitest-environment node
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../lib/anytype';
import { detectFeatures } from '../../../lib/anytype/features';
import { createConnectionService } from '../../../lib/background/connection-service';
import { createIndexedDbKeyStore } from '../../../lib/keys/indexeddb-key-store';
import { createKeyVault } from '../../../lib/keys/vault';
import { createSettingsStore } from '../../../lib/settings/store';
import { type Sandbox, startSandbox } from '../../sandbox/index';
import { fakeFetch } from './fake-fetch';

let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

describe('feature detection', () => {
  it('current builds: the files endpoint and /v2', async () => {
    sb = await startSandbox({ mode: 'current' });
    expect(await detectFeatures(sb.url, { now: () => 7 })).toEqual({ apiVersion: '2025-11-08', files: true, v2: true, checkedAt: 7 });
  });

  it.each(['classic', 'strict'] as const)('%s builds: neither', async (mode) => {
    sb = await startSandbox({ mode });
    expect(await detectFeatures(sb.url, { now: () => 7 })).toEqual({ apiVersion: '2025-11-08', files: false, v2: false, checkedAt: 7 });
  });

  it('asks without the key, and an install that answers nothing offers nothing beyond /v1', async () => {
    const { fetch, calls } = fakeFetch(() => ({ status: 404, body: '404 page not found' }));
    expect(await detectFeatures('http://127.0.0.1:31009', { fetch, now: () => 1 })).toEqual({ files: false, v2: false, checkedAt: 1 });
    expect(calls.map((c) => c.url.pathname).sort()).toEqual(['/docs/openapi.json', '/v2/docs/openapi.json']);
    for (const c of calls) expect(c.headers.authorization).toBeUndefined();
    const refused = (() => Promise.reject(new TypeError('fetch failed'))) as typeof globalThis.fetch;
    expect(await detectFeatures('http://127.0.0.1:31009', { fetch: refused, now: () => 1 })).toEqual({ files: false, v2: false, checkedAt: 1 });
  });

  it('never leaves the loopback address', async () => {
    await expect(detectFeatures('http://example.com')).rejects.toThrow(/this computer/);
  });

  it('is read after pairing and again only when the server version changes; kept with the connection', async () => {
    fakeBrowser.reset();
    sb = await startSandbox({ mode: 'current' });
    const url = sb.url;
    const settings = createSettingsStore(fakeBrowser.storage.local, url);
    let version = '2025-11-08';
    const detections: string[] = [];
    const service = createConnectionService({
      loadSettings: () => settings.loadConnections(),
      saveSettings: (next) => settings.saveConnections(next),
      vault: createKeyVault(fakeBrowser.storage.local, createIndexedDbKeyStore()),
      makeClient: ({ apiKey, baseUrl }) => {
        const client = createClient({ apiKey, baseUrl });
        return new Proxy(client, { get: (t, p) => (p === 'serverVersion' ? version : Reflect.get(t, p)) });
      },
      detectFeatures: async (baseUrl) => {
        detections.push(version);
        return detectFeatures(baseUrl);
      },
    });
    const saved = await service.saveKey(await sb.control.issueKey('clip'));
    expect(saved.features).toMatchObject({ files: true, v2: true, headerVersion: '2025-11-08' });
    await service.status();
    await service.status();
    expect(detections).toEqual(['2025-11-08']);
    version = '2026-09-01';
    expect((await service.status()).features).toMatchObject({ headerVersion: '2026-09-01' });
    await service.status();
    expect(detections).toEqual(['2025-11-08', '2026-09-01']);
    expect((await settings.loadConnections()).connections[0]?.features).toMatchObject({ files: true, headerVersion: '2026-09-01' });
  });
});
