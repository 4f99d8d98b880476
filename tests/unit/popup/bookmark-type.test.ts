// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOOKMARK_TYPE_KEY } from '../../../lib/anytype/type-keys';
import type { PageMode } from '../../../lib/capture/schema';
import { createClipFormController } from '../../../lib/popup/clip-form';
import type { ClipFormState } from '../../../lib/popup/clip-form-types';
import { blankClipFormState, reduceClipForm } from '../../../lib/popup/clip-reducer';
import { listsPatch } from '../../../lib/popup/form-choices';
import { ownType } from '../../../lib/popup/mode-type';
import { known } from '../../../lib/popup/early';
import { BackgroundError, type BackgroundClient } from '../../../lib/protocol/client';
import { createClipPrefsStore } from '../../../lib/settings/clip-prefs';
import { fakeBackground, memoryArea } from './clip-form-fakes';

// Bookmark mode picks the bookmark type: choosing the mode puts the space's bookmark type in the
// Type picker; another mode brings back the type the person had, unless they picked one meanwhile.
type TypeItem = { id: string; key: string; name: string };
const MODES: PageMode[] = ['article', 'selection', 'fullpage', 'bookmark'];

/** A space's type list: unique keys, the bookmark type at any place or not at all. */
const typeList: fc.Arbitrary<TypeItem[]> = fc
  .tuple(
    fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/), { minLength: 1, maxLength: 8 }),
    fc.boolean(),
    fc.nat(),
  )
  .map(([keys, withBookmark, at]) => {
    const others = keys.filter((key) => key !== BOOKMARK_TYPE_KEY);
    const all = withBookmark ? [...others.slice(0, at % (others.length + 1)), BOOKMARK_TYPE_KEY, ...others.slice(at % (others.length + 1))] : others;
    return (all.length ? all : ['page']).map((key, i) => ({ id: `t-${i}`, key, name: key }));
  });

const hasBookmark = (types: readonly TypeItem[]) => types.some((t) => t.key === BOOKMARK_TYPE_KEY);

type Step = { kind: 'mode'; mode: PageMode } | { kind: 'pick'; index: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('mode' as const), mode: fc.constantFrom(...MODES) }),
  fc.record({ kind: fc.constant('pick' as const), index: fc.nat() }),
);

describe('Bookmark mode and the Type picker (the reducer, against a model)', () => {
  it('shows the bookmark type in Bookmark mode where the space has one, and gives back the person’s own type', () => {
    fc.assert(
      fc.property(typeList, fc.nat(), fc.array(step, { maxLength: 16 }), (types, first, steps) => {
        const initial = types[first % types.length]!.key;
        let state: ClipFormState = { ...blankClipFormState(), loading: false, spaces: [{ id: 's1', name: 'Work' }], spaceId: 's1', types, typeKey: initial };
        // The model: the person's own type, and whether they picked one in this stay in Bookmark mode.
        const model = { own: initial, pickedInBookmark: false, mode: 'article' as PageMode };
        for (const s of steps) {
          const before = state;
          if (s.kind === 'mode') {
            if (s.mode !== model.mode) model.pickedInBookmark = false;
            model.mode = s.mode;
            state = reduceClipForm(state, { type: 'mode', mode: s.mode });
          } else {
            const key = types[s.index % types.length]!.key;
            model.own = key;
            model.pickedInBookmark = model.mode === 'bookmark';
            state = reduceClipForm(state, { type: 'type', typeKey: key });
          }
          const shown = model.mode === 'bookmark' && !model.pickedInBookmark && hasBookmark(types) ? BOOKMARK_TYPE_KEY : model.own;
          expect(state.typeKey).toBe(shown);
          expect(ownType(state)).toBe(model.own);
          // A type that changed takes its own templates: the old type's are not offered with it.
          if (state.typeKey !== before.typeKey) expect([state.templates, state.templateId]).toEqual([[], undefined]);
        }
      }),
      { seed: 22, numRuns: 400 },
    );
  });

  it('lists that arrive in Bookmark mode (another space) show that space’s bookmark type over the person’s own', () => {
    fc.assert(
      fc.property(typeList, typeList, fc.boolean(), fc.nat(), (firstTypes, nextTypes, picked, at) => {
        let state: ClipFormState = { ...blankClipFormState(), loading: false, spaceId: 's1', types: firstTypes, typeKey: firstTypes[at % firstTypes.length]!.key };
        if (picked) state = reduceClipForm(state, { type: 'type', typeKey: state.typeKey });
        state = reduceClipForm(state, { type: 'mode', mode: 'bookmark' });
        const own = ownType(state);
        const prefs = { typeKeyBySpace: {}, collectionBySpace: {}, mode: 'article' as const };
        const { next } = listsPatch(state, { type: picked, collection: false }, 's1', { types: nextTypes, collections: [], tags: [] }, prefs, undefined);
        const after = { ...state, ...next };
        if (hasBookmark(nextTypes)) expect(after.typeKey).toBe(BOOKMARK_TYPE_KEY);
        else expect(after.bookmarkSwap).toBeUndefined();
        // The person's own type carries over where the new list has it, and comes back with another mode.
        if (picked && own && nextTypes.some((t) => t.key === own)) expect(ownType(after)).toBe(own);
        const left = reduceClipForm(after, { type: 'mode', mode: 'article' });
        expect(left.typeKey).toBe(ownType(after));
        expect(nextTypes.some((t) => t.key === left.typeKey)).toBe(true);
      }),
      { seed: 23, numRuns: 300 },
    );
  });
});

