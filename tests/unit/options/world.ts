/**
 * A background made of the real pieces (router, options handlers, connection service, vault,
 * settings stores over fakeBrowser storage) and a fake Anytype per port, for the options tests.
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AnytypeClient } from '../../../lib/anytype';
import { AnytypeError } from '../../../lib/anytype/errors';
import { createConnectionService } from '../../../lib/background/connection-service';
import { createOptionsHandlers } from '../../../lib/background/options-handlers';
import { createIndexedDbKeyStore } from '../../../lib/keys/indexeddb-key-store';
import { createKeyVault } from '../../../lib/keys/vault';
import { createBackgroundClient } from '../../../lib/protocol/client';
import { createRouter, type Handlers } from '../../../lib/protocol/router';
import { createClipSettingsStore } from '../../../lib/settings/clip-settings';
import { createSettingsStore } from '../../../lib/settings/store';

export const DESKTOP = 'http://127.0.0.1:31009';
export const CLI = 'http://127.0.0.1:31012';
export const SELF = { id: 'ext', baseUrl: 'chrome-extension://ext/' };
export const OPTIONS_PAGE = { id: 'ext', url: 'chrome-extension://ext/options.html' };
export const CONTENT_SCRIPT = { id: 'ext', url: 'https://example.com/a', tab: { id: 3 }, frameId: 0 };

export interface FakeAnytype {
  /** The key this Anytype accepts. */
  key: string;
  running: boolean;
  spaces: { id: string; name: string; isChat: boolean }[];
}

export function createOptionsWorld() {
  fakeBrowser.reset();
  const anytypes = new Map<string, FakeAnytype>([
    [DESKTOP, { key: 'desktop-key-0001', running: true, spaces: [{ id: 'space1', name: 'Research', isChat: false }] }],
    [
      CLI,
      {
        key: 'cli-key-00000001',
        running: true,
        spaces: [
          { id: 'space1', name: 'Research', isChat: false },
          { id: 'space2', name: 'Reading', isChat: false },
          { id: 'space3', name: 'Inbox', isChat: false },
          { id: 'chat', name: 'Chat', isChat: true },
        ],
      },
    ],
  ]);
  const calls: { baseUrl: string; apiKey: string }[] = [];
  const activeChanges: number[] = [];

  function makeClient({ apiKey, baseUrl }: { apiKey: string; baseUrl: string }): AnytypeClient {
    const check = () => {
      calls.push({ baseUrl, apiKey });
      const anytype = anytypes.get(baseUrl);
      if (!anytype?.running) throw new AnytypeError('offline');
      if (anytype.key !== apiKey) throw new AnytypeError('unauthorized', { status: 401 });
      return anytype;
    };
    return {
      serverVersion: '2025-11-08',
      spaces: { list: async () => check().spaces },
      types: {
        list: async () => {
          check();
          return [
            { id: 't1', key: 'page', name: 'Page' },
            { id: 't2', key: 'bookmark', name: 'Bookmark' },
          ];
        },
      },
      search: {
        inSpace: async () => {
          check();
          return { data: [{ id: 'coll1', name: 'Reading list' }] };
        },
      },
    } as unknown as AnytypeClient;
  }

  const settings = createSettingsStore(fakeBrowser.storage.local, DESKTOP);
  const vault = createKeyVault(fakeBrowser.storage.local, createIndexedDbKeyStore());
  const connections = createConnectionService({ loadSettings: () => settings.loadConnections(), vault, makeClient });
  const clipSettings = createClipSettingsStore(fakeBrowser.storage.local);
  const options = createOptionsHandlers({
    connections,
    settings,
    clipSettings,
    onActiveChanged: () => activeChanges.push(Date.now()),
  });
  const handlers = {
    ...options,
    'spaces.list': async () =>
      (await (await connections.client()).spaces.list()).filter((s) => !s.isChat).map((s) => ({ id: s.id, name: s.name })),
    'types.list': async ({ spaceId }: { spaceId: string }) => (await connections.client()).types.list(spaceId),
    'collections.list': async ({ spaceId }: { spaceId: string }) =>
      (await (await connections.client()).search.inSpace(spaceId, {})).data.map((c) => ({ id: c.id, name: c.name ?? '' })),
  } as unknown as Handlers;
  const router = createRouter({ self: SELF, handlers });
  const background = createBackgroundClient((message) => router(message, OPTIONS_PAGE));
  return { anytypes, calls, activeChanges, settings, vault, connections, clipSettings, router, background };
}
