/**
 * The queue list's view model over generated queues: every state and every reason has its own
 * wording with what to do, each state offers the actions that make sense, and nothing is hidden.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pauseKindOf } from '../../../lib/background/queue-list-handlers';
import { PAUSE_KINDS } from '../../../lib/protocol/messages';
import type { ClipJob } from '../../../lib/queue';
import {
  compactLine,
  namesFrom,
  PAUSE_REASONS,
  pauseText,
  type QueueList,
  queueListView,
} from '../../../lib/queue-list/view-model';
import { useLocale } from '../i18n/fake-i18n';

const WORDS: Record<string, string> = {
  not_paired: 'Pair again to send these',
  unauthorized: 'Pair again',
  key_expired: 'Pair again',
  scoped_key: 'Pair again and choose all spaces with write access',
  offline: 'Start Anytype',
  rate_limited: 'Waiting for Anytype (sending again soon)',
  origin_rejected: 'Reload the extension',
};

const entry = fc.record({
  clientId: fc.uuid(),
  name: fc.oneof(fc.constant(''), fc.string({ maxLength: 30 })),
  sourceUrl: fc.oneof(
    fc.webUrl(),
    fc.constantFrom('javascript:alert(1)', 'data:text/html,<b>x</b>', '', 'not a url'),
  ),
  createdAt: fc.nat(),
  status: fc.constantFrom('pending' as const, 'sending' as const, 'failed' as const),
  spaceId: fc.constantFrom('space-a', 'space-gone'),
  typeKey: fc.constantFrom('page', 'note'),
  collectionId: fc.option(fc.constantFrom('list-a', 'list-gone'), { nil: undefined }),
  errorKind: fc.option(fc.constantFrom('not_found', 'bad_request', 'server', 'offline', ...PAUSE_KINDS), { nil: undefined }),
  message: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
});

const list: fc.Arbitrary<QueueList> = fc.record({
  entries: fc.uniqueArray(entry, { selector: (e) => e.clientId, maxLength: 8 }),
  paused: fc.boolean(),
  pauseKind: fc.option(fc.constantFrom(...PAUSE_KINDS), { nil: undefined }),
  waitingReason: fc.option(fc.constantFrom('offline' as const, 'rate_limited' as const, 'origin_rejected' as const), { nil: undefined }),
  quarantined: fc.array(
    fc.record({ reason: fc.string(), at: fc.nat(), title: fc.option(fc.string({ minLength: 1 }), { nil: undefined }), raw: fc.constant('{}') }),
    { maxLength: 3 },
  ),
});

const names = namesFrom({
  spaces: [{ id: 'space-a', name: 'Research' }],
  bySpace: { 'space-a': { types: [{ key: 'page', name: 'Page' }], collections: [{ id: 'list-a', name: 'Reading list' }] } },
});

describe('queue list view model', () => {
  it('every pause reason has a wording that names what to do, in every language', () => {
    for (const reason of PAUSE_REASONS) expect(pauseText(reason), reason).toContain(WORDS[reason]);
    for (const locale of ['de', 'fr'] as const) {
      useLocale(locale);
      const texts = PAUSE_REASONS.map(pauseText);
      expect(new Set(texts).size, locale).toBe(PAUSE_REASONS.length);
      for (const text of texts) expect(text).not.toMatch(/queuelist/);
    }
  });

  it('shows every clip and every unreadable entry, with the state, words and actions its state calls for', () => {
    fc.assert(
      fc.property(list, fc.boolean(), (queue, anytypeDown) => {
        const view = queueListView(queue, names, { anytypeDown });
        expect(view.entries.map((e) => e.clientId)).toEqual(queue.entries.map((e) => e.clientId));
        expect(view.quarantined).toHaveLength(queue.quarantined.length);
        expect(view.waiting + view.failed).toBe(queue.entries.length);
        for (const [i, shown] of view.entries.entries()) {
          const source = queue.entries[i]!;
          expect(shown.title).not.toBe('');
          // Every clip can be kept whatever happens to it.
          expect(shown.actions).toEqual(expect.arrayContaining(['copy', 'export']));
          if (shown.openUrl !== undefined) expect(shown.openUrl).toMatch(/^https?:/);
          if (source.status === 'failed') {
            expect(shown.state).toBe('failed');
            expect(shown.actions).toContain('discard');
            expect(shown.actions.includes('retarget')).toBe(source.errorKind === 'not_found');
            expect(shown.stateText).toMatch(/^Failed/);
          } else if (source.status === 'sending') {
            expect(shown.state).toBe('sending');
            expect(shown.actions).not.toContain('discard');
          } else if (queue.paused) {
            expect(shown.state).toBe('paused');
            expect(shown.stateText).toContain(WORDS[queue.pauseKind ?? 'unauthorized']);
          } else if (anytypeDown || queue.waitingReason !== undefined) {
            expect(shown.state).toBe('paused');
            expect(shown.stateText).toContain(WORDS[anytypeDown ? 'offline' : (queue.waitingReason as string)]);
          } else {
            expect(shown.state).toBe('waiting');
            expect(shown.actions).toEqual(['retry', 'copy', 'export', 'discard']);
          }
          if (source.spaceId === 'space-a') expect(shown.destination).toMatch(/^Research › /);
          else expect(shown.destination).toMatch(/^a space not seen yet/);
        }
      }),
      { seed: 2217, numRuns: 300 },
    );
  });

  it('hides only the clips on the undo shelf', () => {
    fc.assert(
      fc.property(list, fc.nat(), (queue, pick) => {
        if (queue.entries.length === 0) return;
        const hidden = queue.entries[pick % queue.entries.length]!.clientId;
        const view = queueListView(queue, names, { hidden: new Set([hidden]) });
        expect(view.entries.map((e) => e.clientId)).toEqual(queue.entries.filter((e) => e.clientId !== hidden).map((e) => e.clientId));
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it('the compact line counts with the right noun', () => {
    expect(compactLine({ waiting: 0, failed: 0, quarantined: 0 })).toBeUndefined();
    expect(compactLine({ waiting: 2, failed: 1, quarantined: 0 })).toBe('2 waiting · 1 failed');
    expect(compactLine({ waiting: 0, failed: 0, quarantined: 1 })).toBe('1 unreadable');
    useLocale('de');
    expect(compactLine({ waiting: 1, failed: 0, quarantined: 0 })).toBe('1 wartet');
    expect(compactLine({ waiting: 2, failed: 0, quarantined: 0 })).toBe('2 warten');
  });

  it('names the error that paused the queue from the newest clip that met one', () => {
    const job = (kind: string | undefined, createdAt: number, status: ClipJob['status'] = 'pending') =>
      ({ status, createdAt, lastError: kind ? { kind, message: '' } : undefined }) as ClipJob;
    expect(pauseKindOf([])).toBe('unauthorized');
    expect(pauseKindOf([job('scoped_key', 1), job('not_paired', 5), job(undefined, 9)])).toBe('not_paired');
    expect(pauseKindOf([job('key_expired', 3), job('not_paired', 5, 'failed')])).toBe('key_expired');
  });
});
