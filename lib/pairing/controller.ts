/**
 * The popup's pairing flow as plain state transitions, so it can be tested without a browser.
 *
 * The popup itself calls the challenge endpoints (the key is in the popup only between
 * `createApiKey` and `connection.saveKey`), and the background keeps the key. Connect starts
 * exactly one challenge per click: Anytype caps challenges per run, so nothing here retries.
 *
 * Builds of 2026 ask the person to approve the request in Desktop first (the prompt lapses after
 * 180 s) and only then show a code; nothing tells the popup when that happened, so the code field
 * is there from the start, beside the time left to approve.
 */
import { i18n } from '#i18n';
import { type AnytypeErrorKind, isAnytypeError, userMessage } from '../anytype/errors';
import { isFullGrant, type KeyGrant, keyFormat } from '../anytype/grants';
import { BackgroundError, type BackgroundClient } from '../protocol/client';
import type { MessageOutput } from '../protocol/messages';
import type { PendingChallengeStore } from './pending-challenge';

export type ConnectionStatus = MessageOutput<'connection.status'>;

export interface PairingAuth {
  createChallenge(appName: string): Promise<{ challengeId: string }>;
  createApiKey(challengeId: string, code: string): Promise<{ apiKey: string; grant?: KeyGrant | null }>;
}

/** The time the controller reads and the ticker that moves the approval clock; a test passes a fake. */
export interface PairingClock {
  now(): number;
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}

export const systemClock: PairingClock = {
  now: () => Date.now(),
  every(ms, tick) {
    const handle = setInterval(tick, ms);
    return () => clearInterval(handle);
  },
};

/** How long Desktop's approval prompt waits unanswered (builds of 2026). */
export const APPROVAL_WINDOW_MS = 180_000;

export interface PairingDeps {
  background: BackgroundClient;
  makeAuth(baseUrl: string): PairingAuth;
  pending: PendingChallengeStore;
  appName: string;
  clock?: PairingClock;
  /** `connection.status {local: true}`, already asked for as the popup's script started (saves a round trip). */
  localStatus?: Promise<ConnectionStatus>;
  /**
   * The paired status the last popup saw (lib/popup/snapshot): the popup starts as connected with
   * it, so the clip form draws at once, and then asks as before.
   */
  lastStatus?: ConnectionStatus;
}

export type PairingStep = 'loading' | 'start' | 'code' | 'key' | 'connected';

export interface PairingState {
  step: PairingStep;
  busy: boolean;
  /** What went wrong, in words that say what to do. */
  error?: string;
  /** The error's kind, when it has one: the view offers the step it names (e.g. Connect). */
  errorKind?: AnytypeErrorKind;
  /** A neutral note (e.g. where to revoke a key after Disconnect). */
  info?: string;
  status?: ConnectionStatus;
  /** Step `code`: whole seconds left to approve the request in Anytype; 0 once the prompt lapsed. */
  approvalSecondsLeft?: number;
  /** Step `code`: the approval prompt has lapsed (a code already shown still works). */
  lapsed?: boolean;
  /** Anytype denied the extension and, as far as the popup knows, has not restarted since. */
  denied?: boolean;
}

export const CODE_PATTERN = /^\d{4}$/;

/** Kinds after which the challenge is gone: the person starts again with Connect. */
const ENDS_CHALLENGE = new Set<AnytypeErrorKind>(['pairing_denied', 'pairing_lapsed', 'scoped_key', 'key_expired']);

function kindOf(error: unknown): AnytypeErrorKind | undefined {
  if (isAnytypeError(error)) return error.kind;
  if (error instanceof BackgroundError && (ENDS_CHALLENGE.has(error.code as AnytypeErrorKind) || error.code === 'unauthorized')) {
    return error.code as AnytypeErrorKind;
  }
  return undefined;
}

