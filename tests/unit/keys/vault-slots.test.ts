import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { createIndexedDbKeyStore } from '../../../lib/keys/indexeddb-key-store';
import { type CryptoKeyStore, createKeyVault, type StorageAreaLike } from '../../../lib/keys/vault';

/**
 * A slot that is not a sealed key is no key, and reading it costs nothing: the wrapping key is
 * neither read nor made for it (a vault that made one on every read of an empty slot would write
 * to IndexedDB for each status check).
 */
const KEY = 'ak_live_0123456789abcdefSECRET';

beforeEach(() => {
  fakeBrowser.reset();
  indexedDB.deleteDatabase('clip-to-anytype-keys');
});

function watchedStore(): { store: CryptoKeyStore; touched: string[] } {
  const inner = createIndexedDbKeyStore();
  const touched: string[] = [];
  return {
    touched,
    store: {
      async load() {
        touched.push('load');
        return inner.load();
      },
      async save(key) {
        touched.push('save');
        await inner.save(key);
      },
    },
  };
}

describe('key vault: slots that are no sealed key', () => {
  const slots: [string, unknown][] = [
    ['nothing stored', undefined],
    ['null', null],
    ['zero', 0],
    ['an empty string', ''],
    ['the key in the clear', KEY],
    ['a number', 42],
    ['an array', []],
    ['an empty object', {}],
    ['version 2', { v: 2, iv: 'AAAA', data: 'AAAA' }],
    ['no iv', { v: 1, data: 'AAAA' }],
    ['iv not a string', { v: 1, iv: 7, data: 'AAAA' }],
    ['no data', { v: 1, iv: 'AAAA' }],
    ['data not a string', { v: 1, iv: 'AAAA', data: 7 }],
  ];
  for (const [what, value] of slots) {
    it(`${what}: no key, and the wrapping key is not touched`, async () => {
      // An area that gives back exactly what it holds (the fake browser drops a stored null).
      const area: StorageAreaLike = {
        get: async (key) => (key === 'vault:desktop' && value !== undefined ? { [key]: value } : {}),
        set: async () => {},
        remove: async () => {},
      };
      const { store, touched } = watchedStore();
      const vault = createKeyVault(area, store);
      expect(await vault.load('desktop')).toBeUndefined();
      expect(touched).toEqual([]);
    });
  }

  it('a sealed slot is read with the stored wrapping key, and none is made', async () => {
    await createKeyVault(fakeBrowser.storage.local, createIndexedDbKeyStore()).save('desktop', KEY);
    const { store, touched } = watchedStore();
    expect(await createKeyVault(fakeBrowser.storage.local, store).load('desktop')).toBe(KEY);
    expect(touched).toEqual(['load']);
  });
});

/** An IDBFactory whose database or request fails the way a full disk or a blocked profile does. */
function failingFactory(failAt: 'open' | 'request'): IDBFactory {
  const error = new DOMException('The disk is full', 'QuotaExceededError');
  function failingRequest(): IDBRequest {
    const request = {} as { onsuccess?: () => void; onerror?: () => void; error: DOMException; result: unknown };
    request.error = error;
    queueMicrotask(() => request.onerror?.());
    return request as unknown as IDBRequest;
  }
  const db = {
    transaction: () => ({ objectStore: () => ({ get: failingRequest, put: failingRequest }) }),
    close: () => {},
  };
  return {
    open: () => {
      if (failAt === 'open') return failingRequest() as IDBOpenDBRequest;
      const request = { result: db } as { onsuccess?: () => void; result: unknown };
      queueMicrotask(() => request.onsuccess?.());
      return request as unknown as IDBOpenDBRequest;
    },
  } as unknown as IDBFactory;
}

describe('IndexedDB key store: failures', () => {
  for (const failAt of ['open', 'request'] as const) {
    it(`rejects with the browser's error when the ${failAt} fails, instead of waiting for ever`, async () => {
      const store = createIndexedDbKeyStore(failingFactory(failAt));
      await expect(store.load()).rejects.toThrow('The disk is full');
      await expect(store.save({} as CryptoKey)).rejects.toThrow('The disk is full');
    });
  }
});
