import type { ConnectionStatus } from '../../lib/pairing/controller';
import { Alert } from '../Alert';

interface ConnectedViewProps {
  status: ConnectionStatus;
  busy: boolean;
  onDisconnect(): void;
  onReconnect(): void;
}

export function ConnectedView({ status, busy, onDisconnect, onReconnect }: ConnectedViewProps) {
  const spaces = status.spaceCount ?? 0;
  return (
    <section aria-labelledby="connected-heading">
      <h2 id="connected-heading" class="visually-hidden">
        Connection
      </h2>
      {status.problem ? (
        <>
          <p role="status">Paired with Anytype at {status.baseUrl}</p>
          <Alert message={status.problem.message} />
        </>
      ) : (
        <p role="status" class="connected">
          Connected to Anytype · {spaces} {spaces === 1 ? 'space' : 'spaces'}
          {status.serverVersion ? ` · API ${status.serverVersion}` : ''}
        </p>
      )}
      <div class="actions">
        {status.problem?.kind === 'unauthorized' && (
          <button type="button" class="primary" onClick={onReconnect} disabled={busy}>
            Connect
          </button>
        )}
        <button type="button" onClick={onDisconnect} disabled={busy}>
          Disconnect
        </button>
      </div>
    </section>
  );
}
