/**
 * Pairing and API keys, in the three behaviours Anytype builds have shown (see FACTS.md):
 * - classic: 50 challenges per run, never expire, unlimited tries;
 * - strict: the challenge request waits for approval in Desktop, then the code lives 5 minutes with 5 tries,
 *   20 failures lock pairing, 10 per caller and 30 per run;
 * - current (builds of 2026): the challenge answers at once and Desktop shows an approval prompt (lapses after
 *   180 s); approving picks a grant (spaces, read or read & write) and only then mints the code; solving before
 *   approval is refused without counting as a try; one prompt per caller; keys carry their grant, may expire,
 *   and a key narrower than all spaces with write access is refused on every /v1 route.
 */
import { randomInt } from 'node:crypto';
import { ApiError } from './errors';
import { apiKey, currentApiKey, challengeId } from './ids';
import {
  FULL_GRANT,
  type IssueKeyOptions,
  type KeyGrant,
  type PairingEvent,
  type PendingChallenge,
  type SandboxMode,
} from './types';

type ChallengeState = 'prompt' | 'approved' | 'denied' | 'lapsed' | 'replaced' | 'used' | 'burnt';

interface Challenge {
  challengeId: string;
  appName: string;
  code: string;
  state: ChallengeState;
  createdAt: number;
  approvedAt: number | null;
  grant: KeyGrant | null;
  tries: number;
  waiters: (() => void)[];
  lapseTimer?: ReturnType<typeof setTimeout>;
}

interface KeyRecord {
  appName: string;
  revoked: boolean;
  grant: KeyGrant | null;
  expiresAt: number | null;
}

export interface AuthOptions {
  log: (line: string) => void;
  approvalTimeoutMs: number;
  codeTtlMs: number;
  promptTimeoutMs: number;
  onPairing?: (event: PairingEvent) => void;
  now?: () => number;
}

const CLASSIC_RUN_LIMIT = 50;
const STRICT_RUN_LIMIT = 30;
const STRICT_CALLER_LIMIT = 10;
const STRICT_TRIES = 5;
const STRICT_LOCK_AFTER = 20;

export const SCOPED_KEY_CODE = 'v1_not_available_for_scoped_keys';
export const INSUFFICIENT_SCOPE = 'Bearer error="insufficient_scope"';

const challengeFailed = () => new ApiError(500, 'failed to create a new challenge', { clientFault: false });
const authFailed = () => new ApiError(500, 'failed to authenticate user', { clientFault: false });
/** The pairing refusals of 2026 come from the auth middleware in the ordinary error envelope. */
const pairingRefusal = (code: string, message: string) =>
  new ApiError(403, message, { code, clientFault: false, component: 'ForbiddenError' });
const deniedRefusal = () => pairingRefusal('challenge_denied', 'the request from this app was denied in Anytype');

/** Narrower than all spaces with read & write: /v1 refuses it. */
export function isScoped(grant: KeyGrant | null): boolean {
  return grant !== null && !(grant.all_spaces && grant.permission === 'readwrite');
}

export class Auth {
  mode: SandboxMode;
  private readonly opts: AuthOptions;
  private readonly now: () => number;
  private keys = new Map<string, KeyRecord>();
  private challenges = new Map<string, Challenge>();
  private perCaller = new Map<string, number>();
  /** Callers the person denied in Desktop: refused until restart. */
  private denied = new Set<string>();
  private created = 0;
  private failures = 0;
  private watchers: (() => void)[] = [];
  private chosenGrant: KeyGrant = FULL_GRANT;
  private readonly initial: AuthOptions;

  constructor(mode: SandboxMode, opts: AuthOptions) {
    this.mode = mode;
    this.opts = { ...opts };
    this.initial = opts;
    this.now = opts.now ?? Date.now;
  }

  /** Shorter prompt or code lifetimes for a test; `reset()` restores the sandbox's own. */
  setTimeouts(t: { promptTimeoutMs?: number; codeTtlMs?: number }): void {
    if (t.promptTimeoutMs !== undefined) this.opts.promptTimeoutMs = t.promptTimeoutMs;
    if (t.codeTtlMs !== undefined) this.opts.codeTtlMs = t.codeTtlMs;
  }

  /** A restart of "Desktop": counters, challenges and denials go, keys stay unless asked. */
  reset(keys: boolean): void {
    if (keys) this.keys = new Map();
    for (const c of this.challenges.values()) {
      const open = c.state === 'prompt' || c.state === 'approved';
      this.end(c, 'burnt');
      if (open && this.mode === 'current') this.emit({ type: 'ended', challengeId: c.challengeId, appName: c.appName, why: 'reset' });
    }
    this.challenges = new Map();
    this.perCaller = new Map();
    this.denied = new Set();
    this.created = 0;
    this.failures = 0;
    this.chosenGrant = FULL_GRANT;
    this.opts.promptTimeoutMs = this.initial.promptTimeoutMs;
    this.opts.codeTtlMs = this.initial.codeTtlMs;
  }

  private emit(event: PairingEvent): void {
    this.opts.onPairing?.(event);
  }

