import { i18n } from '#i18n';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { QueueChanges } from '../../lib/popup/queue-changes';
import type { BackgroundClient } from '../../lib/protocol/client';
import { coalesce } from '../../lib/queue-list/coalesce';
import { createQueueListController, type QueueListDeps, type QueueListState } from '../../lib/queue-list/controller';
import { type DestinationNames, type EntryAction, type EntryView, queueListView } from '../../lib/queue-list/view-model';
import { Alert } from '../Alert';
import { QuarantineList } from './QuarantineList';
import { QueueEntryItem } from './QueueEntryItem';
import { RetargetForm } from './RetargetForm';
import { UndoShelf } from './UndoShelf';
import { useNow } from './use-now';

export interface QueueListProps {
  deps: QueueListDeps & { background: BackgroundClient };
  names: DestinationNames;
  /** The worker's word on each queue change, so the list stays true while the page is open. */
  changes?: QueueChanges;
}

/** Every clip not yet in Anytype, and every stored entry that could not be read: nothing hidden. */
export function QueueList({ deps, names, changes }: QueueListProps) {
  const [state, setState] = useState<QueueListState>({ shelf: [] });
  const controller = useMemo(() => createQueueListController(deps, setState), [deps]);
  const [retargeting, setRetargeting] = useState<string | undefined>();

  useEffect(() => {
    void controller.refresh();
    return () => controller.dispose();
  }, [controller]);
  useEffect(() => {
    if (!changes) return undefined;
    const reload = coalesce(() => controller.refresh(), deps.timers);
    const stop = changes(() => reload.request());
    return () => {
      stop();
      reload.stop();
    };
  }, [changes, controller, deps.timers]);

  const now = useNow();
  const view = state.list && queueListView(state.list, names, { now });
  const onAction = (action: EntryAction, entry: EntryView) => {
    if (action === 'retarget') setRetargeting(entry.clientId);
    else if (action === 'retry') void controller.retry(entry.clientId, entry.title);
    else if (action === 'copy') void controller.copy(entry.clientId, entry.title);
    else if (action === 'export') void controller.exportClip(entry.clientId, entry.title);
    else void controller.discard(entry.clientId, entry.title);
  };

  return (
    <section id="queue" class="queue-list" aria-labelledby="queue-list-heading">
      <h2 id="queue-list-heading">{i18n.t('queuelist.heading')}</h2>
      <p class="note">{i18n.t('queuelist.intro')}</p>
      {view && view.entries.length === 0 && view.quarantined.length === 0 && <p>{i18n.t('queuelist.empty')}</p>}
      {view && view.entries.length > 0 && (
        <ul class="queue-entries">
          {view.entries.map((entry) => (
            <QueueEntryItem key={entry.clientId} entry={entry} onAction={onAction}>
              {retargeting === entry.clientId && (
                <RetargetForm
                  background={deps.background}
                  clientId={entry.clientId}
                  title={entry.title}
                  onCancel={() => setRetargeting(undefined)}
                  onSubmit={(target) =>
                    void controller.retarget(entry.clientId, entry.title, target).then((ok) => ok && setRetargeting(undefined))
                  }
                />
              )}
            </QueueEntryItem>
          ))}
        </ul>
      )}
      <UndoShelf items={state.shelf} onUndo={(item) => void controller.undo(item.clientId, item.title)} />
      {view && (
        <QuarantineList
          entries={view.quarantined}
          onExport={(index, format) => controller.exportQuarantined(index, format)}
          onDiscard={(index, title) => void controller.discardQuarantined(index, title)}
          onClear={() => void controller.clearQuarantine()}
        />
      )}
      <p role="status" class="note">
        {state.info ?? ''}
      </p>
      <Alert message={state.error} />
    </section>
  );
}