export function createPairingController(deps: PairingDeps, onChange: (state: PairingState) => void) {
  const clock = deps.clock ?? systemClock;
  // The early answer stands for the first init only; a later one asks again.
  let early = deps.localStatus;
  let stopClock: (() => void) | undefined;
  let state: PairingState = deps.lastStatus?.paired
    ? { step: 'connected', busy: false, status: deps.lastStatus }
    : { step: 'loading', busy: false };

  function set(next: Partial<PairingState>): void {
    state = { ...state, ...next };
    onChange(state);
  }

  function messageOf(error: unknown): string {
    if (isAnytypeError(error) || error instanceof BackgroundError) return error.message;
    return i18n.t('app.genericError');
  }

  function fail(kind: AnytypeErrorKind): Partial<PairingState> {
    return { error: userMessage(kind), errorKind: kind };
  }

  function baseUrl(): string {
    if (!state.status) throw new Error('status not loaded');
    return state.status.baseUrl;
  }

  function secondsLeft(createdAt: number): number {
    return Math.max(0, Math.ceil((createdAt + APPROVAL_WINDOW_MS - clock.now()) / 1000));
  }

  function endClock(): void {
    stopClock?.();
    stopClock = undefined;
  }

  /** Step `code` for a challenge made at `createdAt`: the clock runs until approval lapses. */
  function showCode(createdAt: number): void {
    endClock();
    const left = secondsLeft(createdAt);
    if (left === 0) {
      set({ step: 'code', approvalSecondsLeft: 0, lapsed: true, ...fail('pairing_lapsed') });
      return;
    }
    set({ step: 'code', approvalSecondsLeft: left, lapsed: false });
    stopClock = clock.every(1000, () => {
      const now = secondsLeft(createdAt);
      if (now === state.approvalSecondsLeft) return;
      if (now > 0) return set({ approvalSecondsLeft: now });
      endClock();
      set({ approvalSecondsLeft: 0, lapsed: true, ...fail('pairing_lapsed') });
    });
  }

  /** Back to Connect, with the challenge forgotten. */
  async function restart(next: Partial<PairingState>): Promise<void> {
    endClock();
    await deps.pending.clear();
    set({ step: 'start', approvalSecondsLeft: undefined, lapsed: false, ...next });
  }

  async function run(task: () => Promise<void>): Promise<void> {
    if (state.busy) return;
    set({ busy: true, error: undefined, errorKind: undefined, info: undefined });
    try {
      await task();
    } catch (error) {
      set({ error: messageOf(error), errorKind: kindOf(error) });
    } finally {
      set({ busy: false });
    }
  }

  /** What a refusal during pairing means for the flow; true when it was handled here. */
  async function refused(error: unknown): Promise<boolean> {
    const kind = kindOf(error);
    if (kind === 'pairing_denied') {
      await deps.pending.markDenied(baseUrl());
      await restart({ denied: true, ...fail(kind) });
      return true;
    }
    if (kind && ENDS_CHALLENGE.has(kind)) {
      await restart(fail(kind));
      return true;
    }
    return false;
  }

  return {
    get state(): PairingState {
      return state;
    },

    async init(): Promise<void> {
      try {
        // What the extension knows first (a key is kept), so the clip form opens at once; then Anytype's answer.
        const asked = early ?? deps.background.call('connection.status', { local: true });
        early = undefined;
        const local = await asked;
        if (local.paired) {
          set({ step: 'connected', status: local });
          const status = await deps.background.call('connection.status', {});
          if (state.step === 'connected') set({ step: status.paired ? 'connected' : 'start', status });
          return;
        }
        const denied = await deps.pending.isDenied(local.baseUrl);
        const pending = await deps.pending.load(local.baseUrl);
        set({ status: local, denied });
        if (pending) showCode(pending.createdAt);
        else set({ step: 'start' });
      } catch (error) {
        set({ step: 'start', error: messageOf(error) });
      }
    },

    /**
     * One challenge. After a denial Anytype refuses every request until it restarts, so Connect
     * sends nothing until the person says it has (`restarted`).
     */
    connect: (options: { restarted?: boolean } = {}) =>
      run(async () => {
        if (options.restarted) await deps.pending.clearDenied();
        else if (await deps.pending.isDenied(baseUrl())) {
          set({ step: 'start', denied: true, ...fail('pairing_denied') });
          return;
        }
        set({ denied: false });
        let challengeId: string;
        try {
          ({ challengeId } = await deps.makeAuth(baseUrl()).createChallenge(deps.appName));
        } catch (error) {
          if (await refused(error)) return;
          throw error;
        }
        const pending = await deps.pending.save(challengeId, baseUrl());
        showCode(pending.createdAt);
      }),

    pair: (rawCode: string) =>
      run(async () => {
        const code = rawCode.trim();
        if (!CODE_PATTERN.test(code)) {
          set({ error: i18n.t('pairing.errors.badCode') });
          return;
        }
        const pending = await deps.pending.load(baseUrl());
        if (!pending) {
          await restart({ error: i18n.t('pairing.errors.ended') });
          return;
        }
        try {
          const { apiKey, grant } = await deps.makeAuth(baseUrl()).createApiKey(pending.challengeId, code);
          // A key Anytype made narrower than all spaces with write access would be refused on every
          // clip: it is not kept, and the person is told how to pair for a full one.
          if (grant && !isFullGrant(grant)) {
            await restart(fail('scoped_key'));
            return;
          }
          const status = await deps.background.call('connection.saveKey', grant ? { apiKey, grant } : { apiKey });
          endClock();
          await deps.pending.clear();
          set({ step: 'connected', status, approvalSecondsLeft: undefined, lapsed: false });
        } catch (error) {
          if (await refused(error)) return;
          throw error;
        }
      }),

    /** Asks Anytype again (the action offered with a passing problem: not running, busy). */
    recheck: () =>
      run(async () => {
        const status = await deps.background.call('connection.status', {});
        set({ step: status.paired ? 'connected' : 'start', status });
      }),

        showKeyForm(): void {
      set({ step: 'key', error: undefined, errorKind: undefined, info: undefined });
    },

    /** A pasted key is checked by the background with one call; a scoped or expired one is not kept. */
    saveKey: (rawKey: string) =>
      run(async () => {
        const apiKey = rawKey.trim();
        if (keyFormat(apiKey) === undefined) {
          set({ error: i18n.t('pairing.errors.shortKey') });
          return;
        }
        const status = await deps.background.call('connection.saveKey', { apiKey });
        set({ step: 'connected', status });
      }),

    cancel: () =>
      run(async () => {
        await restart({});
      }),

    disconnect: () =>
      run(async () => {
        const status = await deps.background.call('connection.disconnect', {});
        set({
          step: 'start',
          status,
          info: i18n.t('pairing.disconnected'),
        });
      }),

    /** The popup closes: no clock keeps running for it. */
    dispose(): void {
      endClock();
    },
  };
}

export type PairingController = ReturnType<typeof createPairingController>;
