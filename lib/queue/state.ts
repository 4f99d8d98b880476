/**
 * Reading stored queue state back (validate, quarantine what does not fit, recover in-flight jobs)
 * and the read-only views over it. No I/O here.
 */
import * as v from 'valibot';
import {
  type ClipJob,
  ClipJobSchema,
  HoldSchema,
  QUEUE_STATE_VERSION,
  type QuarantineEntry,
  QuarantineEntrySchema,
  type QueueState,
  type QueueSummary,
} from './types';

export function emptyState(): QueueState {
  return { version: QUEUE_STATE_VERSION, jobs: [], quarantine: [], paused: null, hold: null };
}

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
      return path === '' ? issue.message : `${path}: ${issue.message}`;
    })
    .join('; ');
}

export interface LoadResult {
  state: QueueState;
  /** True when the stored form must be rewritten (something quarantined or recovered). */
  changed: boolean;
}

/**
 * Turns whatever storage returned into a valid state. Entries that do not validate are moved to
 * `quarantine` with the reason (a bad entry must not block the good ones, nor vanish).
 */
export function parseState(raw: unknown, now: number): LoadResult {
  if (raw === undefined || raw === null) return { state: emptyState(), changed: false };
  const state = emptyState();
  const quarantine = (value: unknown, reason: string) => state.quarantine.push({ raw: value, reason, at: now });
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    quarantine(raw, 'stored queue is not an object');
    return { state, changed: true };
  }
  const record = raw as Record<string, unknown>;
  // Another version (older layouts are joined into this one by lib/queue/storage.ts): each job is
  // still read alone, so one that fits is kept and only one that does not is set aside.
  const foreign = record.version !== QUEUE_STATE_VERSION;
  const from = foreign ? `queue state version ${String(record.version)}: ` : '';
  let changed = foreign;

  if (Array.isArray(record.quarantine)) {
    for (const entry of record.quarantine) {
      const parsed = v.safeParse(QuarantineEntrySchema, entry);
      if (parsed.success) state.quarantine.push(parsed.output as QuarantineEntry);
      else {
        quarantine(entry, 'malformed quarantine entry');
        changed = true;
      }
    }
  } else if (record.quarantine !== undefined) {
    quarantine(record.quarantine, 'quarantine is not a list');
    changed = true;
  }

  const seen = new Set<string>();
  if (Array.isArray(record.jobs)) {
    for (const entry of record.jobs) {
      const parsed = v.safeParse(ClipJobSchema, entry);
      if (!parsed.success) {
        quarantine(entry, `${from}invalid clip: ${describeIssues(parsed.issues)}`);
        changed = true;
      } else if (seen.has(parsed.output.clientId)) {
        quarantine(entry, 'duplicate clientId');
        changed = true;
      } else {
        seen.add(parsed.output.clientId);
        state.jobs.push(parsed.output);
      }
    }
  } else {
    quarantine(record.jobs, 'jobs is not a list');
    changed = true;
  }

  if (record.paused === 'unauthorized') state.paused = 'unauthorized';
  else if (record.paused !== null && record.paused !== undefined) changed = true;

  const hold = v.safeParse(HoldSchema, record.hold);
  if (hold.success) state.hold = hold.output;
  else if (record.hold !== null && record.hold !== undefined) changed = true;

  return { state, changed };
}

/**
 * Worker start: nothing of ours is in flight, so a job still marked 'sending' may or may not have
 * reached Anytype. It goes back to pending and must be looked up before it is sent again. The
 * interrupted attempt counts, so a request that kills the worker every time still ends in failed.
 * `skip` is the job this instance is sending right now.
 */
export function recoverInFlight(state: QueueState, skip: string | null = null): boolean {
  let changed = false;
  state.jobs = state.jobs.map((job) => {
    if (job.status !== 'sending' || job.clientId === skip) return job;
    changed = true;
    return inDoubt(job);
  });
  return changed;
}

/** A job whose request may or may not have reached Anytype; the interrupted attempt counts. */
export function inDoubt(job: ClipJob): ClipJob {
  const { nextAttemptAt: _dropped, ...rest } = job;
  return {
    ...rest,
    status: 'pending',
    attempts: job.attempts + 1,
    // With an objectId the create is known; only the (repeatable) collection add is left.
    ...(job.objectId === undefined ? { mustReconcile: true } : {}),
  };
}

export function isOpen(job: ClipJob): boolean {
  return job.status !== 'done';
}

/** Keeps the newest `keep` done jobs; older ones are no longer needed for "Saved" or dedupe. */
export function pruneDone(state: QueueState, keep: number): void {
  const done = state.jobs.filter((j) => j.status === 'done').sort((a, b) => (b.doneAt ?? 0) - (a.doneAt ?? 0));
  if (done.length <= keep) return;
  const drop = new Set(done.slice(keep).map((j) => j.clientId));
  state.jobs = state.jobs.filter((j) => !drop.has(j.clientId));
}

/** Object ids owned by jobs other than `clientId`: findExisting must not hand one of these out. */
export function claimedObjectIds(state: QueueState, clientId: string): Set<string> {
  const ids = new Set<string>();
  for (const job of state.jobs) if (job.clientId !== clientId && job.objectId) ids.add(job.objectId);
  return ids;
}

/** The oldest pending job that is due: first in, first out, so clips land in the order taken. */
export function nextDue(state: QueueState, now: number): ClipJob | undefined {
  if (state.paused !== null) return undefined;
  if (state.hold !== null && state.hold.until > now) return undefined;
  let best: ClipJob | undefined;
  for (const job of state.jobs) {
    if (job.status !== 'pending') continue;
    if (job.nextAttemptAt !== undefined && job.nextAttemptAt > now) continue;
    if (best === undefined || job.createdAt < best.createdAt) best = job;
  }
  return best;
}

/** When process() should run next (now at the earliest), or null when nothing is waiting or paused. */
export function nextWake(state: QueueState, now: number): number | null {
  if (state.paused !== null) return null;
  let wake: number | null = null;
  for (const job of state.jobs) {
    if (job.status !== 'pending') continue;
    const at = Math.max(job.nextAttemptAt ?? now, state.hold?.until ?? now, now);
    if (wake === null || at < wake) wake = at;
  }
  return wake;
}

export function summarize(state: QueueState, now: number): QueueSummary {
  const summary: QueueSummary = {
    pending: 0,
    sending: 0,
    failed: 0,
    done: 0,
    quarantined: state.quarantine.length,
    paused: state.paused,
  };
  for (const job of state.jobs) summary[job.status] += 1;
  if (state.paused !== null) summary.waitingReason = state.paused;
  else if (state.hold !== null && state.hold.until > now && summary.pending > 0) {
    summary.waitingReason = state.hold.reason;
  }
  const wake = nextWake(state, now);
  if (wake !== null && summary.pending > 0) summary.nextAttemptAt = wake;
  return summary;
}
