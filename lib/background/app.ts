/**
 * Composes the background: key vault, connection, queue, clip service and the router, on top of
 * the browser APIs it is handed. The entrypoint only passes `browser` in.
 */
import type { browser as wxtBrowser } from 'wxt/browser';
import { createClient } from '../anytype';
import { createIndexedDbKeyStore } from '../keys/indexeddb-key-store';
import { restrictStorageToTrustedContexts } from '../keys/restrict-storage';
import { createKeyVault } from '../keys/vault';
import { type DynamicRulesApi, installOriginRules } from '../network/install-origin-rules';
import { createRedactor } from '../protocol/redact';
import { createRouter } from '../protocol/router';
import { type ClipQueue, createAnytypeDelivery, createClipQueue } from '../queue';
import { DESKTOP_URL } from '../settings/defaults';
import { createSettingsStore } from '../settings/store';
import { badgeFor } from './badge';
import { createClipService } from './clip-service';
import { createConnectionService } from './connection-service';
import { createHandlers } from './handlers';
import { createScriptingCapturer, type ScriptingApi } from './scripting-capturer';

type Browser = typeof wxtBrowser;

export const QUEUE_ALARM = 'clip-queue';
const QUEUE_SLOT = 'queue:state';

export function startBackground(browser: Browser, options: { chromeStorageLocal?: unknown } = {}) {
  const extensionBaseUrl = browser.runtime.getURL('/');
  void restrictStorageToTrustedContexts(options.chromeStorageLocal);

  const settings = createSettingsStore(browser.storage.local, DESKTOP_URL);
  let queue: ClipQueue | undefined;
  const connections = createConnectionService({
    loadSettings: () => settings.loadConnections(),
    vault: createKeyVault(browser.storage.local, createIndexedDbKeyStore()),
    makeClient: ({ apiKey, baseUrl }) => createClient({ apiKey, baseUrl }),
    onKeyChanged: (paired) => {
      if (paired) void queue?.resume().then(() => queue?.process());
    },
  });
  const redact = createRedactor(() => connections.secrets());
  const log = (line: string) => console.warn(`[clip-to-anytype] ${redact(line)}`);

  queue = createClipQueue({
    store: {
      load: async () => (await browser.storage.local.get(QUEUE_SLOT))[QUEUE_SLOT],
      save: (state) => browser.storage.local.set({ [QUEUE_SLOT]: state }),
    },
    delivery: createAnytypeDelivery({ client: () => connections.client() }),
    now: Date.now,
    random: Math.random,
    wakeAt: (when) => {
      if (when === null) void browser.alarms.clear(QUEUE_ALARM);
      else void browser.alarms.create(QUEUE_ALARM, { when: Math.max(when, Date.now() + 1000) });
    },
    onChange: (summary) => {
      const badge = badgeFor(summary);
      void browser.action.setBadgeText({ text: badge.text });
      void browser.action.setBadgeBackgroundColor({ color: badge.color });
      void browser.action.setTitle({ title: badge.title });
    },
  });
  const activeQueue = queue;

  const clips = createClipService({
    connections,
    queue: activeQueue,
    capturer: createScriptingCapturer(browser.scripting as unknown as ScriptingApi),
    tabs: {
      async get(tabId) {
        const tab = await browser.tabs.get(tabId);
        return { id: tabId, url: tab.url ?? '', title: tab.title ?? '' };
      },
    },
  });

  const router = createRouter({
    self: { id: browser.runtime.id, baseUrl: extensionBaseUrl },
    handlers: createHandlers({ connections, queue: activeQueue, clips }),
    redact,
    log,
  });
  browser.runtime.onMessage.addListener((message, sender) => router(message, sender));

  // The worker can die at any point: whatever was in flight is reconciled, then delivery resumes.
  const resumeQueue = () => void activeQueue.recover().then(() => activeQueue.process()).catch((e) => log(String(e)));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === QUEUE_ALARM) void activeQueue.process().catch((e) => log(String(e)));
  });
  browser.runtime.onStartup.addListener(resumeQueue);
  resumeQueue();

  const syncOriginRules = async () => {
    const { connections: endpoints } = await settings.loadConnections();
    const dnr = browser.declarativeNetRequest as unknown as DynamicRulesApi;
    await installOriginRules(dnr, endpoints.map((endpoint) => endpoint.baseUrl), extensionBaseUrl);
  };
  void syncOriginRules().catch((error: unknown) => log(`origin rule: ${String(error)}`));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings:connections' in changes) void syncOriginRules();
  });

  return { router, queue: activeQueue, connections };
}
