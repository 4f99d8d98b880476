// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClipFormController } from '../../../lib/popup/clip-form';
import { BackgroundError, type BackgroundClient } from '../../../lib/protocol/client';
import { createClipPrefsStore } from '../../../lib/settings/clip-prefs';
import { fakeBackground, memoryArea } from './clip-form-fakes';

// Anytype not running: every call that needs Anytype is refused with the code the router gives
// an unreachable Anytype ('offline'); reading the page and Save (which queues) still answer.
const NEEDS_ANYTYPE = new Set(['spaces.list', 'types.list', 'tags.list', 'collections.list', 'templates.list', 'clip.existing']);

function anytypeDown(calls: { type: string; payload: unknown }[]): BackgroundClient {
  const inner = fakeBackground(calls);
  return {
    async call(type, payload) {
      if (NEEDS_ANYTYPE.has(type)) {
        calls.push({ type, payload });
        throw new BackgroundError('offline', 'Anytype is not running. Start Anytype Desktop, then try again.');
      }
      if (type === 'clip.submit') {
        calls.push({ type, payload });
        return { clientId: 'x', state: 'queued', spaceId: 's2', message: 'Kept' } as never;
      }
      return inner.call(type, payload);
    },
  };
}

const types = [
  { id: 't-note', key: 'note', name: 'Note' },
  { id: 't-page', key: 'page', name: 'Page' },
];
const lists = {
  spaces: [
    { id: 's1', name: 'Work' },
    { id: 's2', name: 'Research' },
  ],
  bySpace: {
    s1: { types, collections: [], tags: [] },
    s2: { types, collections: [{ id: 'c1', name: 'Reading list' }], tags: [{ id: 'g1', name: 'ai' }] },
  },
};
const prefs = { spaceId: 's2', typeKeyBySpace: { s2: 'note' }, collectionBySpace: { s2: 'c1' }, mode: 'article' as const };
const arrived = <T>(value: T) => ({ promise: Promise.resolve(value), arrived: true, value });

describe('clip form while Anytype is not running', () => {
  it('draws from the lists seen last time, says so, and Save sends the clip to the queue', async () => {
    const calls: { type: string; payload: unknown }[] = [];
    const cache = { load: async () => lists, save: async () => undefined };
    const form = createClipFormController({ background: anytypeDown(calls), prefs: createClipPrefsStore(memoryArea()), cache }, () => {});
    await form.init(5);
    expect(form.state.error).toBeUndefined();
    expect(form.state).toMatchObject({ offline: true, loading: false, spaceId: 's1', typeKey: 'page' });
    expect(form.state.error).toBeUndefined();
    expect(form.state.spaces).toEqual(lists.spaces);
    await form.selectSpace('s2');
    expect(form.state).toMatchObject({ offline: true, spaceId: 's2', collections: lists.bySpace.s2.collections });
    expect(form.state.error).toBeUndefined();
    form.setCollection('c1');
    await form.save();
    expect(calls.filter((c) => c.type === 'clip.submit').map((c) => c.payload)).toEqual([
      expect.objectContaining({ tabId: 5, spaceId: 's2', typeKey: 'page', collectionId: 'c1', title: 'Page title' }),
    ]);
    expect(form.state.result?.state).toBe('queued');
    expect(form.state.error).toBeUndefined();
  });

  it('starting from the snapshot, whatever space and mode were last chosen, shows no error (and the mode of the page)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('s1', 's2', 'gone'), fc.constantFrom('article', 'selection', 'bookmark'), async (spaceId, mode) => {
        const calls: { type: string; payload: unknown }[] = [];
        const last = { ...prefs, spaceId, mode: mode as 'article' };
        const start = { prefs: arrived(last), lists: arrived(lists), tabId: arrived(2) };
        const form = createClipFormController({ background: anytypeDown(calls), prefs: createClipPrefsStore(memoryArea()), start }, () => {});
        await form.init(2);
        expect(form.state).toMatchObject({ offline: true, loading: false, mode: 'article' });
        expect(form.state.error).toBeUndefined();
        expect(form.state.spaceId).toBe(spaceId === 'gone' ? 's1' : spaceId);
        expect(form.state.typeKey).toBeDefined();
      }),
      { numRuns: 12 },
    );
  });

  it('with no lists ever seen, says that Anytype is not running (not a generic failure)', async () => {
    const form = createClipFormController({ background: anytypeDown([]), prefs: createClipPrefsStore(memoryArea()) }, () => {});
    await form.init(1);
    expect(form.state.error).toMatch(/Anytype is not running/);
    expect(form.state.spaceId).toBeUndefined();
  });

  it('is no longer offline once Anytype answers again', async () => {
    let down = true;
    const calls: { type: string; payload: unknown }[] = [];
    const offline = anytypeDown(calls);
    const online = fakeBackground(calls);
    const background: BackgroundClient = { call: (type, payload) => (down ? offline : online).call(type, payload) };
    const cache = { load: async () => lists, save: async () => undefined };
    const first = createClipFormController({ background, prefs: createClipPrefsStore(memoryArea()), cache }, () => {});
    await first.init(1);
    expect(first.state.offline).toBe(true);
    down = false;
    const second = createClipFormController({ background, prefs: createClipPrefsStore(memoryArea()), cache }, () => {});
    await second.init(1);
    expect(second.state.offline).toBeFalsy();
  });
});
