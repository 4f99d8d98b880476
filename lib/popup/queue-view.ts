/**
 * What the popup says about clips that have not reached Anytype yet, in words that say why and
 * what to do ("2 clips waiting: Anytype is not running…"), in step with the connection line.
 */
import { i18n } from '#i18n';
import type { MessageOutput } from '../protocol/messages';
import type { Reach } from './connection-view';

type Summary = MessageOutput<'queue.summary'>;

type Reason = NonNullable<Summary['waitingReason']>;
const reasonText = (reason: Reason) => i18n.t(`queue.reasons.${reason}`);

/**
 * The queue's reason is what it last saw; the connection line says what Anytype answered just
 * now. Where they differ the fresher one speaks: Anytype answering means the wait is nearly over,
 * and Anytype down means that is why clips wait, whatever the queue last heard.
 */
function reasonFor(summary: Summary, reach: Reach): Reason | undefined {
  if (summary.paused) return 'unauthorized';
  if (reach === 'down') return 'offline';
  if (reach === 'up' && summary.waitingReason === 'offline') return undefined;
  return summary.waitingReason;
}

export function waitingLine(summary: Summary, reach: Reach = 'unknown'): string | undefined {
  if (summary.pending === 0) return undefined;
  const count = i18n.t('queue.waiting', summary.pending);
  const reason = reasonFor(summary, reach);
  return reason ? i18n.t('queue.waitingBecause', { count, reason: reasonText(reason) }) : i18n.t('queue.sendingNow', { count });
}
