/**
 * The write-ahead clip queue. Every change is saved before it is acted on (a clip is stored before
 * any request, and marked 'sending' before each write), so a worker that dies at any point leaves
 * a state from which recover() can finish the job without losing it or creating it twice.
 */
import { i18n } from '#i18n';
import { addClip, admitClip } from './intake';
import { DEFAULT_LIMITS, type QueueLimits, SENDING_WATCHDOG_MS } from './policy';
import { claimedObjectIds, inDoubt, nextDue, nextWake, parseState, recoverInFlight, summarize } from './state';
import {
  applyFailure,
  copyState,
  findJob,
  markDone,
  markNotFoundAndExhausted,
  markRetarget,
  markRetry,
  markSending,
  needsCollection,
  probeNow,
  recordObject,
  type Stage,
  updateJob,
} from './transitions';
import * as v from 'valibot';
import {
  type ClipJob,
  type ClipQueue,
  type ClipQueueDeps,
  ClipTargetSchema,
  type EnqueueInput,
  QueueError,
  type QueueState,
} from './types';

export type { ClipQueue, ClipQueueDeps, QueueStore } from './types';

export function createClipQueue(deps: ClipQueueDeps): ClipQueue {
  const limits: QueueLimits = { ...DEFAULT_LIMITS, ...deps.limits };
  const uuid = deps.uuid ?? (() => globalThis.crypto.randomUUID());
  let state: QueueState | null = null;
  let loading: Promise<QueueState> | null = null;
  let lock: Promise<unknown> = Promise.resolve();
  let running: Promise<void> | null = null;
  let again = false;
  /** The job this instance has a request out for; recover() must leave it alone. */
  let inFlight: string | null = null;
  /**
   * Clips discarded a moment ago, as they were and where they stood, for Undo. Only in memory: the
   * clip is gone from storage at once, so a worker stopped meanwhile ends the undo, not the discard.
   */
  const discarded = new Map<string, { job: ClipJob; index: number; at: number }>();
  const forgetOldDiscards = () => {
    for (const [id, entry] of discarded) if (deps.now() - entry.at > limits.undoDiscardMs) discarded.delete(id);
  };

  const clock = () => ({ now: deps.now(), random: deps.random });
  const copyOut = (job: ClipJob): ClipJob => structuredClone(job);

  function ready(): Promise<QueueState> {
    if (state !== null) return Promise.resolve(state);
    loading ??= (async () => {
      const raw = await deps.store.load();
      const parsed = parseState(raw, deps.now());
      // A fresh instance has nothing in flight, so anything marked 'sending' is in doubt.
      const recovered = recoverInFlight(parsed.state);
      if (parsed.changed || recovered) await deps.store.save(parsed.state);
      state = parsed.state;
      return parsed.state;
    })().finally(() => {
      loading = null;
    });
    return loading;
  }

  function notify(): void {
    if (state === null || deps.onChange === undefined) return;
    try {
      deps.onChange(summarize(state, deps.now()));
    } catch {
      // A listener's bug must not stop clips from being saved.
    }
  }

  /** Serialised: copy, change, save, and only then make the change the current state. */
  function mutate<T>(change: (draft: QueueState) => T): Promise<T> {
    const run = async () => {
      const draft = copyState(await ready());
      const result = change(draft);
      await deps.store.save(draft);
      state = draft;
      notify();
      return result;
    };
    const result = lock.then(run, run);
    lock = result.catch(() => undefined);
    return result;
  }

  /**
   * Records what a request did. If storage refuses, the stored job still says 'sending', which
   * recover() treats as in doubt; in memory it becomes a pending lookup so this instance agrees.
   */
  async function settle(clientId: string, change: (draft: QueueState) => unknown): Promise<void> {
    try {
      await mutate(change);
    } catch (err) {
      const job = state === null ? undefined : findJob(state, clientId);
      if (state !== null && job?.status === 'sending') {
        const draft = copyState(state);
        const later = deps.now() + SENDING_WATCHDOG_MS;
        updateJob(draft, clientId, (j) => ({ ...inDoubt(j), nextAttemptAt: later }));
        state = draft;
      }
      throw err;
    }
  }

  function scheduleWake(): void {
    if (state !== null) deps.wakeAt(nextWake(state, deps.now()));
  }

  async function fail(clientId: string, err: unknown, stage: Stage): Promise<void> {
    await settle(clientId, (d) => applyFailure(d, clientId, err, stage, clock(), limits));
  }

  async function addToCollection(job: ClipJob, objectId: string): Promise<void> {
    const add = deps.delivery.addToCollection;
    if (add === undefined) {
      await settle(job.clientId, (d) => markDone(d, job.clientId, deps.now(), limits));
      return;
    }
    if (job.status !== 'sending') await mutate((d) => markSending(d, job.clientId, deps.now()));
    deps.wakeAt(deps.now() + SENDING_WATCHDOG_MS);
    try {
      await add.call(deps.delivery, copyOut(job), objectId);
    } catch (err) {
      await fail(job.clientId, err, 'collection');
      return;
    }
    await settle(job.clientId, (d) => markDone(d, job.clientId, deps.now(), limits));
  }

  /** Moves one due job forward by one request (or a lookup and a request). */
  async function step(job: ClipJob): Promise<void> {
    const id = job.clientId;
    if (job.objectId !== undefined) {
      await addToCollection(job, job.objectId);
      return;
    }
    if (job.mustReconcile === true) {
      let found: string | null;
      try {
        found = await deps.delivery.findExisting(copyOut(job), claimedObjectIds(await ready(), id));
      } catch (err) {
        await fail(id, err, 'read');
        return;
      }
      if (found !== null) {
        await mutate((d) => recordObject(d, id, found, deps.now(), limits));
        return; // the loop picks it up again if the collection add is left
      }
      if (job.attempts >= limits.maxAttempts) {
        await mutate((d) => markNotFoundAndExhausted(d, id));
        return;
      }
    }
    const sending = await mutate((d) => markSending(d, id, deps.now()));
    deps.wakeAt(deps.now() + SENDING_WATCHDOG_MS);
    let objectId: string;
    try {
      const result = await deps.delivery.create(copyOut(sending));
      if (typeof result?.objectId !== 'string' || result.objectId === '') {
        throw new Error(i18n.t('queue.errors.noObjectId'));
      }
      objectId = result.objectId;
    } catch (err) {
      await fail(id, err, 'create');
      return;
    }
    const recorded = await settleObject(id, objectId);
    if (recorded !== undefined && recorded.status === 'sending' && needsCollection(recorded)) {
      await addToCollection(recorded, objectId);
    }
  }

  async function settleObject(id: string, objectId: string): Promise<ClipJob | undefined> {
    let recorded: ClipJob | undefined;
    await settle(id, (d) => {
      recorded = recordObject(d, id, objectId, deps.now(), limits);
    });
    return recorded;
  }

  async function drain(): Promise<void> {
    for (;;) {
      const job = nextDue(await ready(), deps.now());
      if (job === undefined) return;
      inFlight = job.clientId;
      try {
        await step(job);
      } finally {
        inFlight = null;
      }
    }
  }

  function process(): Promise<void> {
    if (running !== null) {
      // Join the running pass, and make it look once more for work that arrived meanwhile.
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await drain();
        } while (again);
      } finally {
        running = null;
        scheduleWake();
      }
    })();
    return running;
  }

  async function enqueue(input: EnqueueInput): Promise<ClipJob> {
    const clip = admitClip(input, limits);
    const job = await mutate((d) => {
      probeNow(d, deps.now());
      return addClip(d, clip, limits, deps.now(), uuid);
    }).catch((err: unknown) => {
      if (err instanceof QueueError) throw err;
      // Storage refused the write: the clip is not stored, so it will never be sent. Say exactly that.
      throw new QueueError('not_kept', i18n.t('queue.errors.notKept'), { cause: err });
    });
    scheduleWake();
    return copyOut(job);
  }

  function requireJob(d: QueueState, clientId: string): ClipJob {
    const job = findJob(d, clientId);
    if (job === undefined) throw new QueueError('not_found', i18n.t('queue.errors.gone'));
    return job;
  }

  return {
    enqueue,
    process,
    async summary() {
      return summarize(await ready(), deps.now());
    },
    async get(clientId) {
      const job = findJob(await ready(), clientId);
      return job === undefined ? undefined : copyOut(job);
    },
    async open() {
      const open = (await ready()).jobs.filter((j) => j.status !== 'done');
      return open.sort((a, b) => a.createdAt - b.createdAt).map(copyOut);
    },
    async failed() {
      return (await ready()).jobs.filter((j) => j.status === 'failed').map(copyOut);
    },
    async recent() {
      const done = (await ready()).jobs.filter((j) => j.status === 'done');
      return done.sort((a, b) => (b.doneAt ?? 0) - (a.doneAt ?? 0)).map(copyOut);
    },
    async retry(clientId) {
      const job = await mutate((d) => {
        const current = requireJob(d, clientId);
        if (current.status === 'sending' || current.status === 'done') {
          throw new QueueError('busy', i18n.t('queue.errors.savingOrSaved'));
        }
        return markRetry(d, clientId, deps.now());
      });
      scheduleWake();
      return copyOut(job);
    },
    async retarget(clientId, target) {
      const parsed = v.safeParse(ClipTargetSchema, target);
      if (!parsed.success) throw new QueueError('invalid', i18n.t('queue.errors.invalid', { problem: parsed.issues[0].message }));
      const job = await mutate((d) => {
        const current = requireJob(d, clientId);
        if (current.status === 'sending' || current.status === 'done' || inFlight === clientId) {
          throw new QueueError('busy', i18n.t('queue.errors.savingOrSaved'));
        }
        return markRetarget(d, clientId, parsed.output, deps.now());
      });
      scheduleWake();
      return copyOut(job);
    },
    async discard(clientId) {
      await mutate((d) => {
        const current = requireJob(d, clientId);
        if (current.status === 'sending' || inFlight === clientId) {
          throw new QueueError('busy', i18n.t('queue.errors.savingNow'));
        }
        forgetOldDiscards();
        const index = d.jobs.indexOf(current);
        discarded.set(clientId, { job: structuredClone(current), index, at: deps.now() });
        d.jobs = d.jobs.filter((j) => j.clientId !== clientId);
      });
      scheduleWake();
    },
    async undoDiscard(clientId) {
      forgetOldDiscards();
      const entry = discarded.get(clientId);
      if (entry === undefined) throw new QueueError('not_found', i18n.t('queue.errors.undoLapsed'));
      const job = await mutate((d) => {
        if (findJob(d, clientId) !== undefined) return findJob(d, clientId) as ClipJob;
        // Back where it stood, so the list and first-in-first-out order are as before.
        d.jobs.splice(Math.min(entry.index, d.jobs.length), 0, structuredClone(entry.job));
        return entry.job;
      });
      discarded.delete(clientId);
      scheduleWake();
      return copyOut(job);
    },
    async resume() {
      await mutate((d) => {
        d.paused = null;
      });
      scheduleWake();
    },
    async recover() {
      const current = await ready();
      const stale = current.jobs.some((j) => j.status === 'sending' && j.clientId !== inFlight);
      if (stale) {
        await mutate((d) => {
          // Only jobs this instance is not sending right now can be in doubt.
          recoverInFlight(d, inFlight);
        });
      }
      scheduleWake();
    },
    async quarantined() {
      return structuredClone((await ready()).quarantine);
    },
    async clearQuarantine() {
      await mutate((d) => {
        d.quarantine = [];
      });
    },
    async discardQuarantined(index, at) {
      await mutate((d) => {
        // Entries have no id: the place and the time it was set aside name it, so a list read
        // before another was cleared cannot discard the wrong one.
        if (d.quarantine[index]?.at !== at) throw new QueueError('not_found', i18n.t('queue.errors.gone'));
        d.quarantine.splice(index, 1);
      });
    },
  };
}
