import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp, type OptionsDeps } from '../../components/options/OptionsApp';
import { createHostAccess } from '../../lib/pairing/host-access';
import { downloadText } from '../../lib/options/settings-transfer';
import { createPopupSnapshot, pageStorage, forgettingSnapshot } from '../../lib/popup/snapshot';
import { createBackgroundClient } from '../../lib/protocol/client';
import '../popup/style.css';
import './options.css';

const deps: OptionsDeps = {
  // What is changed here (rules, the key) would make the popup draw something else.
  background: forgettingSnapshot(
    createBackgroundClient((message) => browser.runtime.sendMessage(message)),
    createPopupSnapshot(pageStorage()),
  ),
  hostAccess: createHostAccess(browser.permissions),
  download: (name, text) => downloadText(document, name, text),
};

render(<OptionsApp deps={deps} />, document.getElementById('app')!);
