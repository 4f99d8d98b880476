// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queueChangesFrom, type RuntimeEvents } from '../../../lib/popup/queue-changes';
import { waitingLine } from '../../../lib/popup/queue-view';

const summaries = fc.record({
  pending: fc.nat({ max: 30 }),
  failed: fc.nat({ max: 3 }),
  paused: fc.boolean(),
  waitingReason: fc.constantFrom(undefined, 'offline', 'rate_limited', 'origin_rejected', 'unauthorized'),
});

describe('the queue line and the connection line', () => {
  it('never says Anytype is not running while the connection line says it answered, and always when it did not', () => {
    fc.assert(
      fc.property(summaries, (summary) => {
        const up = waitingLine(summary, 'up');
        const down = waitingLine(summary, 'down');
        if (summary.pending === 0) {
          expect([up, down]).toEqual([undefined, undefined]);
        } else {
          expect(up).not.toMatch(/not running/);
          if (!summary.paused) expect(down).toMatch(/not running/);
        }
      }),
    );
  });

  it('counts agree with their noun', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), (pending) => {
        const line = waitingLine({ pending, failed: 0, paused: false }) ?? '';
        expect(line.startsWith(pending === 1 ? '1 clip waiting' : `${pending} clips waiting`)).toBe(true);
      }),
    );
  });
});

describe('queue changes told by the worker', () => {
  function runtime() {
    const listeners = new Set<Parameters<RuntimeEvents['onMessage']['addListener']>[0]>();
    const events: RuntimeEvents = {
      id: 'me',
      onMessage: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
    };
    const tell = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      for (const l of listeners) l(message, sender);
    };
    return { events, tell, listeners };
  }
  const changed = { type: 'queue.changed', summary: { pending: 2, failed: 0, paused: false, waitingReason: 'offline' } };

  it('are taken from the extension only, never from a tab or another extension, and only in their shape', () => {
    const { events, tell, listeners } = runtime();
    const heard: unknown[] = [];
    const stop = queueChangesFrom(events)((summary) => heard.push(summary));
    tell(changed, { id: 'me' });
    tell(changed, { id: 'me', tab: { id: 3 } }); // a content script of ours, in a page
    tell(changed, { id: 'other' });
    tell({ ...changed, summary: { pending: 'lots' } }, { id: 'me' });
    tell({ type: 'queue.summary', payload: {} }, { id: 'me' });
    expect(heard).toEqual([changed.summary]);
    stop();
    expect(listeners.size).toBe(0);
  });
});
