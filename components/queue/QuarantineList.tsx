import { i18n } from '#i18n';
import type { QuarantineView } from '../../lib/queue-list/view-model';

interface QuarantineListProps {
  entries: QuarantineView[];
  onExport(index: number): void;
  onClear(): void;
}

/** Stored entries that could not be read as clips: shown with what could be read, exportable, cleared only on request. */
export function QuarantineList({ entries, onExport, onClear }: QuarantineListProps) {
  if (entries.length === 0) return null;
  return (
    <section class="quarantine" aria-labelledby="quarantine-heading">
      <h3 id="quarantine-heading">{i18n.t('queuelist.quarantine.heading')}</h3>
      <p class="note">{i18n.t('queuelist.quarantine.intro')}</p>
      <ul>
        {entries.map((entry) => (
          <li key={entry.index}>
            <strong>{entry.title}</strong>
            {entry.address && entry.address !== entry.title && <p class="note">{entry.address}</p>}
            <p class="note">{i18n.t('queuelist.quarantine.reason', { reason: entry.reason })}</p>
            <button
              type="button"
              aria-label={i18n.t('queuelist.quarantine.exportName', { name: entry.title })}
              onClick={() => onExport(entry.index)}
            >
              {i18n.t('queuelist.quarantine.export')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onClear}>
        {i18n.t('queuelist.quarantine.clear')}
      </button>
    </section>
  );
}
