/**
 * Pure state transitions of one job. Each takes a draft state (jobs array already copied) and
 * replaces the job object instead of editing it, so the committed state is never touched.
 */
import {
  classifyError,
  offlineDelay,
  type QueueLimits,
  rateLimitDelay,
  serverDelay,
} from './policy';
import { pruneDone } from './state';
import type { ClipJob, ClipTarget, HoldReason, QueueState } from './types';

export type Stage = 'read' | 'create' | 'collection';

export interface Clock {
  now: number;
  random: () => number;
}

export function copyState(state: QueueState): QueueState {
  return { ...state, jobs: state.jobs.slice(), quarantine: state.quarantine.slice() };
}

export function findJob(state: QueueState, clientId: string): ClipJob | undefined {
  return state.jobs.find((j) => j.clientId === clientId);
}

export function updateJob(state: QueueState, clientId: string, change: (job: ClipJob) => ClipJob): ClipJob {
  const index = state.jobs.findIndex((j) => j.clientId === clientId);
  const job = state.jobs[index];
  if (job === undefined) throw new Error(`clip ${clientId} is no longer in the queue`);
  const next = change(job);
  state.jobs[index] = next;
  return next;
}

/** Drops undefined optional fields so stored jobs stay small and validate the same after a round trip. */
function tidy(job: ClipJob): ClipJob {
  const out: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(job)) if (value !== undefined) out[k] = value;
  return out as ClipJob;
}

export function needsCollection(job: ClipJob): boolean {
  return job.target.collectionId !== undefined;
}

export function markSending(state: QueueState, clientId: string, now: number): ClipJob {
  return updateJob(state, clientId, (j) =>
    tidy({
      ...j,
      status: 'sending',
      nextAttemptAt: undefined,
      // The earliest send that may have applied bounds the search window of findExisting.
      sentAt: j.objectId === undefined ? (j.sentAt ?? now) : j.sentAt,
    }),
  );
}

/** Anytype answered: any hold (limiter, offline) is over. */
function clearHold(state: QueueState): void {
  state.hold = null;
}

/** The object exists (created or found): record its id; done unless the collection add is left. */
export function recordObject(
  state: QueueState,
  clientId: string,
  objectId: string,
  now: number,
  limits: QueueLimits,
): ClipJob {
  clearHold(state);
  const job = updateJob(state, clientId, (j) =>
    tidy({ ...j, objectId, mustReconcile: undefined, lastError: undefined, nextAttemptAt: undefined }),
  );
  // With a collection the job keeps its status: 'sending' right after our own create (the list add
  // follows at once), 'pending' after a lookup found it (the next pass sends the list add).
  if (needsCollection(job)) return job;
  return markDone(state, clientId, now, limits);
}

export function markDone(state: QueueState, clientId: string, now: number, limits: QueueLimits): ClipJob {
  clearHold(state);
  const job = updateJob(state, clientId, (j) =>
    tidy({
      ...j,
      status: 'done',
      doneAt: now,
      lastError: undefined,
      mustReconcile: undefined,
      nextAttemptAt: undefined,
      // The text is in Anytype now; keeping megabytes of it in storage.local helps nobody.
      payload: { ...j.payload, markdown: '' },
    }),
  );
  pruneDone(state, limits.keepDone);
  return job;
}

/** The in-doubt lookup found nothing: the earlier create did not apply, but attempts are spent. */
export function markNotFoundAndExhausted(state: QueueState, clientId: string): ClipJob {
  clearHold(state);
  return updateJob(state, clientId, (j) => tidy({ ...j, status: 'failed', mustReconcile: undefined }));
}

function holdFor(state: QueueState, reason: HoldReason, clock: Clock): void {
  const streak = state.hold?.reason === reason ? state.hold.streak : 0;
  const delay = reason === 'rate_limited' ? rateLimitDelay(streak, clock.random) : offlineDelay(streak, clock.random);
  state.hold = { reason, until: clock.now + delay, streak: streak + 1 };
}

/**
 * Applies a failed request to the job. `stage` says which request: a failed read never made
 * anything; a failed create may have (mayHaveApplied); a failed list add has the object already.
 */
