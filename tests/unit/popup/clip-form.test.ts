// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { BackgroundClient } from '../../../lib/protocol/client';
import { createClipFormController } from '../../../lib/popup/clip-form';
import { createClipPrefsStore } from '../../../lib/settings/clip-prefs';

function memoryArea() {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key: string) => ({ [key]: data[key] }),
    set: async (items: Record<string, unknown>) => void Object.assign(data, items),
    remove: async (key: string) => void delete data[key],
  };
}

function fakeBackground(calls: { type: string; payload: unknown }[]): BackgroundClient {
  const answers: Record<string, unknown> = {
    'spaces.list': [
      { id: 's1', name: 'Work' },
      { id: 's2', name: 'Research' },
    ],
    'types.list': [
      { id: 't-note', key: 'note', name: 'Note' },
      { id: 't-page', key: 'page', name: 'Page' },
      { id: 't-bm', key: 'bookmark', name: 'Bookmark' },
    ],
    'collections.list': [{ id: 'c1', name: 'Reading list' }],
    'tags.list': [{ id: 'g1', name: 'ai' }],
    'templates.list': [],
    'clip.preview': { url: 'https://e.example/a', title: 'Page title', previewText: 'Hello', characters: 5 },
    'clip.existing': null,
    'clip.submit': { clientId: 'x', state: 'done', spaceId: 's2', objectId: 'o1', openUrl: 'anytype://object?objectId=o1&spaceId=s2' },
  };
  return {
    async call(type, payload) {
      calls.push({ type, payload });
      return answers[type] as never;
    },
  };
}

describe('clip form', () => {
  it('starts from the page title and the first space, preferring the Page type', async () => {
    const calls: { type: string; payload: unknown }[] = [];
    const form = createClipFormController({ background: fakeBackground(calls), prefs: createClipPrefsStore(memoryArea()) }, () => {});
    await form.init(7);
    expect(form.state).toMatchObject({ spaceId: 's1', typeKey: 'page', title: 'Page title', loading: false });
    expect(calls.find((c) => c.type === 'clip.preview')?.payload).toEqual({ tabId: 7, mode: 'article' });
  });

  it('sends the choices on save and remembers space, type and collection for next time', async () => {
    const calls: { type: string; payload: unknown }[] = [];
    const area = memoryArea();
    const form = createClipFormController({ background: fakeBackground(calls), prefs: createClipPrefsStore(area) }, () => {});
    await form.init(7);
    await form.selectSpace('s2');
    await form.selectType('bookmark');
    form.setCollection('c1');
    form.addTag('ai');
    form.addTag('AI');
    form.addTag('new tag');
    form.setNote('for later');
    await form.save();
    await form.save();
    const submits = calls.filter((c) => c.type === 'clip.submit').map((c) => c.payload as { clientId: string });
    expect(submits).toHaveLength(2);
    expect(submits[0]?.clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(submits[1]?.clientId).toBe(submits[0]?.clientId);
    expect(calls.find((c) => c.type === 'clip.submit')?.payload).toMatchObject({
      tabId: 7,
      spaceId: 's2',
      typeKey: 'bookmark',
      collectionId: 'c1',
      tagNames: ['ai', 'new tag'],
      note: 'for later',
      title: 'Page title',
    });
    expect(form.state.result?.state).toBe('done');

    const next = createClipFormController({ background: fakeBackground([]), prefs: createClipPrefsStore(area) }, () => {});
    await next.init(8);
    expect(next.state).toMatchObject({ spaceId: 's2', typeKey: 'bookmark', collectionId: 'c1' });
  });
});

describe('clip form list cache', () => {
  it('is usable from the cache before the background answers, then refreshes', async () => {
    const area = memoryArea();
    const { createListCacheStore } = await import('../../../lib/popup/list-cache-store');
    const cache = createListCacheStore(area);
    const first = createClipFormController({ background: fakeBackground([]), prefs: createClipPrefsStore(memoryArea()), cache }, () => {});
    await first.init(1);
    expect(Object.keys((await cache.load())?.bySpace ?? {})).toEqual(['s1']);

    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = fakeBackground([]);
    const slowBackground = {
      async call(type: string, payload: unknown) {
        if (type === 'spaces.list') await gate;
        return slow.call(type as never, payload as never);
      },
    } as typeof slow;
    const second = createClipFormController({ background: slowBackground, prefs: createClipPrefsStore(memoryArea()), cache }, () => {});
    const done = second.init(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(second.state).toMatchObject({ loading: false, spaceId: 's1', typeKey: 'page' });
    release();
    await done;
    expect(second.state.spaces).toHaveLength(2);
  });
});
