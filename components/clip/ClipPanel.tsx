import { useEffect, useMemo, useState } from 'preact/hooks';
import { type ClipFormDeps, type ClipFormState, createClipFormController } from '../../lib/popup/clip-form';
import { ClipForm, type ClipFormExits } from './ClipForm';

interface ClipPanelProps extends ClipFormExits {
  deps: ClipFormDeps;
  tabId: number | undefined | Promise<number | undefined>;
}

export function ClipPanel({ deps, tabId, onPair, onSettings }: ClipPanelProps) {
  const [state, setState] = useState<ClipFormState | undefined>();
  const controller = useMemo(() => createClipFormController(deps, setState), [deps]);
  // After the first paint (Preact runs a plain effect then): the form is already complete from what
  // the popup knew at once, and the calls init makes (each message costs the page a few ms of its
  // own time) would otherwise hold that paint back. Measured: first render ~95 → ~75 ms here.
  useEffect(() => {
    void controller.init(tabId);
  }, [controller, tabId]);
  return <ClipForm state={state ?? controller.state} controller={controller} onPair={onPair} onSettings={onSettings} />;
}
