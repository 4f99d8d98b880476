import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { type BackgroundClient, BackgroundError } from '../../lib/protocol/client';
import type { MessageOutput } from '../../lib/protocol/messages';
import type { Reach } from '../../lib/popup/connection-view';
import type { QueueChanges } from '../../lib/popup/queue-changes';
import { waitingLine } from '../../lib/popup/queue-view';

type Summary = MessageOutput<'queue.summary'>;

interface QueueStatusProps {
  background: BackgroundClient;
  /** The worker's word on every change (lib/background/badge.ts), so the line never goes stale. */
  changes?: QueueChanges;
  /** What the connection line says, so that the two agree. */
  reach?: Reach;
}

/** Why clips wait, in step with the connection line (each clip is listed by components/queue/PopupQueueList). */
export function QueueStatus({ background, changes, reach = 'unknown' }: QueueStatusProps) {
  const [summary, setSummary] = useState<Summary | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    background.call('queue.summary', {}).then(setSummary, (e) => setError(e instanceof BackgroundError ? e.message : undefined));
  }, [background]);
  useEffect(() => changes?.(setSummary), [changes]);

  const line = summary && waitingLine(summary, reach);
  if (!line && !error) return null;
  return (
    <section class="queue" aria-label={i18n.t('queue.region')}>
      {line && <p role="status">{line}</p>}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
