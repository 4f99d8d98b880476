/**
 * When a clip will be tried again, in words: "Next try in 3 min", "Next try: now", "once you pair
 * again", or not until the person chooses Retry now. Pure: the entry's state, its due time and the
 * clock in, one sentence out (the popup and the options page tick the clock while they are open).
 */
import { i18n } from '#i18n';

export type TryState = 'waiting' | 'sending' | 'paused' | 'failed';

/** Why a paused queue waits, as far as when it goes on is concerned. */
export type TryPause = 'pairing' | 'timed';

export function waitText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return i18n.t('queuelist.next.seconds', seconds);
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return i18n.t('queuelist.next.minutes', minutes);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? i18n.t('queuelist.next.hours', hours) : i18n.t('queuelist.next.hoursMinutes', { hours, minutes: rest });
}

export function nextTryText(state: TryState, options: { at?: number; now: number; pause?: TryPause }): string | undefined {
  if (state === 'sending') return undefined;
  if (state === 'failed') return i18n.t('queuelist.next.never');
  if (state === 'paused' && options.pause === 'pairing') return i18n.t('queuelist.next.afterPairing');
  const { at, now } = options;
  if (at === undefined || at <= now) return i18n.t('queuelist.next.now');
  return i18n.t('queuelist.next.in', { wait: waitText(at - now) });
}
