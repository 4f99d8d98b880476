import { i18n } from '#i18n';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { QueueChanges } from '../../lib/popup/queue-changes';
import type { BackgroundClient } from '../../lib/protocol/client';
import type { MessageOutput } from '../../lib/protocol/messages';
import { coalesce } from '../../lib/queue-list/coalesce';
import { createQueueListController, type QueueListState } from '../../lib/queue-list/controller';
import { explainedDetails, POPUP_ACTIONS, POPUP_LIST_LIMIT } from '../../lib/queue-list/popup-list';
import type { Timers } from '../../lib/queue-list/undo-shelf';
import { type DestinationNames, type EntryAction, type EntryView, queueListView } from '../../lib/queue-list/view-model';
import { Alert } from '../Alert';
import { QueueEntryItem } from './QueueEntryItem';
import { UndoShelf } from './UndoShelf';
import { useNow } from './use-now';

type Failed = MessageOutput<'queue.failed'>;

export interface PopupQueueDeps {
  background: BackgroundClient;
  copyText(text: string): Promise<void>;
  timers: Timers;
}

interface PopupQueueListProps {
  deps: PopupQueueDeps;
  names: DestinationNames;
  changes?: QueueChanges;
  /** Names a failed clip's space or collection that is gone (lib/popup/failed-view). */
  explain?: (failed: Failed) => Promise<Failed>;
}

const noDownload = () => undefined;

/** The popup's share of the queue list: the first few clips not yet in Anytype, with the quick actions. */
export function PopupQueueList({ deps, names, changes, explain }: PopupQueueListProps) {
  const [state, setState] = useState<QueueListState>({ shelf: [] });
  const controller = useMemo(() => createQueueListController({ ...deps, download: noDownload }, setState), [deps]);
  const [explained, setExplained] = useState<ReadonlyMap<string, string>>(new Map());
  const now = useNow();

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
  useEffect(() => {
    if (!explain || !state.list) return;
    let current = true;
    void explainedDetails(state.list, explain).then((found) => current && setExplained(found), () => undefined);
    return () => {
      current = false;
    };
  }, [explain, state.list]);

  const view = state.list && queueListView(state.list, names, { now });
  const entries = (view?.entries ?? []).map((entry) => {
    const detail = explained.get(entry.clientId);
    return detail === undefined ? entry : { ...entry, detail };
  });
  if (entries.length === 0 && state.shelf.length === 0 && !state.error && !state.info) return null;
  const shown = entries.slice(0, POPUP_LIST_LIMIT);
  const more = entries.length - shown.length;
  const onAction = (action: EntryAction, entry: EntryView) => {
    if (action === 'retry') void controller.retry(entry.clientId, entry.title);
    else if (action === 'copy') void controller.copy(entry.clientId, entry.title);
    else if (action === 'discard') void controller.discard(entry.clientId, entry.title);
  };

  return (
    <section class="popup-queue" aria-label={i18n.t('queue.region')}>
      {shown.length !== 0 && (
        <ul class="queue-entries">
          {shown.map((entry) => (
            <QueueEntryItem key={entry.clientId} entry={entry} onAction={onAction} only={POPUP_ACTIONS} />
          ))}
        </ul>
      )}
      {more !== 0 && <p class="note">{i18n.t('queuelist.popup.more', more)}</p>}
      <UndoShelf items={state.shelf} onUndo={(item) => void controller.undo(item.clientId, item.title)} />
      <p role="status" class="note">
        {state.info ?? ''}
      </p>
      <Alert message={state.error} />
    </section>
  );
}
