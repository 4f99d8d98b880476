import { i18n } from '#i18n';
import type { ConnectionStatus } from '../../lib/pairing/controller';
import { Alert } from '../Alert';

interface ConnectedViewProps {
  status: ConnectionStatus;
  busy: boolean;
  onDisconnect(): void;
  onReconnect(): void;
}

export function ConnectedView({ status, busy, onDisconnect, onReconnect }: ConnectedViewProps) {
  const connected = i18n.t('pairing.connected.status', status.spaceCount ?? 0);
  return (
    <section aria-labelledby="connected-heading">
      <h2 id="connected-heading" class="visually-hidden">
        {i18n.t('pairing.connected.heading')}
      </h2>
      {status.spaceCount === undefined && !status.problem ? (
        <p role="status">{i18n.t('pairing.connected.checking')}</p>
      ) : status.problem ? (
        <>
          <p role="status">{i18n.t('pairing.connected.pairedAt', { url: status.baseUrl })}</p>
          <Alert message={status.problem.message} />
        </>
      ) : (
        <p role="status" class="connected">
          {status.serverVersion
            ? i18n.t('pairing.connected.withVersion', { status: connected, version: status.serverVersion })
            : connected}
        </p>
      )}
      <div class="actions">
        {status.problem?.kind === 'unauthorized' && (
          <button type="button" class="primary" onClick={onReconnect} disabled={busy}>
            {i18n.t('pairing.start.connect')}
          </button>
        )}
        <button type="button" onClick={onDisconnect} disabled={busy}>
          {i18n.t('pairing.connected.disconnect')}
        </button>
      </div>
    </section>
  );
}
