import { i18n } from '#i18n';
import type { PairingController, PairingState } from '../../lib/pairing/controller';
import { Alert, Note } from '../Alert';
import { CodeForm } from './CodeForm';
import { ConnectedView } from './ConnectedView';
import { KeyForm } from './KeyForm';
import { StartView } from './StartView';

export function PairingPanel({ state, controller }: { state: PairingState; controller: PairingController }) {
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
        />
      )}
      <Alert message={state.error} />
      <Note message={state.info} />
    </div>
  );
}
