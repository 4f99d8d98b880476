/**
 * Pairing and API keys, in the two behaviours Anytype builds have shown (see FACTS.md):
 * classic (50 challenges per run, never expire, unlimited tries) and strict (approve in Desktop first,
 * code lives 5 minutes with 5 tries, 20 failures lock pairing, 10 per caller and 30 per run).
 */
import { randomInt } from 'node:crypto';
import { ApiError } from './errors';
import { apiKey, challengeId } from './ids';
import type { PendingChallenge, SandboxMode } from './types';

interface Challenge extends PendingChallenge {
  approvedAt: number | null;
  tries: number;
  done: boolean;
  waiters: (() => void)[];
}

export interface AuthOptions {
  log: (line: string) => void;
  approvalTimeoutMs: number;
  codeTtlMs: number;
}

const CLASSIC_RUN_LIMIT = 50;
const STRICT_RUN_LIMIT = 30;
const STRICT_CALLER_LIMIT = 10;
const STRICT_TRIES = 5;
const STRICT_LOCK_AFTER = 20;

const challengeFailed = () => new ApiError(500, 'failed to create a new challenge', { clientFault: false });
const authFailed = () => new ApiError(500, 'failed to authenticate user', { clientFault: false });

export class Auth {
  mode: SandboxMode;
  private readonly opts: AuthOptions;
  private keys = new Map<string, { appName: string; revoked: boolean }>();
  private challenges = new Map<string, Challenge>();
  private perCaller = new Map<string, number>();
  /** Callers the person denied in Desktop: refused until restart. */
  private denied = new Set<string>();
  private created = 0;
  private failures = 0;
  private watchers: (() => void)[] = [];

  constructor(mode: SandboxMode, opts: AuthOptions) {
    this.mode = mode;
    this.opts = opts;
  }

  /** A restart of "Desktop": counters and challenges go, keys stay unless asked. */
  reset(keys: boolean): void {
    if (keys) this.keys = new Map();
    for (const c of this.challenges.values()) this.finish(c);
    this.challenges = new Map();
    this.perCaller = new Map();
    this.denied = new Set();
    this.created = 0;
    this.failures = 0;
  }

  async createChallenge(appName: string): Promise<string> {
    const strict = this.mode === 'strict';
    const mine = this.perCaller.get(appName) ?? 0;
    if (this.created >= (strict ? STRICT_RUN_LIMIT : CLASSIC_RUN_LIMIT)) throw challengeFailed();
    if (strict && (mine >= STRICT_CALLER_LIMIT || this.failures >= STRICT_LOCK_AFTER || this.denied.has(appName))) {
      throw challengeFailed();
    }
    this.created++;
    this.perCaller.set(appName, mine + 1);
    const c: Challenge = {
      challengeId: challengeId(),
      appName,
      code: String(randomInt(0, 10_000)).padStart(4, '0'),
      approved: !strict,
      approvedAt: strict ? null : Date.now(),
      tries: 0,
      done: false,
      waiters: [],
    };
    this.challenges.set(c.challengeId, c);
    for (const w of this.watchers.splice(0)) w();
    if (!strict) {
      this.showCode(c);
      return c.challengeId;
    }
    this.opts.log(`Anytype pairing request from "${appName}" waiting for approval (challenge ${c.challengeId})`);
    const approved = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), this.opts.approvalTimeoutMs);
      c.waiters.push(() => {
        clearTimeout(timer);
        resolve(c.approved);
      });
    });
    if (!approved) {
      c.done = true;
      throw challengeFailed();
    }
    return c.challengeId;
  }

  private showCode(c: Challenge): void {
    this.opts.log(`Anytype pairing code for "${c.appName}": ${c.code}`);
  }

  private finish(c: Challenge): void {
    for (const w of c.waiters.splice(0)) w();
  }

  pending(): PendingChallenge[] {
    return [...this.challenges.values()]
      .filter((c) => !c.done && !this.expired(c))
      .map(({ challengeId: id, appName, code, approved }) => ({ challengeId: id, appName, code, approved }));
  }

  /**
   * The given waiting request, or else the oldest. Without an id it waits up to 10 s for a request to
   * arrive, so a test can click "Connect" and approve without racing the browser.
   */
  private async waiting(id?: string): Promise<Challenge> {
    const find = () =>
      [...this.challenges.values()].find((c) => !c.done && !c.approved && (id === undefined || c.challengeId === id));
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

  async approve(id?: string): Promise<void> {
    const c = await this.waiting(id);
    c.approved = true;
    c.approvedAt = Date.now();
    this.showCode(c);
    this.finish(c);
  }

  /** The person clicks "Deny": this request fails and the caller stays refused for the run. */
  async deny(id?: string): Promise<void> {
    const c = await this.waiting(id);
    c.done = true;
    this.denied.add(c.appName);
    this.finish(c);
  }

  private expired(c: Challenge): boolean {
    return this.mode === 'strict' && c.approvedAt !== null && Date.now() - c.approvedAt > this.opts.codeTtlMs;
  }

  createApiKey(id: string, code: string): string {
    const strict = this.mode === 'strict';
    if (strict && this.failures >= STRICT_LOCK_AFTER) throw authFailed();
    const c = this.challenges.get(id);
    if (!c || c.done || !c.approved || this.expired(c) || c.code !== code) {
      if (c && !c.done) {
        c.tries++;
        if (strict && c.tries >= STRICT_TRIES) c.done = true;
      }
      this.failures++;
      throw authFailed();
    }
    c.done = true;
    return this.issueKey(c.appName);
  }

  issueKey(appName: string): string {
    const key = apiKey();
    this.keys.set(key, { appName, revoked: false });
    return key;
  }

  revokeKey(key: string): void {
    const k = this.keys.get(key);
    if (k) k.revoked = true;
  }

  /** Throws the 401 the server gives for a missing, unknown or revoked key. */
  checkBearer(header: string | undefined): void {
    const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
    if (!m) throw new ApiError(401, 'missing or malformed authorization header', { clientFault: false });
    const k = this.keys.get((m[1] as string).trim());
    if (!k) throw new ApiError(401, 'invalid api key', { clientFault: false });
    // A key deleted in Desktop is unknown from then on; an expiry has its own answer.
    if (k.revoked) throw new ApiError(401, 'invalid api key', { clientFault: false });
  }
}
