/**
 * What the popup says about clips that have not reached Anytype yet, in words that say why and
 * what to do ("2 clips waiting: Anytype is not running…").
 */
import { i18n } from '#i18n';
import type { MessageOutput } from '../protocol/messages';

type Summary = MessageOutput<'queue.summary'>;

type Reason = NonNullable<Summary['waitingReason']>;
const reasonText = (reason: Reason) => i18n.t(`queue.reasons.${reason}`);

export function waitingLine(summary: Summary): string | undefined {
  if (summary.pending === 0) return undefined;
  const count = i18n.t('queue.waiting', summary.pending);
  const reason = summary.paused ? reasonText('unauthorized') : summary.waitingReason && reasonText(summary.waitingReason);
  return reason ? i18n.t('queue.waitingBecause', { count, reason }) : i18n.t('queue.sendingNow', { count });
}
