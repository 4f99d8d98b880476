import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { createIndexedDbKeyStore } from '../../../lib/keys/indexeddb-key-store';
import { restrictStorageToTrustedContexts } from '../../../lib/keys/restrict-storage';
import { createKeyVault } from '../../../lib/keys/vault';

const KEY = 'ak_live_0123456789abcdefSECRET';

describe('key vault', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    indexedDB.deleteDatabase('clip-to-anytype-keys');
  });

  it('round-trips a key', async () => {
    const vault = createKeyVault(fakeBrowser.storage.local, createIndexedDbKeyStore());
    await vault.save('desktop', KEY);
    expect(await vault.load('desktop')).toBe(KEY);
  });

  it('never writes the key in the clear to storage a content script could read', async () => {
    const vault = createKeyVault(fakeBrowser.storage.local, createIndexedDbKeyStore());
    await vault.save('desktop', KEY);
    for (const area of [fakeBrowser.storage.local, fakeBrowser.storage.sync, fakeBrowser.storage.session]) {
      const everything = JSON.stringify(await area.get(null));
      expect(everything).not.toContain(KEY);
      expect(everything).not.toContain(btoa(KEY));
    }
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).toContain('vault:desktop');
  });

  it('keeps the wrapping key non-extractable, and reuses it across restarts', async () => {
    const store = createIndexedDbKeyStore();
    await createKeyVault(fakeBrowser.storage.local, store).save('desktop', KEY);
    const wrapping = await store.load();
    expect(wrapping?.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', wrapping!)).rejects.toThrow();
    // A new worker: a fresh vault over the same storage still reads the key.
    expect(await createKeyVault(fakeBrowser.storage.local, createIndexedDbKeyStore()).load('desktop')).toBe(KEY);
  });

  it('treats tampered or orphaned ciphertext as no key', async () => {
    await createKeyVault(fakeBrowser.storage.local, createIndexedDbKeyStore()).save('desktop', KEY);
    const stored = (await fakeBrowser.storage.local.get('vault:desktop'))['vault:desktop'] as { data: string };
    await fakeBrowser.storage.local.set({ 'vault:desktop': { ...stored, data: btoa('garbage-garbage-garbage') } });
    expect(await createKeyVault(fakeBrowser.storage.local, createIndexedDbKeyStore()).load('desktop')).toBeUndefined();
  });

  it('forgets a key', async () => {
    const vault = createKeyVault(fakeBrowser.storage.local, createIndexedDbKeyStore());
    await vault.save('desktop', KEY);
    await vault.forget('desktop');
    expect(await vault.load('desktop')).toBeUndefined();
  });
});

describe('restrictStorageToTrustedContexts', () => {
  it('restricts where the browser can (Chromium)', async () => {
    const calls: unknown[] = [];
    const area = { setAccessLevel: async (options: unknown) => void calls.push(options) };
    expect(await restrictStorageToTrustedContexts(area)).toBe(true);
    expect(calls).toEqual([{ accessLevel: 'TRUSTED_CONTEXTS' }]);
  });

  it('reports false where it cannot (Firefox) or where the call fails', async () => {
    expect(await restrictStorageToTrustedContexts({})).toBe(false);
    expect(await restrictStorageToTrustedContexts(undefined)).toBe(false);
    const failing = { setAccessLevel: async () => Promise.reject(new Error('no')) };
    expect(await restrictStorageToTrustedContexts(failing)).toBe(false);
  });
});
