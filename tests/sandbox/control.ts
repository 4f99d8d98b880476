/**
 * The control channel: the same operations in-process (`sandbox.control`) and over HTTP under
 * /__sandbox/… (GET for reads, POST with a JSON body for actions). Never validated, never logged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { writeJson } from './http-io';
import type { SandboxState } from './state';
import { DROP_POINTS, type DropPoint, type Faults, type KeyGrant, SANDBOX_MODES, type SandboxControl, type SandboxMode } from './types';

export function createControl(state: SandboxState): SandboxControl {
  return {
    pendingChallenges: async () => state.auth.pending(),
    approve: (challengeId, grant) => state.auth.approve(challengeId, grant),
    deny: (challengeId) => state.auth.deny(challengeId),
    chooseGrant: async (grant) => state.auth.chooseGrant(grant),
    setPairingTimeouts: async (t) => state.auth.setTimeouts(t),
    expireKey: async (key, inMs) => state.auth.expireKey(key, inMs),
    setKeyGrant: async (key, grant) => state.auth.setKeyGrant(key, grant),
    setMode: async (mode) => state.setMode(mode),
    setFaults: async (f) => state.setFaults(f),
    issueKey: async (appName, opts) => state.auth.issueKey(appName ?? 'sandbox', opts),
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

/** A grant from a control call; a malformed one is refused rather than guessed at. */
function grantArg(value: unknown): KeyGrant | undefined {
  if (value === undefined || value === null) return undefined;
  const g = value as Partial<KeyGrant>;
  const ok =
    typeof g.all_spaces === 'boolean' &&
    Array.isArray(g.space_ids) &&
    g.space_ids.every((id) => typeof id === 'string') &&
    (g.permission === 'read' || g.permission === 'readwrite');
  if (!ok) throw new Error('grant must be {all_spaces: boolean, space_ids: string[], permission: "read"|"readwrite"}');
  return { all_spaces: g.all_spaces as boolean, space_ids: [...(g.space_ids as string[])], permission: g.permission as KeyGrant['permission'] };
}

function requireGrant(value: unknown): KeyGrant {
  const g = grantArg(value);
  if (!g) throw new Error('grant is required');
  return g;
}

/** Control operation name → how to call it with the decoded HTTP arguments. */
const OPERATIONS: Record<string, (c: SandboxControl, a: Args) => Promise<unknown>> = {
  'pending-challenges': (c) => c.pendingChallenges(),
  approve: (c, a) => c.approve(typeof a.challengeId === 'string' ? a.challengeId : undefined, grantArg(a.grant)),
  deny: (c, a) => c.deny(typeof a.challengeId === 'string' ? a.challengeId : undefined),
  'choose-grant': (c, a) => c.chooseGrant(requireGrant(a.grant)),
  'pairing-timeouts': (c, a) =>
    c.setPairingTimeouts({
      promptTimeoutMs: typeof a.promptTimeoutMs === 'number' ? a.promptTimeoutMs : undefined,
      codeTtlMs: typeof a.codeTtlMs === 'number' ? a.codeTtlMs : undefined,
    }),
  'expire-key': (c, a) => c.expireKey(String(a.key), typeof a.inMs === 'number' ? a.inMs : undefined),
  'set-key-grant': (c, a) => c.setKeyGrant(String(a.key), requireGrant(a.grant)),
  mode: (c, a) => {
    if (!SANDBOX_MODES.includes(a.mode as SandboxMode)) throw new Error(`mode must be one of ${SANDBOX_MODES.join(', ')}`);
    return c.setMode(a.mode as SandboxMode);
  },
  faults: (c, a) => {
    if ('dropPoint' in a && !DROP_POINTS.includes(a.dropPoint as DropPoint)) {
      throw new Error(`dropPoint must be one of ${DROP_POINTS.join(', ')}`);
    }
    return c.setFaults(a as Partial<Faults>);
  },
  'issue-key': async (c, a) => ({
    key: await c.issueKey(typeof a.appName === 'string' ? a.appName : undefined, {
      grant: grantArg(a.grant),
      expiresInMs: typeof a.expiresInMs === 'number' ? a.expiresInMs : undefined,
    }),
  }),
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