/** The fake background with these types in every space. */
function withTypes(calls: { type: string; payload: unknown }[], types: TypeItem[]): BackgroundClient {
  const base = fakeBackground(calls);
  return {
    async call(type, payload) {
      if (type !== 'types.list') return base.call(type, payload);
      calls.push({ type, payload });
      return types as never;
    },
  };
}

async function formWith(types: TypeItem[]) {
  const calls: { type: string; payload: unknown }[] = [];
  const area = memoryArea();
  const form = createClipFormController({ background: withTypes(calls, types), prefs: createClipPrefsStore(area) }, () => {});
  await form.init(7);
  return { form, calls, area };
}

const templatesAskedFor = (calls: { type: string; payload: unknown }[]) =>
  calls.filter((c) => c.type === 'templates.list').map((c) => (c.payload as { typeId: string }).typeId);

describe('Bookmark mode in the clip form', () => {
  it('over generated type lists: Bookmark picks the bookmark type (and asks for its templates), another mode gives the type back', async () => {
    await fc.assert(
      fc.asyncProperty(typeList, fc.option(fc.nat(), { nil: undefined }), fc.constantFrom('article', 'selection', 'fullpage') as fc.Arbitrary<PageMode>, async (types, pickAt, back) => {
        const { form, calls } = await formWith(types);
        if (pickAt !== undefined) await form.selectType(types[pickAt % types.length]!.key);
        const own = form.state.typeKey;
        await form.setMode('bookmark');
        const bookmark = types.find((t) => t.key === BOOKMARK_TYPE_KEY);
        expect(form.state.typeKey).toBe(bookmark ? BOOKMARK_TYPE_KEY : own);
        if (bookmark && own !== BOOKMARK_TYPE_KEY) expect(templatesAskedFor(calls).at(-1)).toBe(bookmark.id);
        await form.setMode(back);
        expect(form.state.typeKey).toBe(own);
      }),
      { seed: 24, numRuns: 40 },
    );
  });

  it('a type picked while in Bookmark mode stands when the mode changes', async () => {
    const { form } = await formWith([
      { id: 't-page', key: 'page', name: 'Page' },
      { id: 't-bm', key: 'bookmark', name: 'Bookmark' },
      { id: 't-note', key: 'note', name: 'Note' },
    ]);
    await form.setMode('bookmark');
    await form.selectType('note');
    await form.setMode('article');
    expect(form.state.typeKey).toBe('note');
    // Back in Bookmark mode, which picks the bookmark type again; and gives "note" back after.
    await form.setMode('bookmark');
    expect(form.state.typeKey).toBe('bookmark');
    await form.setMode('fullpage');
    expect(form.state.typeKey).toBe('note');
  });

  it('Save in Bookmark mode sends the bookmark type and remembers the person’s own type for next time', async () => {
    const types = [
      { id: 't-note', key: 'note', name: 'Note' },
      { id: 't-bm', key: 'bookmark', name: 'Bookmark' },
    ];
    const { form, calls, area } = await formWith(types);
    await form.selectType('note');
    await form.setMode('bookmark');
    await form.save();
    expect(calls.find((c) => c.type === 'clip.submit')?.payload).toMatchObject({ mode: 'bookmark', typeKey: 'bookmark' });
    const next = createClipFormController({ background: withTypes([], types), prefs: createClipPrefsStore(area) }, () => {});
    await next.init(8);
    expect(next.state).toMatchObject({ mode: 'article', typeKey: 'note' });
  });

  it('a page that can only be kept as a bookmark opens with the bookmark type', async () => {
    const calls: { type: string; payload: unknown }[] = [];
    const base = fakeBackground(calls);
    const background: BackgroundClient = {
      async call(type, payload) {
        if (type === 'clip.preview' && (payload as { mode: string }).mode !== 'bookmark') throw new BackgroundError('cannot_capture', 'no');
        return base.call(type, payload);
      },
    };
    const form = createClipFormController(
      { background, prefs: createClipPrefsStore(memoryArea()), site: known({ rules: [], url: 'https://chromewebstore.google.com/x' }) },
      () => {},
    );
    await form.init(3);
    expect(form.state).toMatchObject({ pageLimit: 'bookmarkOnly', mode: 'bookmark', typeKey: 'bookmark' });
  });
});
