/**
 * The popup's pairing flow as plain state transitions, so it can be tested without a browser.
 *
 * The popup itself calls the challenge endpoints (the key is in the popup only between
 * `createApiKey` and `connection.saveKey`), and the background keeps the key. Connect starts
 * exactly one challenge per click: Anytype caps challenges per run, so nothing here retries.
 */
import { i18n } from '#i18n';
import { isAnytypeError } from '../anytype/errors';
import { BackgroundError, type BackgroundClient } from '../protocol/client';
import type { MessageOutput } from '../protocol/messages';
import type { PendingChallengeStore } from './pending-challenge';

export type ConnectionStatus = MessageOutput<'connection.status'>;

export interface PairingAuth {
  createChallenge(appName: string): Promise<{ challengeId: string }>;
  createApiKey(challengeId: string, code: string): Promise<{ apiKey: string }>;
}

export interface PairingDeps {
  background: BackgroundClient;
  makeAuth(baseUrl: string): PairingAuth;
  pending: PendingChallengeStore;
  appName: string;
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
  /** A neutral note (e.g. where to revoke a key after Disconnect). */
  info?: string;
  status?: ConnectionStatus;
}

export const CODE_PATTERN = /^\d{4}$/;

export function createPairingController(deps: PairingDeps, onChange: (state: PairingState) => void) {
  // The early answer stands for the first init only; a later one asks again.
  let early = deps.localStatus;
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

  function baseUrl(): string {
    if (!state.status) throw new Error('status not loaded');
    return state.status.baseUrl;
  }

  async function run(task: () => Promise<void>): Promise<void> {
    if (state.busy) return;
    set({ busy: true, error: undefined, info: undefined });
    try {
      await task();
    } catch (error) {
      set({ error: messageOf(error) });
    } finally {
      set({ busy: false });
    }
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
        const pending = await deps.pending.load(local.baseUrl);
        set({ step: pending ? 'code' : 'start', status: local });
      } catch (error) {
        set({ step: 'start', error: messageOf(error) });
      }
    },

    connect: () =>
      run(async () => {
        const { challengeId } = await deps.makeAuth(baseUrl()).createChallenge(deps.appName);
        await deps.pending.save(challengeId, baseUrl());
        set({ step: 'code' });
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
          set({ step: 'start', error: i18n.t('pairing.errors.ended') });
          return;
        }
        const { apiKey } = await deps.makeAuth(baseUrl()).createApiKey(pending.challengeId, code);
        const status = await deps.background.call('connection.saveKey', { apiKey });
        await deps.pending.clear();
        set({ step: 'connected', status });
      }),

    showKeyForm(): void {
      set({ step: 'key', error: undefined, info: undefined });
    },

    saveKey: (rawKey: string) =>
      run(async () => {
        const apiKey = rawKey.trim();
        if (apiKey.length < 8) {
          set({ error: i18n.t('pairing.errors.shortKey') });
          return;
        }
        const status = await deps.background.call('connection.saveKey', { apiKey });
        set({ step: 'connected', status });
      }),

    cancel: () =>
      run(async () => {
        await deps.pending.clear();
        set({ step: 'start' });
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
  };
}

export type PairingController = ReturnType<typeof createPairingController>;
