import { useEffect, useMemo, useState } from 'preact/hooks';
import { type ClipFormDeps, type ClipFormState, createClipFormController } from '../../lib/popup/clip-form';
import { ClipForm } from './ClipForm';

export function ClipPanel({ deps, tabId }: { deps: ClipFormDeps; tabId: number | undefined }) {
  const [state, setState] = useState<ClipFormState | undefined>();
  const controller = useMemo(() => createClipFormController(deps, setState), [deps]);
  useEffect(() => {
    void controller.init(tabId);
  }, [controller, tabId]);
  return <ClipForm state={state ?? controller.state} controller={controller} />;
}
