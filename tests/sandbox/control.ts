/**
 * The control channel: the same operations in-process (`sandbox.control`) and over HTTP under
 * /__sandbox/… (GET for reads, POST with a JSON body for actions). Never validated, never logged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { writeJson } from './http-io';
import type { SandboxState } from './state';
import type { Faults, SandboxControl, SandboxMode } from './types';

export function createControl(state: SandboxState): SandboxControl {
  return {
    pendingChallenges: async () => state.auth.pending(),
    approve: (challengeId) => state.auth.approve(challengeId),
    deny: (challengeId) => state.auth.deny(challengeId),
    setMode: async (mode) => state.setMode(mode),
    setFaults: async (f) => state.setFaults(f),
    issueKey: async (appName) => state.auth.issueKey(appName ?? 'sandbox'),
    revokeKey: async (key) => state.auth.revokeKey(key),
    log: async () => state.log.map((e) => ({ ...e })),
    clearLog: async () => {
      state.log.length = 0;
    },
    objects: async (spaceId) => state.vault.stored(spaceId),
    spaces: async () => state.vault.spaces.map((s) => ({ id: s.id, name: s.name, isChat: s.kind === 'anytype.chatspace' })),
    violations: async () => [...state.violations],
    reset: async (opts) => state.reset(opts?.keys ?? false),
  };
}

type Args = Record<string, unknown>;

/** Control operation name → how to call it with the decoded HTTP arguments. */
const OPERATIONS: Record<string, (c: SandboxControl, a: Args) => Promise<unknown>> = {
  'pending-challenges': (c) => c.pendingChallenges(),
  approve: (c, a) => c.approve(typeof a.challengeId === 'string' ? a.challengeId : undefined),
  deny: (c, a) => c.deny(typeof a.challengeId === 'string' ? a.challengeId : undefined),
  mode: (c, a) => c.setMode(a.mode as SandboxMode),
  faults: (c, a) => c.setFaults(a as Partial<Faults>),
  'issue-key': async (c, a) => ({ key: await c.issueKey(typeof a.appName === 'string' ? a.appName : undefined) }),
  'revoke-key': (c, a) => c.revokeKey(String(a.key)),
  log: (c) => c.log(),
  'clear-log': (c) => c.clearLog(),
  objects: (c, a) => c.objects(typeof a.spaceId === 'string' ? a.spaceId : undefined),
  spaces: (c) => c.spaces(),
  violations: (c) => c.violations(),
  reset: (c, a) => c.reset({ keys: a.keys === true }),
};

export const CONTROL_PREFIX = '/__sandbox/';

export async function handleControl(control: SandboxControl, _req: IncomingMessage, res: ServerResponse, url: URL, bodyText: string): Promise<void> {
  const name = url.pathname.slice(CONTROL_PREFIX.length);
  const op = OPERATIONS[name];
  if (!op) return writeJson(res, 404, { error: `unknown control operation "${name}"` });
  let args: Args = Object.fromEntries(url.searchParams);
  if (bodyText !== '') {
    try {
      args = { ...args, ...(JSON.parse(bodyText) as Args) };
    } catch {
      return writeJson(res, 400, { error: 'control body must be JSON' });
    }
  }
  try {
    const result = await op(control, args);
    writeJson(res, 200, result ?? null);
  } catch (e) {
    writeJson(res, 409, { error: e instanceof Error ? e.message : String(e) });
  }
}
