import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coalesce } from '../../../lib/queue-list/coalesce';

/** Timers stepped by hand. */
function stepped() {
  const due: (() => void)[] = [];
  const timers = {
    set: (run: () => void) => due.push(run),
    clear: (handle: unknown) => {
      due[(handle as number) - 1] = () => undefined;
    },
  };
  const tick = () => {
    for (const run of due.splice(0)) run();
  };
  return { timers, tick };
}

describe('reloading the list on queue changes', () => {
  it('makes one reload of any burst, and one more for changes during a reload, never two at once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('change', 'tick', 'finish'), { maxLength: 60 }), async (steps) => {
        const { timers, tick } = stepped();
        let running = 0;
        let most = 0;
        let runs = 0;
        const finishers: (() => void)[] = [];
        const reload = coalesce(
          () =>
            new Promise<void>((resolve) => {
              runs += 1;
              running += 1;
              most = Math.max(most, running);
              finishers.push(() => {
                running -= 1;
                resolve();
              });
            }),
          timers,
        );
        let changes = 0;
        for (const step of steps) {
          if (step === 'change') {
            changes += 1;
            reload.request();
          } else if (step === 'tick') tick();
          else finishers.shift()?.();
          await Promise.resolve();
          await Promise.resolve();
        }
        expect(most).toBeLessThanOrEqual(1);
        expect(runs).toBeLessThanOrEqual(changes);
        // Drain: whatever changed is reloaded in the end.
        for (let i = 0; i < 10; i += 1) {
          tick();
          finishers.shift()?.();
          await Promise.resolve();
          await Promise.resolve();
        }
        if (changes > 0) expect(runs).toBeGreaterThan(0);
      }),
    );
  });

  it('reloads nothing once stopped', () => {
    const { timers, tick } = stepped();
    let runs = 0;
    const reload = coalesce(async () => {
      runs += 1;
    }, timers);
    reload.request();
    reload.stop();
    reload.request();
    tick();
    expect(runs).toBe(0);
  });
});
