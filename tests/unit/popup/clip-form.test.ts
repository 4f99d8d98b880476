// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createClipFormController } from '../../../lib/popup/clip-form';
import { createPopupSnapshot, snapshotListCache } from '../../../lib/popup/snapshot';
import { fakeBackground, MapStorage, memoryArea } from './clip-form-fakes';
import { createClipPrefsStore } from '../../../lib/settings/clip-prefs';

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
    const cache = snapshotListCache(createPopupSnapshot(new MapStorage()));
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

describe('clip form at popup open', () => {
  const arrived = <T>(value: T) => ({ promise: Promise.resolve(value), arrived: true, value });
  const lists = {
    spaces: [
      { id: 's1', name: 'Work' },
      { id: 's2', name: 'Research' },
    ],
    bySpace: {
      s2: {
        types: [
          { id: 't-note', key: 'note', name: 'Note' },
          { id: 't-page', key: 'page', name: 'Page' },
        ],
        collections: [{ id: 'c1', name: 'Reading list' }],
        tags: [],
      },
    },
  };
  const prefs = { spaceId: 's2', typeKeyBySpace: { s2: 'note' }, collectionBySpace: { s2: 'c1' }, mode: 'bookmark' as const };

  it('starts complete from what the popup read before it rendered, asking the background nothing', () => {
    const calls: { type: string; payload: unknown }[] = [];
    const start = { prefs: arrived(prefs), lists: arrived(lists), tabId: arrived(4) };
    const form = createClipFormController({ background: fakeBackground(calls), prefs: createClipPrefsStore(memoryArea()), start }, () => {});
    // Last time's space, its remembered type and collection; Save is usable. The mode is this
    // page's (Article without a selection), not last time's Bookmark.
    expect(form.state).toMatchObject({ loading: false, tabId: 4, spaceId: 's2', typeKey: 'note', collectionId: 'c1', mode: 'article' });
    expect(calls).toEqual([]);
  });

  it('asks for the preview (the capture Save sends) as soon as it starts', async () => {
    const calls: { type: string; payload: unknown }[] = [];
    const start = { prefs: arrived(prefs), lists: arrived(lists), tabId: arrived(4) };
    const form = createClipFormController({ background: fakeBackground(calls), prefs: createClipPrefsStore(memoryArea()), start }, () => {});
    const done = form.init(4);
    expect(calls[0]).toEqual({ type: 'clip.preview', payload: { tabId: 4, mode: 'article' } });
    await done;
  });

  it('is usable before the templates answer', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const inner = fakeBackground([]);
    const background = {
      async call(type: string, payload: unknown) {
        if (type === 'templates.list') await gate;
        return inner.call(type as never, payload as never);
      },
    } as typeof inner;
    const form = createClipFormController({ background, prefs: createClipPrefsStore(memoryArea()) }, () => {});
    const done = form.init(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(form.state).toMatchObject({ loading: false, spaceId: 's1', typeKey: 'page' });
    release();
    await done;
  });

  it('keeps the preview of the mode chosen last when an older answer arrives late', async () => {
    const answers: ((value: unknown) => void)[] = [];
    const inner = fakeBackground([]);
    const background = {
      async call(type: string, payload: unknown) {
        if (type === 'clip.preview') return new Promise<never>((resolve) => answers.push(resolve as (value: unknown) => void));
        return inner.call(type as never, payload as never);
      },
    } as typeof inner;
    const form = createClipFormController({ background, prefs: createClipPrefsStore(memoryArea()) }, () => {});
    const done = form.init(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const chosen = form.setMode('selection');
    answers[1]?.({ url: 'https://e.example/a', title: 'T', markdown: 'the selection', size: { words: 2, images: 0, inlinedImages: 0 } });
    await chosen;
    answers[0]?.({ url: 'https://e.example/a', title: 'T', markdown: 'the whole article', size: { words: 3, images: 0, inlinedImages: 0 } });
    await done;
    expect(form.state.preview?.markdown).toBe('the selection');
  });
});

describe('clip form with a site rule', () => {
  const arrived = <T>(value: T) => ({ promise: Promise.resolve(value), arrived: true, value });
  const types = [
    { id: 't-note', key: 'note', name: 'Note' },
    { id: 't-page', key: 'page', name: 'Page' },
    { id: 't-bm', key: 'bookmark', name: 'Bookmark' },
  ];
  const spaceLists = { types, collections: [{ id: 'c1', name: 'Reading list' }], tags: [{ id: 'g1', name: 'ai' }] };
  const lists = {
    spaces: [
      { id: 's1', name: 'Work' },
      { id: 's2', name: 'Research' },
    ],
    bySpace: { s1: spaceLists, s2: spaceLists },
  };
  // Last time: Work, as a bookmark; in Research, a page in no collection.
  const remembered = { spaceId: 's1', typeKeyBySpace: { s1: 'bookmark', s2: 'page' }, collectionBySpace: {}, mode: 'article' as const };
  const researchRule = {
    id: 'r1',
    pattern: 'e.example',
    spaceId: 's2',
    typeKey: 'note',
    collectionId: 'c1',
    tagNames: ['shore', 'ai'],
  };
  const PAGE = 'https://e.example/a'; // what fakeBackground's preview reads

  function rememberedStore() {
    const area = memoryArea();
    area.data['prefs:clip'] = remembered;
    return { area, prefs: createClipPrefsStore(area) };
  }

  function formWith(rules: (typeof researchRule | Record<string, unknown>)[], url: string | undefined, calls: { type: string; payload: unknown }[] = []) {
    const { area, prefs } = rememberedStore();
    const start = { prefs: arrived(remembered), lists: arrived(lists), tabId: arrived(3) };
    const site = arrived({ rules: rules as (typeof researchRule)[], url });
    const form = createClipFormController({ background: fakeBackground(calls), prefs, start, site }, () => {});
    return { form, area };
  }

  it("starts from the matching rule's space, type, collection and tags in its first render, and saves there", async () => {
    const calls: { type: string; payload: unknown }[] = [];
    const { form, area } = formWith([researchRule], PAGE, calls);
    const fromRule = { spaceId: 's2', typeKey: 'note', collectionId: 'c1', tagNames: ['shore', 'ai'], siteRule: 'e.example' };
    expect(form.state).toMatchObject({ loading: false, ...fromRule });
    await form.init(3);
    expect(form.state).toMatchObject(fromRule);
    await form.save();
    expect(calls.find((c) => c.type === 'clip.submit')?.payload).toMatchObject({
      spaceId: 's2',
      typeKey: 'note',
      collectionId: 'c1',
      tagNames: ['shore', 'ai'],
    });
    // The rule's choice is not remembered as the person's: the next page starts where they left off.
    expect(area.data['prefs:clip']).toEqual(remembered);
  });

  it('applies the rule when nothing was read before the popup rendered', async () => {
    const site = arrived({ rules: [researchRule], url: PAGE });
    const form = createClipFormController({ background: fakeBackground([]), prefs: rememberedStore().prefs, site }, () => {});
    await form.init(3);
    expect(form.state).toMatchObject({ spaceId: 's2', typeKey: 'note', collectionId: 'c1', tagNames: ['shore', 'ai'] });
  });

  it('falls back to the remembered space when the rule names a space that no longer exists', async () => {
    const { form } = formWith([{ ...researchRule, spaceId: 'gone' }], PAGE);
    await form.init(3);
    // The type and collection were meant for the missing space; the tags still apply.
    expect(form.state).toMatchObject({ spaceId: 's1', typeKey: 'bookmark', collectionId: undefined, tagNames: ['shore', 'ai'] });
  });

  it('falls back to the remembered type and collection when the rule names ones the space no longer has', async () => {
    const { form } = formWith([{ ...researchRule, typeKey: 'recipe', collectionId: 'c-gone' }], PAGE);
    await form.init(3);
    expect(form.state).toMatchObject({ spaceId: 's2', typeKey: 'page', collectionId: undefined, siteRule: 'e.example' });
  });

  it('starts from the remembered choices as before when no rule matches', async () => {
    const { form } = formWith([{ ...researchRule, pattern: 'other.example' }], PAGE);
    await form.init(3);
    expect(form.state).toMatchObject({ spaceId: 's1', typeKey: 'bookmark', collectionId: undefined, tagNames: [] });
    expect(form.state.siteRule).toBeUndefined();
  });

  /** A form whose tab address the browser did not give: the rule is known once the preview has read the page. */
  function formWaitingForPreview(rule: Record<string, unknown>) {
    const previews: ((value: unknown) => void)[] = [];
    const inner = fakeBackground([]);
    const background = {
      async call(type: string, payload: unknown) {
        if (type === 'clip.preview') return new Promise<never>((resolve) => previews.push(resolve as (value: unknown) => void));
        return inner.call(type as never, payload as never);
      },
    } as typeof inner;
    const start = { prefs: arrived(remembered), lists: arrived(lists), tabId: arrived(3) };
    const site = arrived({ rules: [rule as typeof researchRule], url: undefined });
    const form = createClipFormController({ background, prefs: rememberedStore().prefs, start, site }, () => {});
    const readPage = () => previews[0]?.({ url: PAGE, title: 'T', markdown: 'text', size: { words: 1, images: 0, inlinedImages: 0 } });
    return { form, readPage };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

  it("takes the rule from the preview's address when the tab's was not given", async () => {
    const { form, readPage } = formWaitingForPreview(researchRule);
    const done = form.init(3);
    await settle();
    expect(form.state).toMatchObject({ spaceId: 's1', typeKey: 'bookmark' });
    readPage();
    await done;
    await settle();
    expect(form.state).toMatchObject({ spaceId: 's2', typeKey: 'note', collectionId: 'c1', tagNames: ['shore', 'ai'], siteRule: 'e.example' });
  });

  it('keeps what the person picked before the rule was known', async () => {
    // A rule for any space: its type and collection would apply wherever the form is.
    const { form, readPage } = formWaitingForPreview({ ...researchRule, spaceId: undefined });
    const done = form.init(3);
    await settle();
    await form.selectType('page');
    form.addTag('mine');
    readPage();
    await done;
    await settle();
    // The type and tags are the person's; the collection they left alone comes from the rule.
    expect(form.state).toMatchObject({ spaceId: 's1', typeKey: 'page', collectionId: 'c1', tagNames: ['mine'] });
  });

  it('keeps a space the person picked before the rule was known', async () => {
    const { form, readPage } = formWaitingForPreview(researchRule);
    const done = form.init(3);
    await settle();
    await form.selectSpace('s1');
    form.setCollection('c1');
    readPage();
    await done;
    await settle();
    expect(form.state).toMatchObject({ spaceId: 's1', typeKey: 'bookmark', collectionId: 'c1', tagNames: ['shore', 'ai'] });
  });
});
