import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import type { QueueChanges } from '../../lib/popup/queue-changes';
import type { BackgroundClient } from '../../lib/protocol/client';
import type { MessageOutput } from '../../lib/protocol/messages';
import { compactLine } from '../../lib/queue-list/view-model';

interface QueueLineProps {
  background: BackgroundClient;
  changes?: QueueChanges;
  /** Opens the full list (the options page's queue section). */
  openList?: () => void;
}

type Summary = MessageOutput<'queue.summary'>;

/** "2 waiting · 1 failed", in every state of the popup (paired or not), with a way to the list. */
export function QueueLine({ background, changes, openList }: QueueLineProps) {
  const [summary, setSummary] = useState<Summary | undefined>();
  useEffect(() => {
    background.call('queue.summary', {}).then(setSummary, () => undefined);
  }, [background]);
  useEffect(() => changes?.(setSummary), [changes]);
  const line =
    summary && compactLine({ waiting: summary.pending, failed: summary.failed, quarantined: summary.quarantined ?? 0 });
  if (!line) return null;
  return (
    // Not a second role=status: the popup's status line is the clip form's; this one is polite only.
    <p class="queue-line" aria-live="polite">
      <span>{line}</span>
      {openList && (
        <>
          {' '}
          <button type="button" class="link-button" onClick={openList}>
            {i18n.t('queuelist.open')}
          </button>
        </>
      )}
    </p>
  );
}
