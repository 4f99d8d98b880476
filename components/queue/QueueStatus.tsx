import { i18n } from '#i18n';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { type BackgroundClient, BackgroundError } from '../../lib/protocol/client';
import type { MessageOutput } from '../../lib/protocol/messages';
import type { Reach } from '../../lib/popup/connection-view';
import type { QueueChanges } from '../../lib/popup/queue-changes';
import { waitingLine } from '../../lib/popup/queue-view';

type Summary = MessageOutput<'queue.summary'>;
type Failed = MessageOutput<'queue.failed'>;

interface QueueStatusProps {
  background: BackgroundClient;
  /** The worker's word on every change (lib/background/badge.ts), so the line never goes stale. */
  changes?: QueueChanges;
  /** What the connection line says, so that the two agree. */
  reach?: Reach;
  /** The popup's words for a failed clip whose space or collection is gone (lib/popup/failed-view). */
  explain?: (failed: Failed) => Promise<Failed>;
}

/** Clips that are waiting or failed; failed ones can be retried or discarded, never dropped silently. */
export function QueueStatus({ background, changes, reach = 'unknown', explain }: QueueStatusProps) {
  const [summary, setSummary] = useState<Summary | undefined>();
  const [failed, setFailed] = useState<Failed>([]);
  const [error, setError] = useState<string | undefined>();

  const loadFailed = useCallback(async () => {
    const list = await background.call('queue.failed', {});
    setFailed(explain ? await explain(list) : list);
  }, [background, explain]);

  const refresh = useCallback(async () => {
    try {
      setSummary(await background.call('queue.summary', {}));
      await loadFailed();
    } catch (e) {
      setError(e instanceof BackgroundError ? e.message : undefined);
    }
  }, [background, loadFailed]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    if (!changes) return undefined;
    let failedCount: number | undefined;
    return changes((next) => {
      setSummary(next);
      // The failed list is asked for only when it changed: a waiting count changes far more often.
      if (next.failed !== failedCount) {
        failedCount = next.failed;
        void loadFailed().catch(() => undefined);
      }
    });
  }, [changes, loadFailed]);

  const act = async (type: 'queue.retry' | 'queue.discard', clientId: string) => {
    try {
      setSummary(await background.call(type, { clientId }));
      await loadFailed();
    } catch (e) {
      setError(e instanceof BackgroundError ? e.message : undefined);
    }
  };

  const line = summary && waitingLine(summary, reach);
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
