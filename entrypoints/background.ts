import { browser } from 'wxt/browser';
import { createClient } from '../lib/anytype';
import { createConnectionService } from '../lib/background/connection-service';
import { createHandlers } from '../lib/background/handlers';
import { createIndexedDbKeyStore } from '../lib/keys/indexeddb-key-store';
import { restrictStorageToTrustedContexts } from '../lib/keys/restrict-storage';
import { createKeyVault } from '../lib/keys/vault';
import { type DynamicRulesApi, installOriginRules } from '../lib/network/install-origin-rules';
import { createRedactor } from '../lib/protocol/redact';
import { createRouter } from '../lib/protocol/router';
import { DESKTOP_URL } from '../lib/settings/defaults';
import { createSettingsStore } from '../lib/settings/store';

export default defineBackground(() => {
  const extensionBaseUrl = browser.runtime.getURL('/');
  const chromeStorage = (globalThis as { chrome?: { storage?: { local?: unknown } } }).chrome?.storage?.local;
  void restrictStorageToTrustedContexts(chromeStorage);

  const settings = createSettingsStore(browser.storage.local, DESKTOP_URL);
  const connections = createConnectionService({
    loadSettings: () => settings.loadConnections(),
    vault: createKeyVault(browser.storage.local, createIndexedDbKeyStore()),
    makeClient: ({ apiKey, baseUrl }) => createClient({ apiKey, baseUrl }),
  });
  const redact = createRedactor(() => connections.secrets());

  const router = createRouter({
    self: { id: browser.runtime.id, baseUrl: extensionBaseUrl },
    handlers: createHandlers({ connections }),
    redact,
    log: (line) => console.warn(`[clip-to-anytype] ${redact(line)}`),
  });
  browser.runtime.onMessage.addListener((message, sender) => router(message, sender));

  const syncOriginRules = async () => {
    const { connections: endpoints } = await settings.loadConnections();
    const dnr = browser.declarativeNetRequest as unknown as DynamicRulesApi;
    await installOriginRules(dnr, endpoints.map((endpoint) => endpoint.baseUrl), extensionBaseUrl);
  };
  void syncOriginRules().catch((error: unknown) => console.warn('[clip-to-anytype] origin rule', redact(String(error))));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings:connections' in changes) void syncOriginRules();
  });
});
