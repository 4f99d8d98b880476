/**
 * Where the API key is kept, and nothing else.
 *
 * Firefox lets content scripts read `storage.local`, and Chromium only hides it once the
 * background has restricted the area, so the key is never written there in the clear: the
 * stored value is AES-GCM ciphertext under a non-extractable CryptoKey. That CryptoKey lives in
 * the extension origin's IndexedDB, which no page or content script can open, and cannot be
 * exported even by code running in the extension.
 */
export interface StorageAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface CryptoKeyStore {
  load(): Promise<CryptoKey | undefined>;
  save(key: CryptoKey): Promise<void>;
}

export interface KeyVault {
  save(connectionId: string, apiKey: string): Promise<void>;
  load(connectionId: string): Promise<string | undefined>;
  forget(connectionId: string): Promise<void>;
}

interface SealedKey {
  v: 1;
  iv: string;
  data: string;
}

const STORAGE_PREFIX = 'vault:';

export function createKeyVault(area: StorageAreaLike, cryptoKeys: CryptoKeyStore, subtle = crypto.subtle): KeyVault {
  let wrappingKey: Promise<CryptoKey> | undefined;

  function getWrappingKey(): Promise<CryptoKey> {
    wrappingKey ??= (async () => {
      const existing = await cryptoKeys.load();
      if (existing) return existing;
      const created = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      await cryptoKeys.save(created);
      return created;
    })().catch((error: unknown) => {
      wrappingKey = undefined;
      throw error;
    });
    return wrappingKey;
  }

  return {
    async save(connectionId, apiKey) {
      const key = await getWrappingKey();
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = await subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(apiKey));
      const sealed: SealedKey = { v: 1, iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
      await area.set({ [STORAGE_PREFIX + connectionId]: sealed });
    },

    async load(connectionId) {
      const slot = STORAGE_PREFIX + connectionId;
      const sealed = (await area.get(slot))[slot];
      if (!isSealedKey(sealed)) return undefined;
      try {
        const key = await getWrappingKey();
        const plain = await subtle.decrypt(
          { name: 'AES-GCM', iv: fromBase64(sealed.iv) },
          key,
          fromBase64(sealed.data),
        );
        return new TextDecoder().decode(plain);
      } catch {
        // The wrapping key is gone (profile data cleared) or the value was tampered with:
        // the key is unusable, and the person has to pair again.
        return undefined;
      }
    },

    async forget(connectionId) {
      await area.remove(STORAGE_PREFIX + connectionId);
    },
  };
}

function isSealedKey(value: unknown): value is SealedKey {
  if (!value || typeof value !== 'object') return false;
  const candidate = value as Partial<SealedKey>;
  return candidate.v === 1 && typeof candidate.iv === 'string' && typeof candidate.data === 'string';
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
