import { i18n } from '#i18n';
import type { ConnectionStatus } from '../../lib/pairing/controller';
import { keyDetail } from '../../lib/pairing/key-detail';
import { errorAction } from '../../lib/popup/error-actions';
import { Alert } from '../Alert';

const NEEDS_PAIRING = new Set<string>(['unauthorized', 'key_expired', 'scoped_key']);

interface ConnectedViewProps {
  status: ConnectionStatus;
  busy: boolean;
  onDisconnect(): void;
  onReconnect(): void;
  /** Asks Anytype again: the way on from a problem that passes (not running, busy). */
  onRecheck(): void;
  onSettings?(): void;
}

export function ConnectedView({ status, busy, onDisconnect, onReconnect, onRecheck, onSettings }: ConnectedViewProps) {
  const connected = i18n.t('pairing.connected.status', status.spaceCount ?? 0);
  const detail = keyDetail(status);
  // The key no longer works (refused, expired, narrowed in Desktop): pairing again is the way on.
  const needsPairing = status.problem !== undefined && NEEDS_PAIRING.has(status.problem.kind);
  const action = status.problem && !needsPairing ? errorAction(status.problem.kind) : undefined;
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
      {detail && <p class="note key-detail">{detail}</p>}
      <div class="actions">
        {needsPairing && (
          <button type="button" class="primary" onClick={onReconnect} disabled={busy}>
            {i18n.t('pairing.start.connect')}
          </button>
        )}
        {action === 'settings' && onSettings && (
          <button type="button" class="primary" onClick={onSettings}>
            {i18n.t('common.openSettings')}
          </button>
        )}
        {action === 'retry' && (
          <button type="button" onClick={onRecheck} disabled={busy}>
            {i18n.t('common.tryAgain')}
          </button>
        )}
        <button type="button" onClick={onDisconnect} disabled={busy}>
          {i18n.t('pairing.connected.disconnect')}
        </button>
      </div>
    </section>
  );
}
