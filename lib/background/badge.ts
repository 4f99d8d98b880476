/**
 * What the toolbar button says about the queue: a count when clips wait, and a title that says
 * why and what to do ("2 clips waiting: Anytype is not running").
 */
import { i18n } from '#i18n';
import type { MessageOutput } from '../protocol/messages';
import type { QueueSummary } from '../queue';
import { publicSummary } from './handlers';

export interface Badge {
  text: string;
  title: string;
  color: string;
}

// Reasons with words of their own in the locale files (badge.reasons.*); others show no reason.
const REASONS = ['offline', 'rate_limited', 'origin_rejected', 'unauthorized'] as const;
type Reason = (typeof REASONS)[number];
const isReason = (value: string | undefined): value is Reason => REASONS.some((reason) => reason === value);
const reasonText = (reason: Reason) => i18n.t(`badge.reasons.${reason}`);

export function badgeFor(summary: QueueSummary): Badge {
  const waiting = summary.pending + summary.sending;
  const reason = summary.paused
    ? reasonText('unauthorized')
    : isReason(summary.waitingReason)
      ? reasonText(summary.waitingReason)
      : undefined;
  if (summary.failed > 0) {
    const failed = i18n.t('badge.failed', summary.failed);
    return { text: String(waiting + summary.failed), title: i18n.t('badge.title', { detail: failed }), color: '#b42318' };
  }
  if (waiting === 0) return { text: '', title: i18n.t('badge.idle'), color: '#2563eb' };
  const count = i18n.t('badge.waiting', waiting);
  return {
    text: String(waiting),
    title: i18n.t('badge.title', {
      detail: reason ? i18n.t('badge.waitingBecause', { count, reason }) : i18n.t('badge.sendingNow', { count }),
    }),
    color: reason ? '#b54708' : '#2563eb',
  };
}

/** The browser APIs the queue's state is shown through. */
export interface QueueDisplayApi {
  action: {
    setBadgeText(details: { text: string }): Promise<void>;
    setBadgeBackgroundColor(details: { color: string }): Promise<void>;
    setTitle(details: { title: string }): Promise<void>;
  };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/**
 * Shows a queue change on the toolbar button and tells open extension pages, so an open popup's
 * queue line changes with it. With no page open nobody listens: the browser refuses, which is fine.
 */
export function showQueue(api: QueueDisplayApi, summary: QueueSummary): void {
  const badge = badgeFor(summary);
  void api.action.setBadgeText({ text: badge.text });
  void api.action.setBadgeBackgroundColor({ color: badge.color });
  void api.action.setTitle({ title: badge.title });
  const changed: { type: 'queue.changed'; summary: MessageOutput<'queue.summary'> } = {
    type: 'queue.changed',
    summary: publicSummary(summary),
  };
  void api.runtime.sendMessage(changed).catch(() => undefined);
}
