/**
 * The lists reload on each word of a queue change, and a hundred clips on their way make hundreds
 * of changes: each reload copies every waiting clip in the worker, which slowed delivery itself.
 * Changes close together make one reload; one arriving while a reload is out makes one more after it.
 */
import type { Timers } from './undo-shelf';

export const RELOAD_WAIT_MS = 250;

export function coalesce(run: () => Promise<void>, timers: Timers, waitMs = RELOAD_WAIT_MS): { request(): void; stop(): void } {
  let handle: unknown;
  let running = false;
  let again = false;
  let stopped = false;
  const fire = async () => {
    handle = undefined;
    running = true;
    try {
      await run();
    } catch {
      // The next change asks again.
    } finally {
      running = false;
      if (again && !stopped) {
        again = false;
        request();
      }
    }
  };
  function request(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (handle !== undefined) return;
    handle = timers.set(() => void fire(), waitMs);
  }
  return {
    request,
    stop() {
      stopped = true;
      if (handle !== undefined) timers.clear(handle);
      handle = undefined;
    },
  };
}
