// @vitest-environment node
/**
 * lib/queue/state.ts alone: what a stored state becomes (each bad part set aside with its reason,
 * the rest kept), how an interrupted job is recovered, and the views the queue and the popup read.
 */
import { describe, expect, it } from 'vitest';
import {
  claimedObjectIds,
  emptyState,
  inDoubt,
  isOpen,
  nextDue,
  nextWake,
  parseState,
  pruneDone,
  recoverInFlight,
  summarize,
} from '../../../lib/queue/state';
import type { ClipJob, QueueState } from '../../../lib/queue/types';

const NOW = 1_700_000_000_000;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function job(n: number, extra: Partial<ClipJob> = {}): ClipJob {
  return {
    clientId: id(n),
    createdAt: NOW - 1000 + n,
    target: { spaceId: 'space-1', typeKey: 'page' },
    payload: { name: `Clip ${n}`, markdown: `# ${n}`, properties: [] },
    sourceUrl: `https://example.com/${n}`,
    status: 'pending',
    attempts: 0,
    ...extra,
  };
}

function state(jobs: ClipJob[], extra: Partial<QueueState> = {}): QueueState {
  return { ...emptyState(), jobs, ...extra };
}

describe('parseState', () => {
  it('reads nothing stored as an empty queue that need not be written', () => {
    for (const raw of [undefined, null]) expect(parseState(raw, NOW)).toEqual({ state: emptyState(), changed: false });
    expect(emptyState()).toEqual({ version: 1, jobs: [], quarantine: [], paused: null, hold: null });
  });

  it('sets aside a stored value that is no object, whole, with the reason and the time', () => {
    for (const raw of ['text', 5, [job(1)], true]) {
      expect(parseState(raw, NOW)).toEqual({
        state: { ...emptyState(), quarantine: [{ raw, reason: 'stored queue is not an object', at: NOW }] },
        changed: true,
      });
    }
  });

  it('keeps a valid state as it is and says nothing changed', () => {
    const stored = state([job(1), job(2, { status: 'failed' })], {
      paused: 'unauthorized',
      hold: { reason: 'offline', until: NOW + 5, streak: 2 },
      quarantine: [{ raw: { x: 1 }, reason: 'old', at: 3 }],
    });
    expect(parseState(structuredClone(stored), NOW)).toEqual({ state: stored, changed: false });
  });

  it('sets aside each bad job alone, with what was wrong; a duplicate too', () => {
    const bad = { ...job(2), attempts: -1, status: 'lost' };
    const result = parseState({ version: 1, jobs: [job(1), bad, job(1, { attempts: 3 }), job(3)], quarantine: [] }, NOW);
    expect(result.changed).toBe(true);
    expect(result.state.jobs.map((j) => j.clientId)).toEqual([id(1), id(3)]);
    expect(result.state.jobs[0]?.attempts).toBe(0);
    const [invalid, duplicate] = result.state.quarantine;
    expect(invalid?.raw).toEqual(bad);
    expect(invalid?.at).toBe(NOW);
    expect(invalid?.reason).toMatch(/^invalid clip: status: .+; attempts: .+$/);
    expect(duplicate).toEqual({ raw: job(1, { attempts: 3 }), reason: 'duplicate clientId', at: NOW });
  });

  it('names at most three issues of a bad job, and the whole job when it is not an object', () => {
    const worst = { clientId: 'x', createdAt: 'y', target: 1, payload: 2, sourceUrl: 3, status: 4, attempts: 'z' };
    const reason = parseState({ version: 1, jobs: [worst, 'text'] }, NOW).state.quarantine.map((q) => q.reason);
    expect(reason[0]?.split('; ')).toHaveLength(3);
    expect(reason[0]).toMatch(/^invalid clip: clientId: /);
    expect(reason[1]).toMatch(/^invalid clip: Invalid type: [^;]+$/);
  });

  it('reads each job of another version alone, keeps those that fit, and says which version the others came from', () => {
    const result = parseState({ version: 7, jobs: [job(1), { ...job(2), status: 'lost' }] }, NOW);
    expect(result.changed).toBe(true);
    expect(result.state.version).toBe(1);
    expect(result.state.jobs.map((j) => j.clientId)).toEqual([id(1)]);
    expect(result.state.quarantine[0]?.reason).toMatch(/^queue state version 7: invalid clip: status: /);
    expect(parseState({ version: 7, jobs: [job(1)] }, NOW).changed).toBe(true);
    expect(parseState({ jobs: [] }, NOW).state.quarantine).toEqual([]);
  });

  it('sets aside jobs that are no list, and a quarantine that is no list or holds a bad entry', () => {
    const result = parseState({ version: 1, jobs: 'none', quarantine: [{ raw: 1, reason: 'ok', at: 2 }, { raw: 1 }] }, NOW);
    expect(result.changed).toBe(true);
    expect(result.state.quarantine).toEqual([
      { raw: 1, reason: 'ok', at: 2 },
      { raw: { raw: 1 }, reason: 'malformed quarantine entry', at: NOW },
      { raw: 'none', reason: 'jobs is not a list', at: NOW },
    ]);
    const noList = parseState({ version: 1, jobs: [], quarantine: 'odd' }, NOW);
    expect(noList).toEqual({ state: { ...emptyState(), quarantine: [{ raw: 'odd', reason: 'quarantine is not a list', at: NOW }] }, changed: true });
    expect(parseState({ version: 1, jobs: [] }, NOW)).toEqual({ state: emptyState(), changed: false });
    expect(parseState({ version: 1 }, NOW).state.quarantine).toEqual([{ raw: undefined, reason: 'jobs is not a list', at: NOW }]);
  });

  it('drops a pause or a hold it cannot read, and rewrites the state then', () => {
    expect(parseState({ version: 1, jobs: [], paused: 'sleepy' }, NOW)).toEqual({ state: emptyState(), changed: true });
    expect(parseState({ version: 1, jobs: [], paused: false }, NOW).changed).toBe(true);
    expect(parseState({ version: 1, jobs: [], hold: { reason: 'offline' } }, NOW)).toEqual({ state: emptyState(), changed: true });
    expect(parseState({ version: 1, jobs: [], hold: 0 }, NOW).changed).toBe(true);
    expect(parseState({ version: 1, jobs: [], paused: undefined, hold: undefined }, NOW).changed).toBe(false);
  });
});

