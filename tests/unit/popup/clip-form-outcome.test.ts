// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createClipFormController } from '../../../lib/popup/clip-form';
import { saveReason } from '../../../lib/popup/clip-reducer';
import { BackgroundError, type BackgroundClient } from '../../../lib/protocol/client';
import { createClipPrefsStore } from '../../../lib/settings/clip-prefs';
import { fakeBackground, memoryArea } from './clip-form-fakes';

type Call = { type: string; payload: unknown };

/** The fake background, with the answers to some calls replaced, one answer per call in order. */
function answering(calls: Call[], replies: Record<string, unknown[]>): BackgroundClient {
  const base = fakeBackground(calls);
  return {
    async call(type, payload) {
      const queue = replies[type];
      if (!queue?.length) return base.call(type, payload);
      calls.push({ type, payload });
      const reply = queue.shift();
      if (reply instanceof Error) throw reply;
      return reply as never;
    },
  };
}

const TYPES = [{ id: 't-page', key: 'page', name: 'Page' }];

describe('clip form: an empty type list', () => {
  it('is asked for once more, and is used when the second answer has types', async () => {
    const calls: Call[] = [];
    const form = createClipFormController({ background: answering(calls, { 'types.list': [[], TYPES] }), prefs: createClipPrefsStore(memoryArea()) }, () => {});
    await form.init(7);
    expect(calls.filter((c) => c.type === 'types.list')).toHaveLength(2);
    expect(form.state).toMatchObject({ typeKey: 'page', typesEmpty: undefined });
    expect(saveReason(form.state)).toBeUndefined();
  });

  it('that stays empty is explained (the reason beside Save), and Try again asks again', async () => {
    const calls: Call[] = [];
    const form = createClipFormController({ background: answering(calls, { 'types.list': [[], [], TYPES] }), prefs: createClipPrefsStore(memoryArea()) }, () => {});
    await form.init(7);
    expect(form.state.typesEmpty).toBe(true);
    expect(saveReason(form.state)).toBe('noTypes');
    await form.retry();
    expect(form.state).toMatchObject({ typeKey: 'page', typesEmpty: undefined });
    expect(saveReason(form.state)).toBeUndefined();
  });
});

describe('clip form: after Save', () => {
  it('Clip again is another clip (a new client id); Save before it is the same clip', async () => {
    const calls: Call[] = [];
    let n = 0;
    const form = createClipFormController(
      { background: fakeBackground(calls), prefs: createClipPrefsStore(memoryArea()), newClientId: () => `id-${++n}` },
      () => {},
    );
    await form.init(7);
    await form.save();
    expect(form.state.result?.state).toBe('done');
    form.clipAgain();
    expect(form.state.result).toBeUndefined();
    await form.save();
    const ids = calls.filter((c) => c.type === 'clip.submit').map((c) => (c.payload as { clientId: string }).clientId);
    expect(ids).toEqual(['id-1', 'id-2']);
  });

  it('a Save that failed keeps the form, says what failed and Try again saves the same clip again', async () => {
    const calls: Call[] = [];
    const offline = new BackgroundError('server', 'Anytype reported an internal error.');
    const form = createClipFormController({ background: answering(calls, { 'clip.submit': [offline] }), prefs: createClipPrefsStore(memoryArea()) }, () => {});
    await form.init(7);
    await form.save();
    expect(form.state).toMatchObject({ error: 'Anytype reported an internal error.', errorCode: 'server', errorFrom: 'save', saving: false });
    await form.retry();
    const submits = calls.filter((c) => c.type === 'clip.submit').map((c) => (c.payload as { clientId: string }).clientId);
    expect(submits).toHaveLength(2);
    expect(submits[1]).toBe(submits[0]);
    expect(form.state.result?.state).toBe('done');
  });

  it('lists that could not be read: Try again reads them again', async () => {
    const calls: Call[] = [];
    const form = createClipFormController(
      { background: answering(calls, { 'spaces.list': [new BackgroundError('server', 'Anytype reported an internal error.')] }), prefs: createClipPrefsStore(memoryArea()) },
      () => {},
    );
    await form.init(7);
    expect(form.state).toMatchObject({ errorFrom: 'load', errorCode: 'server' });
    await form.retry();
    expect(form.state).toMatchObject({ spaceId: 's1', typeKey: 'page', error: undefined });
  });
});
