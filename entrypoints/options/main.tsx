import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp, type OptionsDeps } from '../../components/options/OptionsApp';
import { createHostAccess } from '../../lib/pairing/host-access';
import { downloadText } from '../../lib/options/settings-transfer';
import { createPopupSnapshot, pageStorage, forgettingSnapshot } from '../../lib/popup/snapshot';
import { createBackgroundClient } from '../../lib/protocol/client';
import { queueChangesFrom, type RuntimeEvents } from '../../lib/popup/queue-changes';
import { namesFrom } from '../../lib/queue-list/view-model';
import '../popup/style.css';
import './options.css';

const snapshot = createPopupSnapshot(pageStorage());
const deps: OptionsDeps = {
  // What is changed here (rules, the key) would make the popup draw something else.
  background: forgettingSnapshot(
    createBackgroundClient((message) => browser.runtime.sendMessage(message)),
    snapshot,
  ),
  hostAccess: createHostAccess(browser.permissions),
  download: (name, text) => downloadText(document, name, text),
  queue: {
    deps: {
      copyText: (text) => navigator.clipboard.writeText(text),
      timers: { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle as number) },
    },
    // The names the popup saw last (the same extension origin's storage): a space Anytype no longer has keeps its name.
    names: namesFrom(snapshot.read().lists as Parameters<typeof namesFrom>[0]),
    changes: queueChangesFrom(browser.runtime as unknown as RuntimeEvents),
  },
};

render(<OptionsApp deps={deps} />, document.getElementById('app')!);
