/**
 * What the toolbar button says about the queue: a count when clips wait, and a title that says
 * why and what to do ("2 clips waiting: Anytype is not running").
 */
import type { QueueSummary } from '../queue';

export interface Badge {
  text: string;
  title: string;
  color: string;
}

const REASONS: Record<string, string> = {
  offline: 'Anytype is not running. Start Anytype Desktop.',
  rate_limited: 'Anytype is busy; retrying shortly.',
  origin_rejected: 'Anytype refused the extension. Reload the extension.',
  unauthorized: 'Anytype no longer accepts this connection. Open the extension and pair again.',
};

export function badgeFor(summary: QueueSummary): Badge {
  const waiting = summary.pending + summary.sending;
  const reason = summary.paused ? REASONS.unauthorized : summary.waitingReason ? REASONS[summary.waitingReason] : undefined;
  if (summary.failed > 0) {
    const failed = `${summary.failed} ${summary.failed === 1 ? 'clip' : 'clips'} could not be saved. Open the extension to retry.`;
    return { text: String(waiting + summary.failed), title: `Clip to Anytype: ${failed}`, color: '#b42318' };
  }
  if (waiting === 0) return { text: '', title: 'Clip to Anytype', color: '#2563eb' };
  const count = `${waiting} ${waiting === 1 ? 'clip' : 'clips'} waiting`;
  return {
    text: String(waiting),
    title: `Clip to Anytype: ${reason ? `${count}: ${reason}` : `${count}, sending now`}`,
    color: reason ? '#b54708' : '#2563eb',
  };
}
