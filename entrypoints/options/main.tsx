import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp, type OptionsDeps } from '../../components/options/OptionsApp';
import { createHostAccess } from '../../lib/options/host-access';
import { downloadText } from '../../lib/options/settings-transfer';
import { createBackgroundClient } from '../../lib/protocol/client';
import '../popup/style.css';
import './options.css';

const deps: OptionsDeps = {
  background: createBackgroundClient((message) => browser.runtime.sendMessage(message)),
  hostAccess: createHostAccess(browser.permissions),
  download: (name, text) => downloadText(document, name, text),
};

render(<OptionsApp deps={deps} />, document.getElementById('app')!);
