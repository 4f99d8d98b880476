/**
 * The queue list's messages: every clip not yet in Anytype (and every stored entry that could not
 * be read), a clip's text to copy or export, Undo of a discard, and another destination.
 */
import { i18n } from '#i18n';
import { type ClipJob, type ClipQueue, QueueError, type QueueSummary, readQuarantined } from '../queue';
import { type MessageOutput, PAUSE_KINDS } from '../protocol/messages';
import type { Handlers } from '../protocol/router';

type ListHandlers = Pick<Handlers, 'queue.list' | 'queue.clip' | 'queue.undoDiscard' | 'queue.retarget'>;
type Entry = MessageOutput<'queue.list'>['entries'][number];
type PauseKind = (typeof PAUSE_KINDS)[number];

const isPauseKind = (kind: string | undefined): kind is PauseKind => PAUSE_KINDS.some((k) => k === kind);

/** The queue's summary as pages see it (the popup's line, the badge's broadcast, every queue answer). */
export function publicSummary(summary: QueueSummary): MessageOutput<'queue.summary'> {
  return {
    pending: summary.pending + summary.sending,
    failed: summary.failed,
    paused: summary.paused !== null,
    waitingReason: summary.waitingReason,
    ...(summary.quarantined > 0 ? { quarantined: summary.quarantined } : {}),
  };
}

export type QueueListService = Pick<
  ClipQueue,
  'open' | 'get' | 'summary' | 'quarantined' | 'undoDiscard' | 'retarget' | 'process'
>;

function entryOf(job: ClipJob): Entry {
  return {
    clientId: job.clientId,
    name: job.payload.name,
    sourceUrl: job.sourceUrl,
    createdAt: job.createdAt,
    status: job.status === 'done' ? 'pending' : job.status,
    spaceId: job.target.spaceId,
    typeKey: job.target.typeKey,
    collectionId: job.target.collectionId,
    errorKind: job.lastError?.kind,
    message: job.lastError?.message,
    nextAttemptAt: job.nextAttemptAt,
  };
}

/**
 * The queue keeps one pause for every clip; which error paused it is the last error of the clip
 * that met it (the newest such clip when several did). Without one it was a refused key.
 */
export function pauseKindOf(jobs: readonly ClipJob[]): PauseKind {
  let kind: PauseKind = 'unauthorized';
  let at = -1;
  for (const job of jobs) {
    const k = job.lastError?.kind;
    if (job.status === 'pending' && isPauseKind(k) && job.createdAt > at) {
      kind = k;
      at = job.createdAt;
    }
  }
  return kind;
}

export function createQueueListHandlers(queue: QueueListService): ListHandlers {
  return {
    'queue.list': async () => {
      const [jobs, summary, quarantined] = await Promise.all([queue.open(), queue.summary(), queue.quarantined()]);
      const paused = summary.paused !== null;
      return {
        entries: jobs.map(entryOf),
        paused,
        ...(paused ? { pauseKind: pauseKindOf(jobs) } : {}),
        waitingReason: summary.waitingReason,
        nextAttemptAt: summary.nextAttemptAt,
        quarantined: quarantined.map(readQuarantined),
      };
    },
    'queue.clip': async ({ clientId }) => {
      const job = await queue.get(clientId);
      if (job === undefined || job.status === 'done') throw new QueueError('not_found', i18n.t('queue.errors.gone'));
      return { name: job.payload.name, sourceUrl: job.sourceUrl, markdown: job.payload.markdown };
    },
    'queue.undoDiscard': async ({ clientId }) => {
      await queue.undoDiscard(clientId);
      void queue.process().catch(() => undefined);
      return publicSummary(await queue.summary());
    },
    'queue.retarget': async ({ clientId, spaceId, typeKey, collectionId }) => {
      await queue.retarget(clientId, { spaceId, typeKey, ...(collectionId === undefined ? {} : { collectionId }) });
      void queue.process().catch(() => undefined);
      return publicSummary(await queue.summary());
    },
  };
}
