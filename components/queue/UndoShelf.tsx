import { i18n } from '#i18n';
import type { ShelfItem } from '../../lib/queue-list/undo-shelf';

/** Clips discarded a moment ago, each with its Undo while the offer lasts. */
export function UndoShelf({ items, onUndo }: { items: ShelfItem[]; onUndo(item: ShelfItem): void }) {
  if (items.length === 0) return null;
  return (
    <ul class="queue-undo">
      {items.map((item) => (
        <li key={item.clientId}>
          {i18n.t('queuelist.discarded', { name: item.title })}{' '}
          <button
            type="button"
            aria-label={i18n.t('queuelist.actionNames.undo', { name: item.title })}
            onClick={() => onUndo(item)}
          >
            {i18n.t('queuelist.actions.undo')}
          </button>
        </li>
      ))}
    </ul>
  );
}
