import { i18n } from '#i18n';
import type { ComponentChildren } from 'preact';
import type { EntryAction, EntryView } from '../../lib/queue-list/view-model';

interface QueueEntryItemProps {
  entry: EntryView;
  onAction(action: EntryAction, entry: EntryView): void;
  /** Shown under the entry (the destination picker). */
  children?: ComponentChildren;
  /** The actions this place offers (the popup: the quick ones); all of the entry's by default. */
  only?: readonly EntryAction[];
}

const LABELS: Record<EntryAction, 'retry' | 'retarget' | 'copy' | 'export' | 'discard'> = {
  retry: 'retry',
  retarget: 'retarget',
  copy: 'copy',
  export: 'export',
  discard: 'discard',
};

/** One clip not yet in Anytype: what it is, where it goes, why it waits or failed, what can be done. All text. */
export function QueueEntryItem({ entry, onAction, children, only }: QueueEntryItemProps) {
  const actions = only ? entry.actions.filter((action) => only.includes(action)) : entry.actions;
  const headingId = `queue-entry-${entry.clientId}`;
  return (
    <li class={`queue-entry queue-${entry.state}`} aria-labelledby={headingId}>
      <strong id={headingId}>{entry.title}</strong>
      <p class="note">
        {i18n.t('queuelist.from', { site: entry.site })} · {i18n.t('queuelist.to', { destination: entry.destination })}
      </p>
      <p class="queue-state">{entry.stateText}</p>
      {entry.nextTry && <p class="note queue-next-try">{entry.nextTry}</p>}
      {entry.detail && <p class="note">{i18n.t('queuelist.anytypeSaid', { message: entry.detail })}</p>}
      <div class="actions">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            aria-label={i18n.t(`queuelist.actionNames.${LABELS[action]}`, { name: entry.title })}
            onClick={() => onAction(action, entry)}
          >
            {i18n.t(`queuelist.actions.${LABELS[action]}`)}
          </button>
        ))}
        {entry.openUrl && (
          <a href={entry.openUrl} target="_blank" rel="noopener noreferrer" aria-label={i18n.t('queuelist.actionNames.open', { name: entry.title })}>
            {i18n.t('queuelist.actions.open')}
          </a>
        )}
      </div>
      {children}
    </li>
  );
}
