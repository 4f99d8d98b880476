/** Everything one sandbox run holds; the API pipeline and the control channel share it. */
import { Auth } from './auth';
import { defaultFaults, WriteLimiter } from './faults';
import { validatorFor } from './spec-2026';
import type { SpecValidator } from './spec-validator';
import type { Faults, LogEntry, SandboxMode, SandboxOptions, SpecViolation } from './types';
import { Vault } from './vault';

export class SandboxState {
  vault: Vault;
  readonly auth: Auth;
  faults: Faults = defaultFaults();
  readonly limiter: WriteLimiter;
  readonly log: LogEntry[] = [];
  readonly violations: SpecViolation[] = [];
  readonly print: (line: string) => void;

  private readonly now: () => number;

  constructor(opts: SandboxOptions) {
    this.now = opts.now ?? Date.now;
    this.vault = new Vault(this.now);
    this.print = opts.log ?? (() => {});
    this.auth = new Auth(opts.mode ?? 'classic', {
      log: this.print,
      approvalTimeoutMs: opts.approvalTimeoutMs ?? 60_000,
      codeTtlMs: opts.codeTtlMs ?? 5 * 60_000,
      promptTimeoutMs: opts.promptTimeoutMs ?? 180_000,
      onPairing: opts.onPairing,
      now: opts.now,
    });
    this.limiter = new WriteLimiter(this.faults.writeLimit, this.now);
  }

  /** Current mode checks answers against the spec plus the fields builds of 2026 add. */
  get validator(): SpecValidator {
    return validatorFor(this.auth.mode);
  }

  setMode(mode: SandboxMode): void {
    this.auth.mode = mode;
  }

  setFaults(f: Partial<Faults>): void {
    this.faults = { ...this.faults, ...f };
    if ('writeLimit' in f) this.limiter.configure(this.faults.writeLimit);
  }

  violation(v: SpecViolation): void {
    this.violations.push(v);
    this.print(`spec violation (${v.direction}) ${v.method} ${v.path}: ${v.message}`);
  }

  /** A fresh vault, faults, log and violations, and a "restarted Desktop"; keys stay unless asked. */
  reset(keys: boolean): void {
    this.vault = new Vault(this.now);
    this.auth.reset(keys);
    this.faults = defaultFaults();
    this.limiter.configure(this.faults.writeLimit);
    this.log.length = 0;
    this.violations.length = 0;
  }
}
