/**
 * The welcome page's live check: ask the background whether Anytype answers, show it, and while it
 * does not, look again every few seconds as long as the page is on screen (the person is starting
 * Anytype). Once found, nothing more is asked. Try again asks at once.
 */
import type { MessageOutput } from '../protocol/messages';

export type ProbeAnswer = MessageOutput<'anytype.probe'>;

export type CheckState = { phase: 'checking' } | { phase: 'answered'; answer: ProbeAnswer } | { phase: 'failed' };

/** How long after a "not running" answer the page looks again by itself. */
export const RECHECK_MS = 5_000;

export interface CheckTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface AnytypeCheckDeps {
  probe(): Promise<ProbeAnswer>;
  timers: CheckTimers;
  /** Whether the page is on screen: a hidden tab does not keep asking. */
  visible(): boolean;
  onChange(state: CheckState): void;
}

export interface AnytypeCheck {
  start(): void;
  /** Try again: asks now, and says it is checking. */
  retry(): void;
  /** The page came back on screen. */
  shown(): void;
  stop(): void;
}

export function createAnytypeCheck(deps: AnytypeCheckDeps): AnytypeCheck {
  let state: CheckState = { phase: 'checking' };
  let timer: unknown;
  let asking = false;
  let stopped = false;
  /** Answers to an older question are dropped: a Try again may overtake a re-check. */
  let question = 0;

  const found = () => state.phase === 'answered' && state.answer.state === 'found';

  function cancelTimer() {
    if (timer === undefined) return;
    deps.timers.clear(timer);
    timer = undefined;
  }

  function set(next: CheckState) {
    state = next;
    deps.onChange(next);
  }

  function scheduleRecheck() {
    if (stopped || found() || timer !== undefined || !deps.visible()) return;
    timer = deps.timers.set(() => {
      timer = undefined;
      ask(false);
    }, RECHECK_MS);
  }

  function ask(announce: boolean) {
    if (stopped) return;
    cancelTimer();
    const mine = ++question;
    asking = true;
    // A re-check by itself keeps what is shown until the answer differs: no flicker, nothing re-announced.
    if (announce) set({ phase: 'checking' });
    deps.probe().then(
      (answer) => settle(mine, { phase: 'answered', answer }),
      () => settle(mine, { phase: 'failed' }),
    );
  }

  function settle(mine: number, next: CheckState) {
    if (stopped || mine !== question) return;
    asking = false;
    set(next);
    scheduleRecheck();
  }

  return {
    start: () => ask(true),
    retry: () => ask(true),
    shown() {
      // Back from starting Anytype, say: no need to wait for the next re-check.
      if (!asking && !found()) ask(false);
    },
    stop() {
      stopped = true;
      cancelTimer();
    },
  };
}
