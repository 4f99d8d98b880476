import { useEffect, useMemo, useState } from 'preact/hooks';
import { createPairingController, type PairingDeps, type PairingState } from '../lib/pairing/controller';
import { PairingPanel } from './pairing/PairingPanel';

export function PopupApp({ deps }: { deps: PairingDeps }) {
  const [state, setState] = useState<PairingState>({ step: 'loading', busy: false });
  const controller = useMemo(() => createPairingController(deps, setState), [deps]);
  useEffect(() => {
    void controller.init();
  }, [controller]);

  return (
    <main class="popup">
      <header>
        <h1>Clip to Anytype</h1>
      </header>
      <PairingPanel state={state} controller={controller} />
    </main>
  );
}
