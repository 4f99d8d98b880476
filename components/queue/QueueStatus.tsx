import { i18n } from '#i18n';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { type BackgroundClient, BackgroundError } from '../../lib/protocol/client';
import type { MessageOutput } from '../../lib/protocol/messages';
import { waitingLine } from '../../lib/popup/queue-view';

type Summary = MessageOutput<'queue.summary'>;
type Failed = MessageOutput<'queue.failed'>;

/** Clips that are waiting or failed; failed ones can be retried or discarded, never dropped silently. */
export function QueueStatus({ background }: { background: BackgroundClient }) {
  const [summary, setSummary] = useState<Summary | undefined>();
  const [failed, setFailed] = useState<Failed>([]);
  const [error, setError] = useState<string | undefined>();

  const refresh = useCallback(async () => {
    try {
      setSummary(await background.call('queue.summary', {}));
      setFailed(await background.call('queue.failed', {}));
    } catch (e) {
      setError(e instanceof BackgroundError ? e.message : undefined);
    }
  }, [background]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const act = async (type: 'queue.retry' | 'queue.discard', clientId: string) => {
    try {
      setSummary(await background.call(type, { clientId }));
      setFailed(await background.call('queue.failed', {}));
    } catch (e) {
      setError(e instanceof BackgroundError ? e.message : undefined);
    }
  };

  const line = summary && waitingLine(summary);
  if (!line && failed.length === 0 && !error) return null;
  return (
    <section class="queue" aria-label={i18n.t('queue.region')}>
      {line && <p role="status">{line}</p>}
      {failed.length > 0 && (
        <ul class="failed">
          {failed.map((clip) => (
            <li key={clip.clientId}>
              <strong>{clip.name || clip.sourceUrl}</strong>
              <span class="note"> {clip.message}</span>
              <div class="actions">
                <button type="button" onClick={() => void act('queue.retry', clip.clientId)}>
                  {i18n.t('queue.retry', { name: clip.name || i18n.t('queue.clip') })}
                </button>
                <button type="button" onClick={() => void act('queue.discard', clip.clientId)}>
                  {i18n.t('queue.discard', { name: clip.name || i18n.t('queue.clip') })}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
