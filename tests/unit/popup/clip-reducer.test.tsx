import { cleanup, render, screen } from '@testing-library/preact';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ClipForm } from '../../../components/clip/ClipForm';
import { reasonText } from '../../../components/clip/SaveBar';
import type { ClipFormController, ClipFormState } from '../../../lib/popup/clip-form';
import { blankClipFormState, type ClipAction, clipSettled, reduceClipForm, saveBlockers, saveReason } from '../../../lib/popup/clip-reducer';
import { MAX_TAGS, tagKey } from '../../../lib/settings/tag-names';

afterEach(cleanup);

const noop = async () => {};
const controller = new Proxy({}, { get: () => noop }) as unknown as ClipFormController;

const TYPES = [
  { id: 't1', key: 'page', name: 'Page' },
  { id: 't2', key: 'note', name: 'Note' },
];
const SPACES = [
  { id: 's1', name: 'Work' },
  { id: 's2', name: 'Research' },
];

/** Every kind of action, answers from Anytype and the browser (`patch`) included. */
const action: fc.Arbitrary<ClipAction> = fc.oneof(
  fc.record({ type: fc.constant('title' as const), title: fc.string({ maxLength: 200 }) }),
  fc.record({ type: fc.constant('note' as const), note: fc.string({ maxLength: 50 }) }),
  fc.record({ type: fc.constant('addTag' as const), name: fc.oneof(fc.constantFrom('News', ' news ', 'ai', 'AI '), fc.string({ maxLength: 8 })) }),
  fc.record({ type: fc.constant('removeTag' as const), name: fc.constantFrom('News', 'ai') }),
  fc.record({ type: fc.constant('mode' as const), mode: fc.constantFrom('article', 'selection', 'fullpage', 'bookmark') as fc.Arbitrary<ClipFormState['mode']> }),
  fc.constant({ type: 'saveStarted' as const }),
  fc.record({
    type: fc.constant('saveFinished' as const),
    result: fc.record({ clientId: fc.constant('c'), state: fc.constantFrom('done', 'queued', 'failed') as fc.Arbitrary<'done' | 'queued' | 'failed'>, spaceId: fc.constantFrom('s1', 's2') }),
  }),
  fc.record({ type: fc.constant('saveFailed' as const), error: fc.constant('Anytype is not running.'), errorCode: fc.constantFrom(undefined, 'offline', 'unauthorized') }),
  fc.constant({ type: 'clipAgain' as const }),
  fc.record({
    type: fc.constant('patch' as const),
    patch: fc.record(
      {
        loading: fc.boolean(),
        spaces: fc.constantFrom([], SPACES),
        spaceId: fc.constantFrom(undefined, 's1', 's2'),
        types: fc.constantFrom([], TYPES),
        typeKey: fc.constantFrom(undefined, 'page', 'note', 'gone'),
        typesEmpty: fc.constantFrom(undefined, true),
        pageLimit: fc.constantFrom(undefined, 'bookmarkOnly', 'none') as fc.Arbitrary<ClipFormState['pageLimit']>,
      },
      { requiredKeys: [] },
    ),
  }),
);

const saveButton = () => screen.queryByRole('button', { name: /Save to Anytype|Saving/ }) as HTMLButtonElement | null;

describe('the clip form reducer, through generated sequences of actions', () => {
  it('Save is enabled exactly when the reason list is empty, and the reason shown is the first of it', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 12 }), (actions) => {
        let state = blankClipFormState();
        const { rerender, unmount } = render(<ClipForm state={state} controller={controller} />);
        for (const next of actions) {
          state = reduceClipForm(state, next);
          const blockers = saveBlockers(state);
          expect(saveReason(state)).toBe(blockers[0]);
          // Usable means a space and one of its types are chosen, nothing is saving and the page may be clipped.
          const usable = !state.saving && state.pageLimit !== 'none' && Boolean(state.spaceId) && state.types.some((t) => t.key === state.typeKey);
          expect(blockers.length === 0).toBe(usable);
          rerender(<ClipForm state={state} controller={controller} />);
          const save = saveButton();
          if (clipSettled(state)) {
            // After Saved: the success card, no form to save a second object from.
            expect(save).toBeNull();
            expect(screen.getByRole('button', { name: 'Clip again' })).toBeTruthy();
          } else {
            expect(save?.disabled).toBe(blockers.length > 0);
            const shown = document.getElementById('save-reason')?.textContent;
            expect(shown).toBe(blockers[0] === undefined ? undefined : reasonText(blockers[0]));
            if (blockers[0]) expect(save?.getAttribute('aria-describedby')).toBe('save-reason');
          }
          // Tags stay clean: each once (whatever the case), at most MAX_TAGS.
          expect(new Set(state.tagNames.map(tagKey)).size).toBe(state.tagNames.length);
          expect(state.tagNames.length).toBeLessThanOrEqual(MAX_TAGS);
        }
        unmount();
      }),
      { seed: 2020, numRuns: 50 },
    );
  }, 60_000);

  it('a Save that ends (saved, kept, failed or refused) is never left saving; Clip again leaves no result behind', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 20 }), (actions) => {
        let state = blankClipFormState();
        for (const next of actions) {
          state = reduceClipForm(state, next);
          if (next.type === 'saveFinished' || next.type === 'saveFailed') expect(state.saving).toBe(false);
          if (next.type === 'saveFailed') expect(state.errorFrom).toBe('save');
          if (next.type === 'clipAgain') expect([state.result, state.error]).toEqual([undefined, undefined]);
        }
      }),
      { seed: 20, numRuns: 300 },
    );
  });
});