describe('recovering what was in flight', () => {
  it('puts each sending job back as pending, counted and to be looked up; the one in flight here is left', () => {
    const s = state([job(1, { status: 'sending', attempts: 1, nextAttemptAt: NOW }), job(2, { status: 'sending' }), job(3)]);
    expect(recoverInFlight(s, id(2))).toBe(true);
    expect(s.jobs[0]).toEqual({ ...job(1), status: 'pending', attempts: 2, mustReconcile: true });
    expect(s.jobs[1]?.status).toBe('sending');
    expect(s.jobs[2]).toEqual(job(3));
    expect(recoverInFlight(state([job(4), job(5, { status: 'failed' })]))).toBe(false);
    expect(recoverInFlight(state([job(6, { status: 'sending' })]))).toBe(true);
  });

  it('needs no lookup for a job whose object is known: only the collection add is left', () => {
    expect(inDoubt(job(1, { status: 'sending', objectId: 'obj-1', attempts: 2 }))).toEqual({
      ...job(1),
      status: 'pending',
      attempts: 3,
      objectId: 'obj-1',
    });
  });
});

describe('views', () => {
  it('a job is open until it is done', () => {
    expect(['pending', 'sending', 'failed', 'done'].map((status) => isOpen(job(1, { status: status as ClipJob['status'] })))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('keeps the newest done jobs only, and every open one', () => {
    const s = state([
      job(1, { status: 'done', doneAt: 10 }),
      job(2),
      job(3, { status: 'done', doneAt: 30 }),
      job(4, { status: 'done' }),
      job(5, { status: 'done', doneAt: 20 }),
    ]);
    pruneDone(s, 2);
    expect(s.jobs.map((j) => j.clientId)).toEqual([id(2), id(3), id(5)]);
    pruneDone(s, 2);
    expect(s.jobs).toHaveLength(3);
    pruneDone(s, 0);
    expect(s.jobs.map((j) => j.clientId)).toEqual([id(2)]);
  });

  it('lists the object ids other jobs own', () => {
    const s = state([job(1, { objectId: 'a' }), job(2, { objectId: 'b' }), job(3)]);
    expect([...claimedObjectIds(s, id(1))]).toEqual(['b']);
    expect([...claimedObjectIds(s, id(3))].sort()).toEqual(['a', 'b']);
  });

  it('takes the oldest due pending job, none while paused or held', () => {
    const jobs = [job(3), job(1, { nextAttemptAt: NOW + 1 }), job(2, { nextAttemptAt: NOW }), job(0, { status: 'failed' }), job(-1, { status: 'sending' })];
    expect(nextDue(state(jobs), NOW)?.clientId).toBe(id(2));
    expect(nextDue(state(jobs), NOW + 1)?.clientId).toBe(id(1));
    expect(nextDue(state([job(5), job(4)]), NOW)?.clientId).toBe(id(4));
    expect(nextDue(state(jobs, { paused: 'unauthorized' }), NOW)).toBeUndefined();
    expect(nextDue(state(jobs, { hold: { reason: 'offline', until: NOW + 1, streak: 1 } }), NOW)).toBeUndefined();
    expect(nextDue(state(jobs, { hold: { reason: 'offline', until: NOW, streak: 1 } }), NOW)?.clientId).toBe(id(2));
    expect(nextDue(state([job(1, { status: 'failed' })]), NOW)).toBeUndefined();
  });

  it('wakes for the earliest pending job, not before now nor before a hold ends, and not while paused', () => {
    expect(nextWake(state([]), NOW)).toBeNull();
    expect(nextWake(state([job(1, { status: 'failed' }), job(2, { status: 'sending' })]), NOW)).toBeNull();
    expect(nextWake(state([job(1, { nextAttemptAt: NOW + 50 }), job(2, { nextAttemptAt: NOW + 20 })]), NOW)).toBe(NOW + 20);
    expect(nextWake(state([job(1, { nextAttemptAt: NOW - 50 })]), NOW)).toBe(NOW);
    expect(nextWake(state([job(1)]), NOW)).toBe(NOW);
    expect(nextWake(state([job(1)], { hold: { reason: 'rate_limited', until: NOW + 9, streak: 1 } }), NOW)).toBe(NOW + 9);
    expect(nextWake(state([job(1, { nextAttemptAt: NOW + 20 })], { hold: { reason: 'rate_limited', until: NOW + 9, streak: 1 } }), NOW)).toBe(NOW + 20);
    expect(nextWake(state([job(1)], { paused: 'unauthorized' }), NOW)).toBeNull();
  });

  it('sums the jobs by status and says why and until when they wait', () => {
    const jobs = [job(1), job(2, { nextAttemptAt: NOW + 7 }), job(3, { status: 'sending' }), job(4, { status: 'failed' }), job(5, { status: 'done' })];
    const quarantine = [{ raw: 1, reason: 'x', at: 1 }];
    expect(summarize(state(jobs, { quarantine }), NOW)).toEqual({
      pending: 2,
      sending: 1,
      failed: 1,
      done: 1,
      quarantined: 1,
      paused: null,
      nextAttemptAt: NOW,
    });
    expect(summarize(state(jobs, { paused: 'unauthorized' }), NOW)).toEqual({
      pending: 2,
      sending: 1,
      failed: 1,
      done: 1,
      quarantined: 0,
      paused: 'unauthorized',
      waitingReason: 'unauthorized',
    });
    const held = state(jobs, { hold: { reason: 'offline', until: NOW + 9, streak: 1 } });
    expect(summarize(held, NOW)).toMatchObject({ waitingReason: 'offline', nextAttemptAt: NOW + 9 });
    expect(summarize(held, NOW + 9)).not.toHaveProperty('waitingReason');
    const heldIdle = state([job(4, { status: 'failed' })], { hold: { reason: 'offline', until: NOW + 9, streak: 1 } });
    expect(summarize(heldIdle, NOW)).not.toHaveProperty('waitingReason');
    expect(summarize(heldIdle, NOW)).not.toHaveProperty('nextAttemptAt');
  });
});

describe('parseState: what alone makes a rewrite', () => {
  it('a bad quarantine entry alone', () => {
    expect(parseState({ version: 1, jobs: [], quarantine: [{ raw: 1 }] }, NOW).changed).toBe(true);
  });

  it('not a stored null pause or hold', () => {
    expect(parseState({ version: 1, jobs: [], quarantine: [], paused: null, hold: null }, NOW)).toEqual({
      state: emptyState(),
      changed: false,
    });
  });

  it('names a nested field by its dotted path', () => {
    const reason = parseState({ version: 1, jobs: [{ ...job(1), target: { spaceId: '', typeKey: 'page' } }] }, NOW).state.quarantine[0]?.reason;
    expect(reason).toMatch(/^invalid clip: target\.spaceId: /);
  });
});

describe('pruneDone: a done job without a time', () => {
  it('counts as the oldest', () => {
    const s = state([job(1, { status: 'done' }), job(2, { status: 'done', doneAt: 5 }), job(3, { status: 'done', doneAt: 9 })]);
    pruneDone(s, 2);
    expect(s.jobs.map((j) => j.clientId)).toEqual([id(2), id(3)]);
    const t = state([job(2, { status: 'done', doneAt: 5 }), job(1, { status: 'done' })]);
    pruneDone(t, 1);
    expect(t.jobs.map((j) => j.clientId)).toEqual([id(2)]);
  });
});
