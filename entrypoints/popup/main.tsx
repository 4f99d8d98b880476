import './script-start';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { type PopupDeps, PopupApp } from '../../components/PopupApp';
import { createAuth } from '../../lib/anytype';
import { createPendingChallengeStore } from '../../lib/pairing/pending-challenge';
import { createBackgroundClient } from '../../lib/protocol/client';
import { early, known } from '../../lib/popup/early';
import { explainFailed } from '../../lib/popup/failed-view';
import { pageHasSelection, type SelectionScripting } from '../../lib/popup/page-selection';
import { queueChangesFrom, type RuntimeEvents } from '../../lib/popup/queue-changes';
import { createPopupSnapshot, pageStorage, snapshotListCache, snapshotPrefs } from '../../lib/popup/snapshot';
import { createClipPrefsStore } from '../../lib/settings/clip-prefs';
import { createClipSettingsStore } from '../../lib/settings/clip-settings';
import { namesFrom } from '../../lib/queue-list/view-model';
import { APP_NAME } from '../../lib/settings/defaults';
import css from './style.css?inline';

/**
 * The tab to clip and its address. The address decides which site rule fills the form; it is read
 * with the tab, so the form can start from the rule in its first render. The browser tells it for
 * a tab the extension may read (activeTab, or host access), which is also what clipping needs;
 * when it does not, the form matches the address the preview read instead (lib/popup/clip-form).
 */
function tabToClip(): { id: number | Promise<number | undefined>; url: Promise<string | undefined> } {
  // ?tabId=N: the popup opened in its own window (and the e2e tests) clip tab N.
  const requested = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(requested) && requested >= 0 && location.search.includes('tabId=')) {
    // Asked alongside, not before: the id is known at once and the first render must not wait.
    const url = browser.tabs.get(requested).then((tab) => tab.url, () => undefined);
    return { id: requested, url };
  }
  const active = browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => tab);
  return { id: active.then((tab) => tab?.id), url: active.then((tab) => tab?.url, () => undefined) };
}

// The stylesheet travels inside the script: each extension file is one more trip through the
// browser before the popup can draw (measured: ~15 ms for a second file here).
document.head.append(Object.assign(document.createElement('style'), { textContent: css }));

const background = createBackgroundClient((message) => browser.runtime.sendMessage(message));
const snapshot = createPopupSnapshot(pageStorage());
const last = snapshot.read();
const prefs = snapshotPrefs(createClipPrefsStore(browser.storage.local), snapshot);
const cache = snapshotListCache(snapshot);
const clipSettings = createClipSettingsStore(browser.storage.local);

// What the first form needs, asked for all at once as the script starts (each is a trip to the
// browser or the worker); Preact renders meanwhile. Finding the tab must not hold up the first render.
const localStatus = background.call('connection.status', { local: true });
const target = tabToClip();
const tab = typeof target.id === 'number' ? known(target.id) : early(target.id);
// Last popup's choices and lists draw the form at once; the reads above correct it if needed.
const guess = last.prefs && last.siteRules !== undefined ? { prefs: last.prefs, siteRules: last.siteRules } : undefined;
const start = { prefs: early(prefs.load()), lists: known(last.lists), tabId: tab, guess };
// Unreadable settings mean no rules, never no form.
const rules = clipSettings.load().then((settings) => settings.siteRules, () => []);
void rules.then((siteRules) => snapshot.put({ siteRules: siteRules.length > 0 }));
const site = early(Promise.all([rules, target.url]).then(([siteRules, url]) => ({ rules: siteRules, url })));
const selection = early(tab.promise.then((id) => pageHasSelection(browser.scripting as unknown as SelectionScripting, id)));

const deps: PopupDeps = {
  pairing: {
    background,
    makeAuth: (baseUrl) => createAuth({ baseUrl }),
    pending: createPendingChallengeStore(browser.storage.session),
    appName: APP_NAME,
    localStatus,
    lastStatus: last.status,
  },
  clip: { background, prefs, cache, start, site, selection },
  tabId: tab.promise,
  permissions: browser.permissions,
  openSettings: () => void browser.runtime.openOptionsPage(),
  openQueue: () => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#queue') }),
  queueChanges: queueChangesFrom(browser.runtime as unknown as RuntimeEvents),
  explainFailed: (failed) =>
    explainFailed(failed, snapshot.read().lists, {
      spaces: () => background.call('spaces.list', {}),
      collections: (spaceId) => background.call('collections.list', { spaceId }),
    }),
  queueList: {
    deps: {
      copyText: (text) => navigator.clipboard.writeText(text),
      timers: { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle as number) },
    },
    names: namesFrom(last.lists as Parameters<typeof namesFrom>[0]),
  },
  snapshot,
};

render(<PopupApp deps={deps} />, document.getElementById('app')!);
// Wake the queue: opening the popup is one of the moments a waiting clip is retried (after the
// reads above, so the background answers those first).
void background.call('queue.summary', {}).catch(() => undefined);
