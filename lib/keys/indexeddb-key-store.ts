/**
 * Keeps the vault's wrapping CryptoKey in the extension origin's IndexedDB. IndexedDB stores a
 * CryptoKey by structured clone, so a non-extractable key stays non-extractable at rest.
 */
import type { CryptoKeyStore } from './vault';

const DB_NAME = 'clip-to-anytype-keys';
const STORE = 'keys';
const RECORD = 'vault-wrapping-key';

export function createIndexedDbKeyStore(factory: IDBFactory = indexedDB): CryptoKeyStore {
  function open(): Promise<IDBDatabase> {
    return new Promise((resolve, reject) => {
      const request = factory.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  async function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest): Promise<T> {
    const db = await open();
    try {
      return await new Promise<T>((resolve, reject) => {
        const request = action(db.transaction(STORE, mode).objectStore(STORE));
        request.onsuccess = () => resolve(request.result as T);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }

  return {
    async load() {
      const value = await run<unknown>('readonly', (store) => store.get(RECORD));
      return value instanceof CryptoKey ? value : undefined;
    },
    async save(key) {
      await run('readwrite', (store) => store.put(key, RECORD));
    },
  };
}
