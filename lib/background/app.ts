/**
 * Composes the background: key vault, connection, queue, clip service and the router, on top of
 * the browser APIs it is handed. The entrypoint only passes `browser` in.
 */
import { detectFeatures } from '../anytype/features';
import { i18n } from '#i18n';
import type { browser as wxtBrowser } from 'wxt/browser';
import { createClient } from '../anytype';
import { createIndexedDbKeyStore } from '../keys/indexeddb-key-store';
import { restrictStorageToTrustedContexts } from '../keys/restrict-storage';
import { createKeyVault } from '../keys/vault';
import { type DynamicRulesApi, installOriginRules } from '../network/install-origin-rules';
import { createRedactor } from '../protocol/redact';
import { createRouter } from '../protocol/router';
import { type ClipQueue, createAnytypeDelivery, createClipQueue, createSpaceProperties, createSplitStore } from '../queue';
import { DESKTOP_URL } from '../settings/defaults';
import { createSettingsStore } from '../settings/store';
import { createClipSettingsStore } from '../settings/clip-settings';
import { type QueueDisplayApi, showQueue } from './badge';
import { createClipService } from './clip-service';
import { createConnectionService } from './connection-service';
import { createHandlers } from './handlers';
import { MENU_ITEMS, modeForMenuClick, QUICK_CLIP_COMMAND } from './context-menus';
import { createQuickClip } from './quick-clip';
import { createQuickTargetResolver } from './quick-target';
import { createQueueWaker, QUEUE_ALARM } from './queue-alarm';
import type { ClipMode } from '../capture/schema';
import { createScriptingCapturer, type ScriptingApi } from './scripting-capturer';
import { createClipAmender } from './clip-amend';
import { createPanelGrants } from './panel-grants';
import { createPanelInjector } from './panel-injector';
import { createRecentClips } from './recent-clips';
import { createAfterQuickSave } from './saved-panel';
import { rememberSettings } from './remembered-settings';
import { createClipPrefsStore } from '../settings/clip-prefs';
import { probeAnytype } from '../anytype/probe';
import { createWelcomeProbe, openWelcomeOnInstall, WELCOME_PAGE } from './welcome';

type Browser = typeof wxtBrowser;

export function startBackground(browser: Browser, options: { chromeStorageLocal?: unknown } = {}) {
  const extensionBaseUrl = browser.runtime.getURL('/');
  void restrictStorageToTrustedContexts(options.chromeStorageLocal);

  const settings = rememberSettings(createSettingsStore(browser.storage.local, DESKTOP_URL));
  let queue: ClipQueue | undefined;
  const connections = createConnectionService({
    loadSettings: () => settings.loadConnections(),
    saveSettings: (next) => settings.saveConnections(next),
    vault: createKeyVault(browser.storage.local, createIndexedDbKeyStore()),
    makeClient: ({ apiKey, baseUrl }) => createClient({ apiKey, baseUrl }),
    detectFeatures: (baseUrl) => detectFeatures(baseUrl),
    onKeyChanged: (paired) => {
      if (paired) void queue?.resume().then(() => queue?.process());
    },
  });
  const redact = createRedactor(() => connections.secrets());
  const log = (line: string) => console.warn(`[clip-to-anytype] ${redact(line)}`);

  const properties = createSpaceProperties();
  queue = createClipQueue({
    store: createSplitStore(browser.storage.local),
    delivery: createAnytypeDelivery({ client: () => connections.client(), properties }),
    now: Date.now,
    random: Math.random,
    wakeAt: createQueueWaker(browser.alarms),
    onChange: (summary) => showQueue(browser as unknown as QueueDisplayApi, summary),
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

  const prefs = createClipPrefsStore(browser.storage.local);
  const clipSettings = createClipSettingsStore(browser.storage.local);
  const recentClips = createRecentClips(browser.storage.session);
  const panelGrants = createPanelGrants(browser.storage.session);
  const showPanel = createPanelInjector(browser.scripting as unknown as ScriptingApi, panelGrants);
  const quickClip = createQuickClip({
    clipTab: (tabId, request) => clips.clipTab(tabId, request),
    resolveTarget: createQuickTargetResolver({
      clipSettings: () => clipSettings.load(),
      prefs: () => prefs.load(),
      spaces: async () => (await connections.client()).spaces.list(),
    }),
    afterSave: createAfterQuickSave({ recent: recentClips, show: showPanel }),
    notify: ({ title, message }) =>
      void browser.notifications
        .create({ type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message })
        .catch(() => undefined),
  });

  if (import.meta.env.WXT_E2E === '1') {
    // Test builds only: e2e tests cannot click a real context menu, so they call what it calls.
    (globalThis as Record<string, unknown>).__clipToAnytypeTest = {
      quickClip: async (tabId: number, mode: ClipMode, targetUrl?: string) =>
        quickClip.run(await browser.tabs.get(tabId), mode, targetUrl),
    };
  }

  browser.contextMenus.onClicked.addListener((info, tab) => {
    const choice = modeForMenuClick(info);
    if (choice) void quickClip.run(tab, choice.mode, choice.targetUrl);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === QUICK_CLIP_COMMAND) void quickClip.run(tab, 'article');
  });
  void browser.contextMenus.removeAll().then(() => {
    for (const item of MENU_ITEMS) {
      browser.contextMenus.create({ id: item.id, title: i18n.t(item.titleKey), contexts: [...item.contexts] });
    }
  });

  const syncOriginRules = async () => {
    const { connections: endpoints } = await settings.loadConnections();
    const dnr = browser.declarativeNetRequest as unknown as DynamicRulesApi;
    await installOriginRules(dnr, endpoints.map((endpoint) => endpoint.baseUrl), extensionBaseUrl);
  };
  const originRulesReady = syncOriginRules().catch((error: unknown) => log(`origin rule: ${String(error)}`));

  // Registered at once: the worker may have been started for this very event.
  browser.runtime.onInstalled.addListener((details) => {
    void openWelcomeOnInstall(details, browser.tabs, browser.runtime.getURL(WELCOME_PAGE));
  });

  const router = createRouter({
    self: { id: browser.runtime.id, baseUrl: extensionBaseUrl },
    handlers: createHandlers({
      connections,
      queue: activeQueue,
      clips,
      properties,
      probe: createWelcomeProbe({
        localStatus: () => connections.localStatus(),
        probe: (baseUrl) => probeAnytype(baseUrl),
        ready: originRulesReady,
      }),
      amend: createClipAmender({ client: () => connections.client(), recent: recentClips }),
      options: {
        connections,
        settings,
        clipSettings,
        // Clips waiting for the old connection now go to the new one, if it has a key.
        onActiveChanged: () => void activeQueue.resume().then(() => activeQueue.process()).catch((e) => log(String(e))),
      },
    }),
    admitPanel: (tabId, capability) => panelGrants.admit(tabId, capability),
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

  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings:connections' in changes) {
      settings.forget();
      void syncOriginRules();
    }
  });

  return { router, queue: activeQueue, connections };
}

