import { useEffect, useMemo, useState } from 'preact/hooks';
import { createPairingController, type PairingDeps, type PairingState } from '../lib/pairing/controller';
import type { PermissionsApi } from '../lib/pairing/host-access';
import { AccessGate } from './AccessGate';
import type { ClipFormDeps } from '../lib/popup/clip-form';
import { ClipPanel } from './clip/ClipPanel';
import { PairingPanel } from './pairing/PairingPanel';

export interface PopupDeps {
  pairing: PairingDeps;
  /** Absent in contexts with nothing to clip (e.g. unit tests of pairing alone). */
  clip?: ClipFormDeps;
  /** The tab to clip: `?tabId=N`, or the active tab. */
  tabId?: number;
  permissions?: PermissionsApi;
}

export function PopupApp({ deps }: { deps: PopupDeps }) {
  const [state, setState] = useState<PairingState>({ step: 'loading', busy: false });
  const controller = useMemo(() => createPairingController(deps.pairing, setState), [deps]);
  useEffect(() => {
    void controller.init();
  }, [controller]);
  const canClip = state.step === 'connected' && !state.status?.problem && deps.clip;

  return (
    <main class="popup">
      <header>
        <h1>Clip to Anytype</h1>
      </header>
      <AccessGate permissions={deps.permissions} baseUrl={state.status?.baseUrl}>
        {canClip && deps.clip && <ClipPanel deps={deps.clip} tabId={deps.tabId} />}
        <PairingPanel state={state} controller={controller} />
      </AccessGate>
    </main>
  );
}
