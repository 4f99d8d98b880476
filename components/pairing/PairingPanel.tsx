import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import type { PairingController, PairingState } from '../../lib/pairing/controller';
import { ERROR_ACTION_LABEL, errorAction } from '../../lib/popup/error-actions';
import { Alert, Note } from '../Alert';
import { CodeForm } from './CodeForm';
import { ConnectedView } from './ConnectedView';
import { KeyForm } from './KeyForm';
import { StartView } from './StartView';

interface PairingPanelProps {
  state: PairingState;
  controller: PairingController;
  onSettings?(): void;
}

export function PairingPanel({ state, controller, onSettings }: PairingPanelProps) {
  // A new code field (empty, focused) for each Try again after a code that did not work.
  const [attempt, setAttempt] = useState(0);
  const action = errorAction(state.errorKind);
  const retry = () => {
    if (state.step === 'code') setAttempt((n) => n + 1);
    if (state.step === 'start') return void controller.connect();
    if (state.step === 'key') return controller.showKeyForm();
    if (state.step === 'connected' || state.step === 'loading') return void controller.recheck();
  };
  const onAct = action === 'pair' ? () => void controller.connect() : action === 'settings' ? onSettings : retry;
  return (
    <div class="pairing" aria-busy={state.busy}>
      {state.step === 'loading' && <p>{i18n.t('app.loading')}</p>}
      {state.step === 'start' && (
        <StartView
          busy={state.busy}
          denied={state.denied}
          onConnect={() => controller.connect()}
          onRestarted={() => controller.connect({ restarted: true })}
          onUseKey={controller.showKeyForm}
        />
      )}
      {state.step === 'code' && (
        <CodeForm
          key={attempt}
          busy={state.busy}
          approvalSecondsLeft={state.approvalSecondsLeft}
          lapsed={state.lapsed}
          onPair={controller.pair}
          onCancel={controller.cancel}
          onConnect={() => controller.connect()}
        />
      )}
      {state.step === 'key' && <KeyForm busy={state.busy} onSave={controller.saveKey} onBack={controller.cancel} />}
      {state.step === 'connected' && state.status && (
        <ConnectedView
          status={state.status}
          busy={state.busy}
          onDisconnect={controller.disconnect}
          onReconnect={() => controller.connect()}
          onRecheck={() => controller.recheck()}
          onSettings={onSettings}
        />
      )}
      <Alert message={state.error} action={onAct && !state.busy ? { label: i18n.t(ERROR_ACTION_LABEL[action]), onAct } : undefined} />
      <Note message={state.info} />
    </div>
  );
}
