import { i18n } from '#i18n';
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { createPairingController, type PairingDeps, type PairingState } from '../lib/pairing/controller';
import type { PermissionsApi } from '../lib/pairing/host-access';
import { AccessGate } from './AccessGate';
import { useDocumentLang } from './document-lang';
import type { ClipFormDeps } from '../lib/popup/clip-form';
import { canClipWith, inPopupWords, reachOf } from '../lib/popup/connection-view';
import type { QueueChanges } from '../lib/popup/queue-changes';
import type { MessageOutput } from '../lib/protocol/messages';
import { keepConnection, type PopupSnapshotStore } from '../lib/popup/snapshot';
import { ClipPanel } from './clip/ClipPanel';
import { PairingPanel } from './pairing/PairingPanel';
import { QueueLine } from './queue/QueueLine';
import { QueueStatus } from './queue/QueueStatus';
import { type PopupQueueDeps, PopupQueueList } from './queue/PopupQueueList';
import type { DestinationNames } from '../lib/queue-list/view-model';

export interface PopupDeps {
  pairing: PairingDeps;
  /** Absent in contexts with nothing to clip (e.g. unit tests of pairing alone). */
  clip?: ClipFormDeps;
  /** The tab to clip: `?tabId=N`, or the active tab (a promise: finding it must not hold up the first render). */
  tabId?: number | Promise<number | undefined>;
  permissions?: PermissionsApi;
  openSettings?: () => void;
  /** Opens the full queue list (the options page's queue section). */
  openQueue?: () => void;
  /** The worker's word on each queue change, for the queue line (lib/popup/queue-changes). */
  queueChanges?: QueueChanges;
  /** Names a failed clip's space or collection that is gone (lib/popup/failed-view). */
  explainFailed?: (failed: MessageOutput<'queue.failed'>) => Promise<MessageOutput<'queue.failed'>>;
  /** The clipboard, timers and destination names of the popup's queue list; absent: no list. */
  queueList?: { deps: Omit<PopupQueueDeps, 'background'>; names: DestinationNames };
  /** Where the connection the popup reached is kept for the next popup to draw from. */
  snapshot?: PopupSnapshotStore;
}

export function PopupApp({ deps }: { deps: PopupDeps }) {
  useDocumentLang();
  const [changed, setState] = useState<PairingState | undefined>();
  const controller = useMemo(() => createPairingController(deps.pairing, setState), [deps]);
  const state = changed ?? controller.state;
  useEffect(() => {
    if (deps.snapshot) keepConnection(deps.snapshot, state);
  }, [deps.snapshot, state.step, state.status]);
  // A layout effect runs before the first paint; Preact runs a plain effect a frame later.
  useLayoutEffect(() => {
    void controller.init();
    return () => controller.dispose();
  }, [controller]);
  // Anytype not running (or busy) still clips: from the lists seen last time, into the queue.
  const canClip = canClipWith(state) && deps.clip;
  const shown = inPopupWords(state);
  // One object for the popup's life: a new one each render would make a new list controller.
  const queueDeps = useMemo(
    () => deps.queueList && { ...deps.queueList.deps, background: deps.pairing.background },
    [deps.queueList, deps.pairing.background],
  );

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{i18n.t('app.name')}</h1>
        {deps.openSettings && (
          <button type="button" class="link-button" onClick={deps.openSettings}>
            {i18n.t('app.settings')}
          </button>
        )}
      </header>
      <QueueLine background={deps.pairing.background} changes={deps.queueChanges} openList={deps.openQueue} />
      {queueDeps && deps.queueList && (
        <PopupQueueList deps={queueDeps} names={deps.queueList.names} changes={deps.queueChanges} explain={deps.explainFailed} />
      )}
      <AccessGate permissions={deps.permissions} baseUrl={state.status?.baseUrl}>
        {state.step === 'connected' && (
          <QueueStatus background={deps.pairing.background} changes={deps.queueChanges} reach={reachOf(state)} />
        )}
        {canClip && deps.clip && (
          <ClipPanel deps={deps.clip} tabId={deps.tabId} onPair={() => void controller.connect()} onSettings={deps.openSettings} />
        )}
        <PairingPanel state={shown} controller={controller} onSettings={deps.openSettings} />
      </AccessGate>
    </main>
  );
}
