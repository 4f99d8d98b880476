/**
 * The alarm that wakes the worker for the clip queue's next attempt. The queue says when; the
 * browser only keeps alarms at least about a second away (sooner ones fire late or at once, in a
 * loop against a limiter that has not recovered yet), so a time sooner than that is moved to it.
 */
export const QUEUE_ALARM = 'clip-queue';
export const MIN_ALARM_DELAY_MS = 1000;

export interface AlarmsLike {
  create(name: string, info: { when: number }): unknown;
  clear(name: string): unknown;
}

/** When to set the alarm for an attempt due at `when`. */
export function queueAlarmTime(when: number, now: number): number {
  return Math.max(when, now + MIN_ALARM_DELAY_MS);
}

/** The queue's `wakeAt`: null clears the alarm (nothing is waiting). */
export function createQueueWaker(alarms: AlarmsLike, now: () => number = Date.now) {
  return (when: number | null): void => {
    if (when === null) void alarms.clear(QUEUE_ALARM);
    else void alarms.create(QUEUE_ALARM, { when: queueAlarmTime(when, now()) });
  };
}
