import { render } from 'preact';
import { browser } from 'wxt/browser';
import { type PopupDeps, PopupApp } from '../../components/PopupApp';
import { createAuth } from '../../lib/anytype';
import { createPendingChallengeStore } from '../../lib/pairing/pending-challenge';
import { createBackgroundClient } from '../../lib/protocol/client';
import { early } from '../../lib/popup/early';
import { createListCacheStore } from '../../lib/popup/list-cache-store';
import { createClipPrefsStore } from '../../lib/settings/clip-prefs';
import { APP_NAME } from '../../lib/settings/defaults';
import './style.css';

async function tabToClip(): Promise<number | undefined> {
  // ?tabId=N: the popup opened in its own window (and the e2e tests) clip tab N.
  const requested = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(requested) && requested >= 0 && location.search.includes('tabId=')) return requested;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

const background = createBackgroundClient((message) => browser.runtime.sendMessage(message));
const prefs = createClipPrefsStore(browser.storage.local);
const cache = createListCacheStore(browser.storage.session);

// What the first form needs, asked for all at once as the script starts (each is a trip to the
// browser or the worker); Preact renders meanwhile. Finding the tab must not hold up the first render.
const localStatus = background.call('connection.status', { local: true });
const tab = early(tabToClip());
const start = { prefs: early(prefs.load()), lists: early(cache.load().catch(() => undefined)), tabId: tab };

const deps: PopupDeps = {
  pairing: {
    background,
    makeAuth: (baseUrl) => createAuth({ baseUrl }),
    pending: createPendingChallengeStore(browser.storage.session),
    appName: APP_NAME,
    localStatus,
  },
  clip: { background, prefs, cache, start },
  tabId: tab.promise,
  permissions: browser.permissions,
  openSettings: () => void browser.runtime.openOptionsPage(),
};

render(<PopupApp deps={deps} />, document.getElementById('app')!);
// Wake the queue: opening the popup is one of the moments a waiting clip is retried (after the
// reads above, so the background answers those first).
void background.call('queue.summary', {}).catch(() => undefined);
