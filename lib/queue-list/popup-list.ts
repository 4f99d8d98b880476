/**
 * What the popup shows of the queue list: the first few clips, the quick actions (the options page
 * has the rest: another destination, export, the unreadable entries), and a failed clip's own words
 * where its space or collection is gone (lib/popup/failed-view names it from the lists seen last).
 */
import type { MessageOutput } from '../protocol/messages';
import type { EntryAction, QueueList } from './view-model';

type Failed = MessageOutput<'queue.failed'>;

export const POPUP_LIST_LIMIT = 3;
export const POPUP_ACTIONS: readonly EntryAction[] = ['retry', 'copy', 'discard'];

/** The failed entries as `queue.failed` names them, through `explain`; the changed words by clip. */
export async function explainedDetails(list: QueueList, explain: (failed: Failed) => Promise<Failed>): Promise<Map<string, string>> {
  const failed: Failed = list.entries
    .filter((entry) => entry.status === 'failed' && entry.errorKind === 'not_found')
    .map((entry) => ({
      clientId: entry.clientId,
      name: entry.name,
      sourceUrl: entry.sourceUrl,
      message: entry.message ?? '',
      spaceId: entry.spaceId,
      ...(entry.collectionId === undefined ? {} : { collectionId: entry.collectionId }),
      kind: entry.errorKind,
    }));
  const found = new Map<string, string>();
  if (failed.length === 0) return found;
  const answered = await explain(failed);
  answered.forEach((clip, i) => {
    if (clip.message !== failed[i]?.message) found.set(clip.clientId, clip.message);
  });
  return found;
}
