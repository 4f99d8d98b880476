import { i18n } from '#i18n';
import type { QuarantineView } from '../../lib/queue-list/view-model';

interface QuarantineListProps {
  entries: QuarantineView[];
  onExport(index: number, format: 'md' | 'json'): void;
  onDiscard(index: number, title: string): void;
  onClear(): void;
}

/** Stored entries that could not be read as clips: shown with what could be read (as text), exportable, discarded only on request. */
export function QuarantineList({ entries, onExport, onDiscard, onClear }: QuarantineListProps) {
  if (entries.length === 0) return null;
  return (
    <section class="quarantine" aria-labelledby="quarantine-heading">
      <h3 id="quarantine-heading">{i18n.t('queuelist.quarantine.heading')}</h3>
      <p class="note">{i18n.t('queuelist.quarantine.intro')}</p>
      <ul>
        {entries.map((entry) => (
          <li key={`${entry.index}-${entry.at}`} class="quarantine-entry" aria-labelledby={`quarantine-${entry.index}`}>
            <strong id={`quarantine-${entry.index}`}>{entry.title}</strong>
            {entry.address && entry.address !== entry.title && <p class="note">{entry.address}</p>}
            <p class="note">{i18n.t('queuelist.quarantine.reason', { reason: entry.reason })}</p>
            {entry.markdown !== undefined && (
              <details>
                <summary>{i18n.t('queuelist.quarantine.markdown')}</summary>
                <pre class="quarantine-markdown">{entry.markdown}</pre>
              </details>
            )}
            <div class="actions">
              {entry.markdown !== undefined && (
                <button
                  type="button"
                  aria-label={i18n.t('queuelist.quarantine.exportMarkdownName', { name: entry.title })}
                  onClick={() => onExport(entry.index, 'md')}
                >
                  {i18n.t('queuelist.quarantine.exportMarkdown')}
                </button>
              )}
              <button
                type="button"
                aria-label={i18n.t('queuelist.quarantine.exportName', { name: entry.title })}
                onClick={() => onExport(entry.index, 'json')}
              >
                {i18n.t('queuelist.quarantine.export')}
              </button>
              <button
                type="button"
                aria-label={i18n.t('queuelist.quarantine.discardName', { name: entry.title })}
                onClick={() => onDiscard(entry.index, entry.title)}
              >
                {i18n.t('queuelist.quarantine.discard')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onClear}>
        {i18n.t('queuelist.quarantine.clear')}
      </button>
    </section>
  );
}
