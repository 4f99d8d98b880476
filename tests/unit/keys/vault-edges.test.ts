import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { createIndexedDbKeyStore } from '../../../lib/keys/indexeddb-key-store';
import { type CryptoKeyStore, createKeyVault } from '../../../lib/keys/vault';

/**
 * The vault's edges (found by mutation testing): what a stored slot must look like to be read,
 * one connection's slot never touching another's, a wrapping key kept once and reused, and a
 * failure to reach it that is not remembered.
 */
const KEY = 'ak_live_0123456789abcdefSECRET';

beforeEach(() => {
  fakeBrowser.reset();
  indexedDB.deleteDatabase('clip-to-anytype-keys');
});

function countingStore(inner: CryptoKeyStore = createIndexedDbKeyStore()) {
  const calls = { load: 0, save: 0, failLoads: 0 };
  const store: CryptoKeyStore = {
    async load() {
      calls.load += 1;
      if (calls.failLoads > 0) {
        calls.failLoads -= 1;
        throw new Error('IndexedDB is unavailable');
      }
      return inner.load();
    },
    async save(key) {
      calls.save += 1;
      await inner.save(key);
    },
  };
  return { store, calls };
}

describe('key vault: what is read back', () => {
  // Each row changes one field of a good sealed slot; only the good one is a key.
  const rows: { what: string; change: (s: Record<string, unknown>) => unknown; reads: boolean }[] = [
    { what: 'the slot as written', change: (s) => s, reads: true },
    { what: 'another version', change: (s) => ({ ...s, v: 2 }), reads: false },
    { what: 'version as a string', change: (s) => ({ ...s, v: '1' }), reads: false },
    { what: 'no iv', change: ({ iv: _iv, ...rest }) => rest, reads: false },
    { what: 'iv not a string', change: (s) => ({ ...s, iv: 12 }), reads: false },
    { what: 'no data', change: ({ data: _data, ...rest }) => rest, reads: false },
    { what: 'data not a string', change: (s) => ({ ...s, data: ['x'] }), reads: false },
    { what: 'another iv', change: (s) => ({ ...s, iv: btoa('0123456789ab') }), reads: false },
    { what: 'the key in the clear', change: () => KEY, reads: false },
    { what: 'null', change: () => null, reads: false },
  ];
  for (const row of rows) {
    it(`${row.what}: ${row.reads ? 'the key' : 'no key'}`, async () => {
      const vault = createKeyVault(fakeBrowser.storage.local, createIndexedDbKeyStore());
      await vault.save('desktop', KEY);
      const slot = (await fakeBrowser.storage.local.get('vault:desktop'))['vault:desktop'] as Record<string, unknown>;
      await fakeBrowser.storage.local.set({ 'vault:desktop': row.change(slot) });
      expect(await vault.load('desktop')).toBe(row.reads ? KEY : undefined);
    });
  }

  it('keeps each connection in its own slot: saving or forgetting one leaves the other', async () => {
    const vault = createKeyVault(fakeBrowser.storage.local, createIndexedDbKeyStore());
    await vault.save('desktop', KEY);
    await vault.save('cli', `${KEY}-cli`);
    expect(await vault.load('desktop')).toBe(KEY);
    expect(await vault.load('cli')).toBe(`${KEY}-cli`);
    await vault.forget('cli');
    expect(await vault.load('desktop')).toBe(KEY);
    expect(await vault.load('cli')).toBeUndefined();
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual(['vault:desktop']);
  });

  it('encrypts each save with a fresh iv (the same key twice gives two ciphertexts)', async () => {
    const vault = createKeyVault(fakeBrowser.storage.local, createIndexedDbKeyStore());
    await vault.save('a', KEY);
    await vault.save('b', KEY);
    const all = await fakeBrowser.storage.local.get(null);
    const a = all['vault:a'] as { iv: string; data: string };
    const b = all['vault:b'] as { iv: string; data: string };
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
    expect(atob(a.iv)).toHaveLength(12);
  });
});

describe('key vault: the wrapping key', () => {
  it('is made once, saved once, and read from its store only once per worker', async () => {
    const { store, calls } = countingStore();
    const vault = createKeyVault(fakeBrowser.storage.local, store);
    await vault.save('desktop', KEY);
    await vault.save('cli', KEY);
    expect(await vault.load('desktop')).toBe(KEY);
    expect(calls).toMatchObject({ load: 1, save: 1 });
    // A new worker finds it and makes none.
    const again = countingStore();
    expect(await createKeyVault(fakeBrowser.storage.local, again.store).load('desktop')).toBe(KEY);
    expect(again.calls).toMatchObject({ load: 1, save: 0 });
  });

  it('a failure to reach it is not remembered: the next save tries again', async () => {
    const { store, calls } = countingStore();
    calls.failLoads = 1;
    const vault = createKeyVault(fakeBrowser.storage.local, store);
    await expect(vault.save('desktop', KEY)).rejects.toThrow('IndexedDB is unavailable');
    await vault.save('desktop', KEY);
    expect(await vault.load('desktop')).toBe(KEY);
    expect(calls.load).toBe(2);
  });

  it('a stored value that is not a CryptoKey is no wrapping key', async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('clip-to-anytype-keys', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('keys');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const put = db.transaction('keys', 'readwrite').objectStore('keys').put('not a key', 'vault-wrapping-key');
      put.onsuccess = () => resolve();
      put.onerror = () => reject(put.error);
    });
    db.close();
    expect(await createIndexedDbKeyStore().load()).toBeUndefined();
  });
});