  private limited(appName: string): boolean {
    const mine = this.perCaller.get(appName) ?? 0;
    if (this.created >= (this.mode === 'classic' ? CLASSIC_RUN_LIMIT : STRICT_RUN_LIMIT)) return true;
    return this.mode !== 'classic' && (mine >= STRICT_CALLER_LIMIT || this.failures >= STRICT_LOCK_AFTER);
  }

  async createChallenge(appName: string): Promise<string> {
    if (this.mode === 'current' && this.denied.has(appName)) throw deniedRefusal();
    if (this.limited(appName) || (this.mode === 'strict' && this.denied.has(appName))) throw challengeFailed();
    this.created++;
    this.perCaller.set(appName, (this.perCaller.get(appName) ?? 0) + 1);
    if (this.mode === 'current') return this.prompt(appName);
    const strict = this.mode === 'strict';
    const c = this.newChallenge(appName, strict ? 'prompt' : 'approved');
    c.code = newCode();
    if (!strict) {
      this.showCode(c);
      return c.challengeId;
    }
    this.opts.log(`Anytype pairing request from "${appName}" waiting for approval (challenge ${c.challengeId})`);
    const approved = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), this.opts.approvalTimeoutMs);
      c.waiters.push(() => {
        clearTimeout(timer);
        resolve(c.state === 'approved');
      });
    });
    if (!approved) {
      if (c.state === 'prompt') this.end(c, 'lapsed');
      throw challengeFailed();
    }
    return c.challengeId;
  }

  private newChallenge(appName: string, state: ChallengeState): Challenge {
    const c: Challenge = {
      challengeId: challengeId(),
      appName,
      code: '',
      state,
      createdAt: this.now(),
      approvedAt: state === 'approved' ? this.now() : null,
      grant: null,
      tries: 0,
      waiters: [],
    };
    this.challenges.set(c.challengeId, c);
    for (const w of this.watchers.splice(0)) w();
    return c;
  }

  /** Current mode: the prompt shows in Desktop and the request answers at once. */
  private prompt(appName: string): string {
    // One pending prompt per caller: a new challenge ends the old one and its code.
    for (const old of this.challenges.values()) {
      if (old.appName === appName && (old.state === 'prompt' || old.state === 'approved')) {
        this.end(old, 'replaced');
        this.emit({ type: 'ended', challengeId: old.challengeId, appName, why: 'replaced' });
      }
    }
    const c = this.newChallenge(appName, 'prompt');
    const lapsesAt = c.createdAt + this.opts.promptTimeoutMs;
    c.lapseTimer = setTimeout(() => this.lapseIfUnanswered(c), this.opts.promptTimeoutMs);
    c.lapseTimer.unref?.();
    this.opts.log(`Anytype pairing request from "${appName}": approve or deny it (challenge ${c.challengeId})`);
    this.emit({ type: 'prompt', challengeId: c.challengeId, appName, lapsesAt });
    return c.challengeId;
  }

  private lapseIfUnanswered(c: Challenge): void {
    if (c.state !== 'prompt') return;
    this.end(c, 'lapsed');
    this.opts.log(`Anytype pairing request from "${c.appName}" lapsed unanswered`);
    this.emit({ type: 'ended', challengeId: c.challengeId, appName: c.appName, why: 'lapsed' });
  }

  private promptLapsed(c: Challenge): boolean {
    return c.state === 'prompt' && this.mode === 'current' && this.now() - c.createdAt >= this.opts.promptTimeoutMs;
  }

  private showCode(c: Challenge): void {
    this.opts.log(`Anytype pairing code for "${c.appName}": ${c.code}`);
  }

  private end(c: Challenge, state: ChallengeState): void {
    c.state = state;
    if (c.lapseTimer) clearTimeout(c.lapseTimer);
    for (const w of c.waiters.splice(0)) w();
  }

  pending(): PendingChallenge[] {
    return [...this.challenges.values()]
      .filter((c) => (c.state === 'prompt' && !this.promptLapsed(c)) || (c.state === 'approved' && !this.expired(c)))
      .map((c) => ({
        challengeId: c.challengeId,
        appName: c.appName,
        code: c.code,
        approved: c.state === 'approved',
        lapsesAt: this.mode === 'current' && c.state === 'prompt' ? c.createdAt + this.opts.promptTimeoutMs : null,
      }));
  }

  /**
   * The given waiting request, or else the oldest. Without an id it waits up to 10 s for a request to
   * arrive, so a test can click "Connect" and approve without racing the browser.
   */
  private async waiting(id?: string): Promise<Challenge> {
    const find = () =>
      [...this.challenges.values()].find(
        (c) => c.state === 'prompt' && !this.promptLapsed(c) && (id === undefined || c.challengeId === id),
      );
    let c = find();
    const deadline = id === undefined ? Date.now() + 10_000 : 0;
    while (!c && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 250);
        this.watchers.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
      c = find();
    }
    if (!c) throw new Error(id ? `no pending challenge ${id}` : 'no pending challenge to approve');
    return c;
  }

  async approve(id?: string, grant?: KeyGrant): Promise<void> {
    const c = await this.waiting(id);
    c.state = 'approved';
    c.approvedAt = this.now();
    if (c.lapseTimer) clearTimeout(c.lapseTimer);
    if (this.mode === 'current') {
      // The code exists only from approval on.
      c.code = newCode();
      c.grant = { ...(grant ?? this.chosenGrant) };
      this.emit({ type: 'code', challengeId: c.challengeId, appName: c.appName, code: c.code, grant: c.grant });
    }
    this.showCode(c);
    for (const w of c.waiters.splice(0)) w();
  }

  /** The person clicks "Deny": this request fails and the caller stays refused for the run. */
  async deny(id?: string): Promise<void> {
    const c = await this.waiting(id);
    this.end(c, 'denied');
    this.denied.add(c.appName);
    this.opts.log(`Anytype pairing request from "${c.appName}" denied`);
    if (this.mode === 'current') this.emit({ type: 'ended', challengeId: c.challengeId, appName: c.appName, why: 'denied' });
  }

  chooseGrant(grant: KeyGrant): void {
    this.chosenGrant = { ...grant, space_ids: [...grant.space_ids] };
  }

  private expired(c: Challenge): boolean {
    return this.mode !== 'classic' && c.approvedAt !== null && this.now() - c.approvedAt > this.opts.codeTtlMs;
  }

  /** Current mode: the refusals that come before a code is looked at, none counted as a try. */
  private refuseUnsolvable(c: Challenge | undefined): void {
    if (this.mode !== 'current' || !c) return;
    if (c.state === 'denied') throw deniedRefusal();
    if (c.state === 'lapsed' || this.promptLapsed(c)) {
      throw pairingRefusal('challenge_expired', 'the request was not approved in time');
    }
    if (c.state === 'prompt') {
      throw pairingRefusal('challenge_not_approved', 'CHALLENGE_NOT_APPROVED: approve the request in Anytype first');
    }
  }

  /** The new key and, in current mode, the grant chosen while approving. */
  createApiKey(id: string, code: string): { key: string; grant: KeyGrant | null } {
    const counting = this.mode !== 'classic';
    if (counting && this.failures >= STRICT_LOCK_AFTER) throw authFailed();
    const c = this.challenges.get(id);
    this.refuseUnsolvable(c);
    if (!c || c.state !== 'approved' || this.expired(c) || c.code !== code) {
      if (c && (c.state === 'approved' || c.state === 'prompt')) {
        c.tries++;
        if (counting && c.tries >= STRICT_TRIES) this.end(c, 'burnt');
      }
      this.failures++;
      throw authFailed();
    }
    this.end(c, 'used');
    if (this.mode === 'current') this.emit({ type: 'ended', challengeId: c.challengeId, appName: c.appName, why: 'used' });
    const grant = this.mode === 'current' ? c.grant : null;
    return { key: this.issueKey(c.appName, { grant: grant ?? undefined }), grant };
  }

  issueKey(appName: string, opts: IssueKeyOptions = {}): string {
    const key = this.mode === 'current' ? currentApiKey() : apiKey();
    this.keys.set(key, {
      appName,
      revoked: false,
      grant: opts.grant ? { ...opts.grant } : this.mode === 'current' ? { ...FULL_GRANT } : null,
      expiresAt: opts.expiresInMs === undefined ? null : this.now() + opts.expiresInMs,
    });
    return key;
  }

  private record(key: string): KeyRecord {
    const k = this.keys.get(key);
    if (!k) throw new Error('unknown key');
    return k;
  }

  revokeKey(key: string): void {
    const k = this.keys.get(key);
    if (k) k.revoked = true;
  }

  expireKey(key: string, inMs = 0): void {
    this.record(key).expiresAt = this.now() + inMs;
  }

  setKeyGrant(key: string, grant: KeyGrant): void {
    this.record(key).grant = { ...grant, space_ids: [...grant.space_ids] };
  }

  /** Throws the 401 the server gives for a missing, unknown, revoked or expired key, and the 403 for a scoped one. */
  checkBearer(header: string | undefined, path = '/v1/'): void {
    const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
    if (!m) throw new ApiError(401, 'missing or malformed authorization header', { clientFault: false });
    const k = this.keys.get((m[1] as string).trim());
    if (!k) throw new ApiError(401, 'invalid api key', { clientFault: false });
    // A key deleted in Desktop is unknown from then on; an expiry has its own answer.
    if (k.revoked) throw new ApiError(401, 'invalid api key', { clientFault: false });
    if (k.expiresAt !== null && this.now() >= k.expiresAt) throw new ApiError(401, 'api key expired', { clientFault: false });
    if (path.startsWith('/v1/') && isScoped(k.grant)) {
      throw new ApiError(403, 'this key is limited to some spaces or to reading; /v1 needs a key for all spaces with read & write', {
        code: SCOPED_KEY_CODE,
        clientFault: false,
        component: 'ForbiddenError',
        headers: { 'WWW-Authenticate': INSUFFICIENT_SCOPE },
      });
    }
  }
}

function newCode(): string {
  return String(randomInt(0, 10_000)).padStart(4, '0');
}
