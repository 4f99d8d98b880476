import { render } from 'preact';
import { browser } from 'wxt/browser';
import { type PopupDeps, PopupApp } from '../../components/PopupApp';
import { createAuth } from '../../lib/anytype';
import { createPendingChallengeStore } from '../../lib/pairing/pending-challenge';
import { createBackgroundClient } from '../../lib/protocol/client';
import { early } from '../../lib/popup/early';
import { createListCacheStore } from '../../lib/popup/list-cache-store';
import { createClipPrefsStore } from '../../lib/settings/clip-prefs';
import { createClipSettingsStore } from '../../lib/settings/clip-settings';
import { APP_NAME } from '../../lib/settings/defaults';
import './style.css';

/**
 * The tab to clip and its address. The address decides which site rule fills the form; it is read
 * with the tab, so the form can start from the rule in its first render. The browser tells it for
 * a tab the extension may read (activeTab, or host access), which is also what clipping needs;
 * when it does not, the form matches the address the preview read instead (lib/popup/clip-form).
 */
function tabToClip(): { id: Promise<number | undefined>; url: Promise<string | undefined> } {
  // ?tabId=N: the popup opened in its own window (and the e2e tests) clip tab N.
  const requested = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(requested) && requested >= 0 && location.search.includes('tabId=')) {
    // Asked alongside, not before: the id is known at once and the first render must not wait.
    const url = browser.tabs.get(requested).then((tab) => tab.url, () => undefined);
    return { id: Promise.resolve(requested), url };
  }
  const active = browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => tab);
  return { id: active.then((tab) => tab?.id), url: active.then((tab) => tab?.url, () => undefined) };
}

const background = createBackgroundClient((message) => browser.runtime.sendMessage(message));
const prefs = createClipPrefsStore(browser.storage.local);
const cache = createListCacheStore(browser.storage.session);
const clipSettings = createClipSettingsStore(browser.storage.local);

// What the first form needs, asked for all at once as the script starts (each is a trip to the
// browser or the worker); Preact renders meanwhile. Finding the tab must not hold up the first render.
const localStatus = background.call('connection.status', { local: true });
const target = tabToClip();
const tab = early(target.id);
const start = { prefs: early(prefs.load()), lists: early(cache.load().catch(() => undefined)), tabId: tab };
// Unreadable settings mean no rules, never no form.
const rules = clipSettings.load().then((settings) => settings.siteRules, () => []);
const site = early(Promise.all([rules, target.url]).then(([siteRules, url]) => ({ rules: siteRules, url })));

const deps: PopupDeps = {
  pairing: {
    background,
    makeAuth: (baseUrl) => createAuth({ baseUrl }),
    pending: createPendingChallengeStore(browser.storage.session),
    appName: APP_NAME,
    localStatus,
  },
  clip: { background, prefs, cache, start, site },
  tabId: tab.promise,
  permissions: browser.permissions,
  openSettings: () => void browser.runtime.openOptionsPage(),
};

render(<PopupApp deps={deps} />, document.getElementById('app')!);
// Wake the queue: opening the popup is one of the moments a waiting clip is retried (after the
// reads above, so the background answers those first).
void background.call('queue.summary', {}).catch(() => undefined);
