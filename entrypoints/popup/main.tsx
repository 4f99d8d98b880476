import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/PopupApp';
import { createAuth } from '../../lib/anytype';
import { createPendingChallengeStore } from '../../lib/pairing/pending-challenge';
import type { PairingDeps } from '../../lib/pairing/controller';
import { createBackgroundClient } from '../../lib/protocol/client';
import { APP_NAME } from '../../lib/settings/defaults';
import './style.css';

const deps: PairingDeps = {
  background: createBackgroundClient((message) => browser.runtime.sendMessage(message)),
  makeAuth: (baseUrl) => createAuth({ baseUrl }),
  pending: createPendingChallengeStore(browser.storage.session),
  appName: APP_NAME,
};

render(<PopupApp deps={deps} />, document.getElementById('app')!);
