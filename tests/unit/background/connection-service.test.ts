import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AnytypeClient } from '../../../lib/anytype';
import { AnytypeError } from '../../../lib/anytype/errors';
import { createConnectionService } from '../../../lib/background/connection-service';
import { createIndexedDbKeyStore } from '../../../lib/keys/indexeddb-key-store';
import { createKeyVault } from '../../../lib/keys/vault';
import { defaultConnectionSettings } from '../../../lib/settings/connections';

const GOOD_KEY = 'good-key-0123456789';

function fakeClient(apiKey: string): AnytypeClient {
  return {
    serverVersion: '2025-11-08',
    spaces: {
      list: async () => {
        if (apiKey !== GOOD_KEY) throw new AnytypeError('unauthorized', { status: 401 });
        return [
          { id: 's1', name: 'One', isChat: false },
          { id: 's2', name: 'Two', isChat: false },
          { id: 'c', name: 'Chat', isChat: true },
        ];
      },
    },
  } as unknown as AnytypeClient;
}

function setup() {
  const made: string[] = [];
  const service = createConnectionService({
    loadSettings: async () => defaultConnectionSettings('http://127.0.0.1:31009'),
    vault: createKeyVault(fakeBrowser.storage.local, createIndexedDbKeyStore()),
    makeClient: ({ apiKey }) => {
      made.push(apiKey);
      return fakeClient(apiKey);
    },
  });
  return { service, made };
}

describe('connection service', () => {
  beforeEach(() => fakeBrowser.reset());

  it('verifies a key with one call before keeping it', async () => {
    const { service } = setup();
    await expect(service.saveKey('wrong-key-000000')).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(await service.status()).toEqual({ baseUrl: 'http://127.0.0.1:31009', paired: false });
    const status = await service.saveKey(GOOD_KEY);
    expect(status).toMatchObject({ paired: true, spaceCount: 2, serverVersion: '2025-11-08' });
  });

  it('finds the stored key again after the worker restarts', async () => {
    await setup().service.saveKey(GOOD_KEY);
    const restarted = setup();
    expect(await restarted.service.status()).toMatchObject({ paired: true, spaceCount: 2 });
    expect(restarted.made).toEqual([GOOD_KEY]);
  });

  it('forgets the key on disconnect and refuses client calls after', async () => {
    const { service } = setup();
    await service.saveKey(GOOD_KEY);
    await service.disconnect();
    expect(await service.status()).toMatchObject({ paired: false });
    await expect(service.client()).rejects.toMatchObject({ code: 'not_paired' });
    expect(service.secrets()).toEqual([]);
  });
});
