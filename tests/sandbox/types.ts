/** Public types of the Anytype sandbox (see /tmp/team/CONTRACTS.md). */
export type SandboxMode = 'classic' | 'strict' | 'current';
export const SANDBOX_MODES: readonly SandboxMode[] = ['classic', 'strict', 'current'];

/** What a key may reach, in the server's own shape (builds of 2026, `current` mode). */
export interface KeyGrant {
  all_spaces: boolean;
  space_ids: string[];
  permission: 'read' | 'readwrite';
}

export const FULL_GRANT: KeyGrant = { all_spaces: true, space_ids: [], permission: 'readwrite' };

export interface IssueKeyOptions {
  /** Current mode: what the key may reach (default: all spaces, read & write). */
  grant?: KeyGrant;
  /** The key answers 401 `api key expired` from this many ms on; absent: never. */
  expiresInMs?: number;
}

export type DropPoint = 'before_headers' | 'after_headers' | 'mid_body';
export const DROP_POINTS: readonly DropPoint[] = ['before_headers', 'after_headers', 'mid_body'];

export interface Faults {
  /** Destroy every API socket without an answer, so fetch fails like a refused connection. */
  refuse: boolean;
  /** Wait this long before handling each API request. */
  delayMs: number;
  /** The next N object creates store the object, then answer 500 (Desktop pastes the body in a second step). */
  failAfterCreate: number;
  /** The next N object creates are refused with 400 and store nothing (a clip Anytype will not take as it is). */
  rejectCreates: number;
  /** The next N object creates store the object, then the connection drops (at `dropPoint`). */
  dropAfterCreate: number;
  /**
   * Where a dropped create's connection is cut: before any byte of the answer (a browser resends the
   * request by itself when that socket was a reused keep-alive one), after the status line and
   * headers, or halfway through the body (the headers promised more).
   */
  dropPoint: DropPoint;
  /** Every authenticated route answers 401. */
  unauthorizedAll: boolean;
  /** One token bucket shared by every write; null turns the limiter off. */
  writeLimit: { perSecond: number; burst: number } | null;
}

export interface SpecViolation {
  direction: 'request' | 'response';
  method: string;
  path: string;
  message: string;
}

export interface LogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  origin: string | null;
  authorization: string | null;
  secFetchSite: string | null;
  /** The Anytype-Version request header (the server ignores it; the spec requires it). */
  anytypeVersion: string | null;
  /** Parsed JSON body, the raw text when it is not JSON, null when empty. */
  body: unknown;
  /** 0 when the socket was destroyed before any answer (`refuse`, `dropAfterCreate` before headers). */
  status: number;
  /** Set when the answer was cut (the `dropAfterCreate` fault). */
  dropped?: DropPoint;
}

export type StoredValue = string | number | boolean | string[] | null;

export interface StoredObject {
  id: string;
  space_id: string;
  type_key: string;
  name: string;
  markdown: string;
  /** property key → value; select/multi_select hold tag ids, objects/files hold ids. */
  properties: Record<string, StoredValue>;
  /** Ids of the collections this object was added to. */
  lists: string[];
  template_id: string | null;
  archived: boolean;
}

export interface PendingChallenge {
  challengeId: string;
  appName: string;
  /** '' until the person approves (current mode mints the code only then). */
  code: string;
  approved: boolean;
  /** Current mode: when the unanswered prompt lapses (epoch ms); null once answered or in other modes. */
  lapsesAt?: number | null;
}

/** What the terminal (or a test) hears about pairing requests in current mode. */
export type PairingEvent =
  | { type: 'prompt'; challengeId: string; appName: string; lapsesAt: number }
  | { type: 'code'; challengeId: string; appName: string; code: string; grant: KeyGrant | null }
  | { type: 'ended'; challengeId: string; appName: string; why: 'lapsed' | 'denied' | 'replaced' | 'used' | 'reset' };

export interface SandboxControl {
  pendingChallenges(): Promise<PendingChallenge[]>;
  /** Current mode: `grant` is what the person picks while approving (default: the chosen grant, see chooseGrant). */
  approve(challengeId?: string, grant?: KeyGrant): Promise<void>;
  /** Strict and current mode: the person denies the request; that app_name is refused until reset. (Beyond CONTRACTS.md.) */
  deny(challengeId?: string): Promise<void>;
  /** Current mode: the grant later approvals give when none is passed (reset: all spaces, read & write). */
  chooseGrant(grant: KeyGrant): Promise<void>;
  /** Current mode: shorter prompt (or code) lifetimes, for tests; `reset()` restores them. */
  setPairingTimeouts(t: { promptTimeoutMs?: number; codeTtlMs?: number }): Promise<void>;
  /** The key answers 401 `api key expired` from now on (or after `inMs`). */
  expireKey(key: string, inMs?: number): Promise<void>;
  /** Desktop changed what the key may reach; applies from the next request. */
  setKeyGrant(key: string, grant: KeyGrant): Promise<void>;
  setMode(mode: SandboxMode): Promise<void>;
  setFaults(f: Partial<Faults>): Promise<void>;
  issueKey(appName?: string, opts?: IssueKeyOptions): Promise<string>;
  revokeKey(key: string): Promise<void>;
  log(): Promise<LogEntry[]>;
  clearLog(): Promise<void>;
  objects(spaceId?: string): Promise<StoredObject[]>;
  spaces(): Promise<{ id: string; name: string; isChat: boolean }[]>;
  violations(): Promise<SpecViolation[]>;
  reset(opts?: { keys?: boolean }): Promise<void>;
}

export interface SandboxOptions {
  port?: number;
  host?: string;
  mode?: SandboxMode;
  log?: (line: string) => void;
  /** Strict mode: how long POST /v1/auth/challenges waits for `approve` (Desktop: 60 s). */
  approvalTimeoutMs?: number;
  /** Strict and current mode: how long an approved code stays valid (Desktop: 5 min). */
  codeTtlMs?: number;
  /** Current mode: how long the approval prompt waits unanswered (Desktop: 180 s). */
  promptTimeoutMs?: number;
  /** Current mode: told of every prompt, code and ending, e.g. for the terminal. */
  onPairing?: (event: PairingEvent) => void;
  /** The clock for prompts, codes, key expiry and the write limiter; tests pass a fake one so a loaded machine cannot flip a result. */
  now?: () => number;
}

export interface Sandbox {
  url: string;
  port: number;
  control: SandboxControl;
  violations(): SpecViolation[];
  close(): Promise<void>;
}