export function applyFailure(
  state: QueueState,
  clientId: string,
  err: unknown,
  stage: Stage,
  clock: Clock,
  limits: QueueLimits,
): ClipJob {
  const c = classifyError(err);
  const current = findJob(state, clientId);
  if (current === undefined) throw new Error(`clip ${clientId} is no longer in the queue`);
  const inDoubt = stage === 'read' ? current.mustReconcile === true : stage === 'create' && c.mayHaveApplied;
  const base: ClipJob = tidy({
    ...current,
    status: 'pending',
    lastError: c.error,
    nextAttemptAt: undefined,
    mustReconcile: inDoubt ? true : undefined,
  });

  let counted = false;
  switch (c.action) {
    case 'pause':
      state.paused = 'unauthorized';
      break;
    case 'hold_rate': {
      const hits = (base.rateLimitHits ?? 0) + 1;
      base.rateLimitHits = hits;
      counted = hits > limits.freeRateLimitHits;
      holdFor(state, 'rate_limited', clock);
      break;
    }
    case 'hold_offline':
      // A write whose connection failed may have reached Anytype (a dropped answer, our timeout):
      // look for it at once rather than wait out an offline backoff, so the person sees it saved.
      // Only the first doubt of a round: a lookup that fails too, or a resend failing again, holds.
      if (stage === 'create' && inDoubt && current.mustReconcile !== true) break;
      holdFor(state, 'offline', clock);
      break;
    case 'hold_origin':
      holdFor(state, 'origin_rejected', clock);
      break;
    case 'fail':
      clearHold(state);
      base.status = 'failed';
      break;
    case 'retry':
      clearHold(state);
      counted = true;
      break;
  }
  if (counted) {
    base.attempts += 1;
    if (base.attempts >= limits.maxAttempts) {
      // An in-doubt create gets one more lookup first: failing a clip that is in Anytype would
      // invite the person to save it again. The lookup fails it if nothing is there.
      if (inDoubt && stage === 'create') base.nextAttemptAt = clock.now + serverDelay(base.attempts, clock.random);
      else base.status = 'failed';
    } else {
      base.nextAttemptAt = clock.now + serverDelay(base.attempts, clock.random);
    }
  }
  return updateJob(state, clientId, () => tidy(base));
}

/**
 * A person just acted (new clip, retry): if we are only waiting because Anytype was unreachable,
 * try now, since they may have just started it. The streak stays, so a failed probe backs off
 * as far as before. The limiter's wait is kept: trying early only earns another 429.
 */
export function probeNow(state: QueueState, now: number): void {
  if (state.hold !== null && state.hold.reason !== 'rate_limited' && state.hold.until > now) {
    state.hold = { ...state.hold, until: now };
  }
}

/** The person asked to try a failed (or waiting) clip again: fresh attempts, lookups kept. */
export function markRetry(state: QueueState, clientId: string, now: number): ClipJob {
  probeNow(state, now);
  return updateJob(state, clientId, (j) =>
    tidy({ ...j, status: 'pending', attempts: 0, rateLimitHits: undefined, nextAttemptAt: undefined }),
  );
}

/**
 * The person chose another destination for a clip (its space or collection is gone). In another
 * space nothing of the old one applies: no object there to find or add, no template of it. In the
 * same space an object already made stays the clip's, so only the collection add is sent again.
 */
export function markRetarget(state: QueueState, clientId: string, target: ClipTarget, now: number): ClipJob {
  markRetry(state, clientId, now);
  return updateJob(state, clientId, (j) => {
    const sameSpace = j.target.spaceId === target.spaceId;
    const keepTemplate = sameSpace && j.target.typeKey === target.typeKey;
    return tidy({
      ...j,
      target: tidyTarget({ ...target, templateId: keepTemplate ? (target.templateId ?? j.target.templateId) : target.templateId }),
      lastError: undefined,
      objectId: sameSpace ? j.objectId : undefined,
      mustReconcile: sameSpace ? j.mustReconcile : undefined,
      sentAt: sameSpace ? j.sentAt : undefined,
    });
  });
}

function tidyTarget(target: ClipTarget): ClipTarget {
  const out: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(target)) if (value !== undefined) out[k] = value;
  return out as ClipTarget;
}
