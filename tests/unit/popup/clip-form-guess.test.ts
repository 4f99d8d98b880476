// @vitest-environment node
/** The clip form drawn from the last popup's snapshot, then corrected by what storage says. */
import { describe, expect, it } from 'vitest';
import { createClipFormController } from '../../../lib/popup/clip-form';
import { early, known } from '../../../lib/popup/early';
import type { ClipPrefs } from '../../../lib/settings/clip-prefs';
import type { SiteRule } from '../../../lib/settings/site-rules';
import { fakeBackground, memoryArea } from './clip-form-fakes';
import { createClipPrefsStore } from '../../../lib/settings/clip-prefs';

const types = [
  { id: 't-note', key: 'note', name: 'Note' },
  { id: 't-page', key: 'page', name: 'Page' },
  { id: 't-bm', key: 'bookmark', name: 'Bookmark' },
];
const spaceLists = { types, collections: [{ id: 'c1', name: 'Reading list' }], tags: [] };
const lists = {
  spaces: [
    { id: 's1', name: 'Work' },
    { id: 's2', name: 'Research' },
  ],
  bySpace: { s1: spaceLists, s2: spaceLists },
};
const lastTime: ClipPrefs = { spaceId: 's1', typeKeyBySpace: { s1: 'bookmark' }, collectionBySpace: {}, mode: 'article' };
const rule: SiteRule = { id: 'r1', pattern: 'e.example', spaceId: 's2', typeKey: 'note', collectionId: 'c1', tagNames: ['shore'] };

/** A promise settled by hand, like a storage read still on its way. */
function pending<T>() {
  let settle: (value: T) => void = () => {};
  const promise = new Promise<T>((resolve) => {
    settle = resolve;
  });
  return { promise, settle };
}
const turn = () => new Promise((resolve) => setTimeout(resolve, 5));

function guessedForm(options: { siteRules?: boolean; tab?: Promise<number | undefined> | number } = {}) {
  const calls: { type: string; payload: unknown }[] = [];
  const prefsRead = pending<ClipPrefs>();
  const siteRead = pending<{ rules: SiteRule[]; url?: string }>();
  const tab = options.tab ?? 5;
  const start = {
    prefs: early(prefsRead.promise),
    lists: known(lists),
    tabId: typeof tab === 'number' ? known(tab) : early(tab),
    guess: { prefs: lastTime, siteRules: options.siteRules ?? false },
  };
  const form = createClipFormController(
    { background: fakeBackground(calls), prefs: createClipPrefsStore(memoryArea()), start, site: early(siteRead.promise) },
    () => {},
  );
  return { form, calls, prefsRead, siteRead };
}

describe('clip form drawn from the snapshot', () => {
  it('is complete and usable before storage or the background answer', () => {
    const { form, calls } = guessedForm();
    expect(form.state).toMatchObject({ loading: false, tabId: 5, spaceId: 's1', typeKey: 'bookmark', mode: 'article' });
    expect(calls).toEqual([]);
  });

  it('stays as drawn when storage agrees and no rule matches', async () => {
    const { form, prefsRead, siteRead } = guessedForm();
    const done = form.init(5);
    prefsRead.settle(lastTime);
    siteRead.settle({ rules: [{ ...rule, pattern: 'other.example' }], url: 'https://e.example/a' });
    await done;
    expect(form.state).toMatchObject({ spaceId: 's1', typeKey: 'bookmark', tagNames: [] });
    expect(form.state.siteRule).toBeUndefined();
  });

  it('starts again from the choices storage holds when they differ (remembered in another window)', async () => {
    const { form, prefsRead, siteRead } = guessedForm();
    const done = form.init(5);
    prefsRead.settle({ spaceId: 's2', typeKeyBySpace: { s2: 'note' }, collectionBySpace: { s2: 'c1' }, mode: 'bookmark' });
    siteRead.settle({ rules: [], url: 'https://e.example/a' });
    await done;
    // The mode is the page's, whatever was remembered.
    expect(form.state).toMatchObject({ spaceId: 's2', typeKey: 'note', collectionId: 'c1', mode: 'article' });
  });

  it('applies a site rule that appeared since the snapshot', async () => {
    const { form, prefsRead, siteRead } = guessedForm();
    const done = form.init(5);
    prefsRead.settle(lastTime);
    siteRead.settle({ rules: [rule], url: 'https://e.example/a' });
    await done;
    expect(form.state).toMatchObject({ spaceId: 's2', typeKey: 'note', collectionId: 'c1', tagNames: ['shore'], siteRule: 'e.example' });
  });

  it('keeps what the person picked before storage answered', async () => {
    const { form, prefsRead, siteRead } = guessedForm();
    const done = form.init(5);
    await form.selectType('page');
    prefsRead.settle({ ...lastTime, typeKeyBySpace: { s1: 'note' } });
    siteRead.settle({ rules: [], url: 'https://e.example/a' });
    await done;
    expect(form.state).toMatchObject({ spaceId: 's1', typeKey: 'page' });
  });

  it('waits for the page address when the last popup saw site rules', async () => {
    const { form, prefsRead, siteRead } = guessedForm({ siteRules: true });
    expect(form.state.loading).toBe(true);
    const done = form.init(5);
    prefsRead.settle(lastTime);
    siteRead.settle({ rules: [rule], url: 'https://e.example/a' });
    await done;
    expect(form.state).toMatchObject({ loading: false, spaceId: 's2', typeKey: 'note' });
  });

  it('sends Save to the tab the browser names after the form was drawn', async () => {
    const tab = pending<number | undefined>();
    const { form, calls, prefsRead, siteRead } = guessedForm({ tab: tab.promise });
    expect(form.state).toMatchObject({ loading: false, tabId: undefined, spaceId: 's1' });
    const done = form.init(tab.promise);
    const saved = form.save();
    await turn();
    expect(calls.some((c) => c.type === 'clip.submit')).toBe(false);
    tab.settle(9);
    prefsRead.settle(lastTime);
    siteRead.settle({ rules: [] });
    await Promise.all([done, saved]);
    expect(calls.find((c) => c.type === 'clip.submit')?.payload).toMatchObject({ tabId: 9, spaceId: 's1', typeKey: 'bookmark' });
    expect(calls.find((c) => c.type === 'clip.preview')?.payload).toMatchObject({ tabId: 9 });
  });
});
