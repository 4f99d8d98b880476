/** SandboxControl over HTTP, for e2e tests that run the sandbox in another process. */
import type { Faults, LogEntry, PendingChallenge, SandboxControl, SandboxMode, SpecViolation, StoredObject } from './types';

export function createControlClient(sandboxUrl: string): SandboxControl {
  const base = sandboxUrl.replace(/\/+$/, '');
  async function call<T>(name: string, args?: Record<string, unknown>): Promise<T> {
    const res = await fetch(`${base}/__sandbox/${name}`, {
      method: args ? 'POST' : 'GET',
      headers: args ? { 'Content-Type': 'application/json' } : {},
      body: args ? JSON.stringify(args) : undefined,
    });
    const body = (await res.json()) as unknown;
    if (!res.ok) throw new Error(`sandbox control ${name}: ${(body as { error?: string }).error ?? res.status}`);
    return body as T;
  }
  return {
    pendingChallenges: () => call<PendingChallenge[]>('pending-challenges'),
    approve: async (challengeId, grant) => {
      await call('approve', { ...(challengeId === undefined ? {} : { challengeId }), ...(grant === undefined ? {} : { grant }) });
    },
    deny: async (challengeId) => {
      await call('deny', challengeId === undefined ? {} : { challengeId });
    },
    chooseGrant: async (grant) => {
      await call('choose-grant', { grant });
    },
    setPairingTimeouts: async (t) => {
      await call('pairing-timeouts', t);
    },
    expireKey: async (key, inMs) => {
      await call('expire-key', inMs === undefined ? { key } : { key, inMs });
    },
    setKeyGrant: async (key, grant) => {
      await call('set-key-grant', { key, grant });
    },
    setMode: async (mode: SandboxMode) => {
      await call('mode', { mode });
    },
    setFaults: async (f: Partial<Faults>) => {
      await call('faults', f);
    },
    issueKey: async (appName, opts) =>
      (await call<{ key: string }>('issue-key', { ...(appName === undefined ? {} : { appName }), ...opts })).key,
    revokeKey: async (key) => {
      await call('revoke-key', { key });
    },
    log: () => call<LogEntry[]>('log'),
    clearLog: async () => {
      await call('clear-log', {});
    },
    objects: (spaceId) => call<StoredObject[]>('objects', spaceId === undefined ? {} : { spaceId }),
    spaces: () => call<{ id: string; name: string; isChat: boolean }[]>('spaces'),
    violations: () => call<SpecViolation[]>('violations'),
    reset: async (opts) => {
      await call('reset', { keys: opts?.keys === true });
    },
  };
}
