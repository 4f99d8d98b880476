// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createQueueWaker, MIN_ALARM_DELAY_MS, QUEUE_ALARM, queueAlarmTime } from '../../../lib/background/queue-alarm';

describe('the queue alarm', () => {
  it('is never sooner than the browser keeps, and never later than the queue asked when that is far enough', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: -100_000, max: 100_000 }), (now, delta) => {
        const at = queueAlarmTime(now + delta, now);
        expect(at).toBeGreaterThanOrEqual(now + MIN_ALARM_DELAY_MS);
        if (delta >= MIN_ALARM_DELAY_MS) expect(at).toBe(now + delta);
      }),
    );
  });

  it('sets the one queue alarm, and clears it when nothing waits', () => {
    const alarms = { create: vi.fn(), clear: vi.fn() };
    const wake = createQueueWaker(alarms, () => 10_000);
    wake(10_200);
    expect(alarms.create).toHaveBeenCalledWith(QUEUE_ALARM, { when: 11_000 });
    wake(60_000);
    expect(alarms.create).toHaveBeenLastCalledWith(QUEUE_ALARM, { when: 60_000 });
    wake(null);
    expect(alarms.clear).toHaveBeenCalledWith(QUEUE_ALARM);
  });
});
