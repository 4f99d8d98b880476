/**
 * What the popup says about clips that have not reached Anytype yet, in words that say why and
 * what to do ("2 clips waiting: Anytype is not running…").
 */
import type { MessageOutput } from '../protocol/messages';

type Summary = MessageOutput<'queue.summary'>;

const REASONS: Record<NonNullable<Summary['waitingReason']>, string> = {
  offline: 'Anytype is not running. Start Anytype Desktop; they will be sent then.',
  rate_limited: 'Anytype is busy; sending again shortly.',
  origin_rejected: 'Anytype refused the extension. Reload the extension.',
  unauthorized: 'Anytype no longer accepts this connection. Pair again below; nothing is lost.',
};

export function waitingLine(summary: Summary): string | undefined {
  if (summary.pending === 0) return undefined;
  const count = `${summary.pending} ${summary.pending === 1 ? 'clip' : 'clips'} waiting`;
  const reason = summary.paused ? REASONS.unauthorized : summary.waitingReason && REASONS[summary.waitingReason];
  return reason ? `${count}: ${reason}` : `${count}; sending now.`;
}
