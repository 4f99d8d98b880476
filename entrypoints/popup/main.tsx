import { render } from 'preact';
import { browser } from 'wxt/browser';
import { type PopupDeps, PopupApp } from '../../components/PopupApp';
import { createAuth } from '../../lib/anytype';
import { createPendingChallengeStore } from '../../lib/pairing/pending-challenge';
import { createBackgroundClient } from '../../lib/protocol/client';
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
const deps: PopupDeps = {
  pairing: {
    background,
    makeAuth: (baseUrl) => createAuth({ baseUrl }),
    pending: createPendingChallengeStore(browser.storage.session),
    appName: APP_NAME,
  },
  clip: {
    background,
    prefs: createClipPrefsStore(browser.storage.local),
    cache: createListCacheStore(browser.storage.session),
  },
  tabId: await tabToClip(),
  permissions: browser.permissions,
  openSettings: () => void browser.runtime.openOptionsPage(),
};
// Wake the queue: opening the popup is one of the moments a waiting clip is retried.
void background.call('queue.summary', {}).catch(() => undefined);

render(<PopupApp deps={deps} />, document.getElementById('app')!);
