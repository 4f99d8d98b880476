import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { type ClipFormDeps, type ClipFormState, createClipFormController } from '../../lib/popup/clip-form';
import { ClipForm } from './ClipForm';

export function ClipPanel({ deps, tabId }: { deps: ClipFormDeps; tabId: number | undefined | Promise<number | undefined> }) {
  const [state, setState] = useState<ClipFormState | undefined>();
  const controller = useMemo(() => createClipFormController(deps, setState), [deps]);
  // A layout effect runs as the panel mounts; Preact runs a plain effect only after the next paint.
  useLayoutEffect(() => {
    void controller.init(tabId);
  }, [controller, tabId]);
  return <ClipForm state={state ?? controller.state} controller={controller} />;
}
