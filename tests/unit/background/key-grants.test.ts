// @vitest-environment node
/**
 * What the connection holds (builds of 2026): the grant pairing reported, kept with the connection;
 * keys refused as scoped or expired are never kept, and a key that becomes so later turns the
 * connection into "needs pairing" at the first refusal. Real client, current-mode sandbox.
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../../lib/anytype';
import { NEEDS_PAIRING, createConnectionService } from '../../../lib/background/connection-service';
import { createIndexedDbKeyStore } from '../../../lib/keys/indexeddb-key-store';
import { createKeyVault } from '../../../lib/keys/vault';
import { classifyError } from '../../../lib/queue/policy';
import { CONNECTION_SETTINGS_VERSION, parseConnectionSettings } from '../../../lib/settings/connections';
import { createSettingsStore } from '../../../lib/settings/store';
import { FULL_GRANT, type Sandbox, startSandbox } from '../../sandbox/index';

let sb: Sandbox;
beforeEach(async () => {
  fakeBrowser.reset();
  sb = await startSandbox({ mode: 'current' });
});
afterEach(async () => {
  try {
    expect(sb.violations()).toEqual([]);
  } finally {
    await sb.close();
  }
});

function setup(now = () => 1_800_000_000_000) {
  const settings = createSettingsStore(fakeBrowser.storage.local, sb.url);
  const vault = createKeyVault(fakeBrowser.storage.local, createIndexedDbKeyStore());
  const service = createConnectionService({
    loadSettings: () => settings.loadConnections(),
    saveSettings: (next) => settings.saveConnections(next),
    vault,
    makeClient: ({ apiKey, baseUrl }) => createClient({ apiKey, baseUrl }),
    now,
  });
  return { settings, vault, service };
}

const FULL = { allSpaces: true, spaceIds: [], permission: 'readwrite' as const };

describe('the connection keeps what its key holds', () => {
  it('a full grant from pairing is kept with the connection and shown in the status', async () => {
    const { service, settings } = setup();
    const key = await sb.control.issueKey('clip');
    const saved = await service.saveKey(key, undefined, FULL);
    expect(saved).toMatchObject({ paired: true, grant: FULL });
    const stored = await settings.loadConnections();
    expect(stored.version).toBe(CONNECTION_SETTINGS_VERSION);
    expect(stored.connections[0]?.key).toEqual({ grant: FULL });
    expect(await service.status()).toMatchObject({ paired: true, grant: FULL, spaceCount: 2 });
  });

  it('a pasted key: grant unknown (null)', async () => {
    const { service } = setup();
    expect(await service.saveKey(await sb.control.issueKey('pasted'))).toMatchObject({ paired: true, grant: null });
  });

  it.each([
    ['scoped', { grant: { all_spaces: false, space_ids: ['x'], permission: 'read' as const } }, 'scoped_key'],
    ['expired', { expiresInMs: 0 }, 'key_expired'],
  ])('a %s key is refused with one call and never kept', async (_name, opts, kind) => {
    const { service, vault } = setup();
    const key = await sb.control.issueKey('pasted', opts);
    await sb.control.clearLog();
    await expect(service.saveKey(key)).rejects.toMatchObject({ kind });
    expect(await vault.load('desktop')).toBeUndefined();
    expect((await sb.control.log()).filter((e) => e.path.startsWith('/v1/'))).toHaveLength(1);
  });

  it('a key narrowed in Desktop later: needs pairing at the first refusal, and waiting clips pause', async () => {
    const { service } = setup();
    const key = await sb.control.issueKey('clip');
    await service.saveKey(key, undefined, FULL);
    await sb.control.setKeyGrant(key, { all_spaces: true, space_ids: [], permission: 'read' });
    const refusal = await (await service.client()).spaces.list().catch((e: unknown) => e);
    expect(refusal).toMatchObject({ kind: 'scoped_key' });
    expect(classifyError(refusal).action).toBe('pause');
    const status = await service.status();
    expect(status.problem?.kind).toBe('scoped_key');
    expect(NEEDS_PAIRING.has(status.problem?.kind ?? '')).toBe(true);
  });

  it('a key that expires: needs pairing, pauses the queue, and the expiry is kept once seen', async () => {
    const { service, settings } = setup(() => 1_800_000_000_000);
    const key = await sb.control.issueKey('clip');
    await service.saveKey(key, undefined, FULL);
    await sb.control.expireKey(key);
    const refusal = await (await service.client()).objects.create('x', { type_key: 'page', name: 'n' }).catch((e: unknown) => e);
    expect(classifyError(refusal)).toMatchObject({ action: 'pause', error: { kind: 'key_expired' } });
    const status = await service.status();
    expect(status).toMatchObject({ problem: { kind: 'key_expired' }, expiredAt: 1_800_000_000_000, grant: FULL });
    expect((await settings.loadConnections()).connections[0]?.key).toEqual({ grant: FULL, expiredAt: 1_800_000_000_000 });
  });

  it('Disconnect forgets what was known of the key', async () => {
    const { service, settings } = setup();
    await service.saveKey(await sb.control.issueKey('clip'), undefined, FULL);
    await service.disconnect();
    expect((await settings.loadConnections()).connections[0]?.key).toBeUndefined();
  });
});

describe('stored connection settings', () => {
  const url = 'http://127.0.0.1:31009';
  it('a version 1 value (no version, no key info) reads as it was', () => {
    const old = { connections: [{ id: 'desktop', name: 'Anytype Desktop', baseUrl: url }], activeId: 'desktop' };
    expect(parseConnectionSettings(old, 'http://127.0.0.1:1')).toEqual({ ...old, version: CONNECTION_SETTINGS_VERSION });
  });

  it('key info in a shape this version does not know drops only the connection… never the endpoints silently', () => {
    const future = {
      version: 3,
      connections: [{ id: 'desktop', name: 'D', baseUrl: url, key: { grant: FULL, extra: true } }],
      activeId: 'desktop',
    };
    const parsed = parseConnectionSettings(future, 'http://127.0.0.1:1');
    expect(parsed.connections[0]).toMatchObject({ id: 'desktop', baseUrl: url, key: { grant: FULL } });
  });

  it('the grant the sandbox reports and the one kept have the same meaning', () => {
    expect(FULL).toEqual({ allSpaces: FULL_GRANT.all_spaces, spaceIds: FULL_GRANT.space_ids, permission: FULL_GRANT.permission });
  });
});
