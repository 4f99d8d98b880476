// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClipFormController } from '../../../lib/popup/clip-form';
import { early, known } from '../../../lib/popup/early';
import { createClipPrefsStore } from '../../../lib/settings/clip-prefs';
import { fakeBackground, memoryArea } from './clip-form-fakes';

// Selection first: the page's selection decides the mode the form opens in; last page's mode
// does not follow the person to the next one; a mode they pick stands.
const lists = {
  spaces: [{ id: 's1', name: 'Work' }],
  bySpace: { s1: { types: [{ id: 't-page', key: 'page', name: 'Page' }], collections: [], tags: [] } },
};
const MODES = ['article', 'selection', 'fullpage', 'bookmark'] as const;

function form(selection: ReturnType<typeof known<boolean>> | ReturnType<typeof early<boolean>>, lastMode: (typeof MODES)[number]) {
  const calls: { type: string; payload: unknown }[] = [];
  const prefs = { spaceId: 's1', typeKeyBySpace: {}, collectionBySpace: {}, mode: lastMode };
  const start = { prefs: known(prefs), lists: known(lists), tabId: known(9) };
  const controller = createClipFormController(
    { background: fakeBackground(calls), prefs: createClipPrefsStore(memoryArea()), start, selection },
    () => {},
  );
  return { controller, calls };
}

describe('the mode the clip form opens in', () => {
  it('is Selection when the page has one and Article otherwise, whatever was chosen last time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.constantFrom(...MODES), fc.boolean(), async (selected, lastMode, late) => {
        let settle: (value: boolean) => void = () => {};
        const read = late ? early(new Promise<boolean>((resolve) => (settle = resolve))) : known(selected);
        const { controller, calls } = form(read, lastMode);
        const started = controller.init(9);
        settle(selected);
        await started;
        const expected = selected ? 'selection' : 'article';
        expect(controller.state.mode).toBe(expected);
        // The page is read once, in that mode: no preview of a mode nobody wanted.
        expect(calls.filter((c) => c.type === 'clip.preview').map((c) => c.payload)).toEqual([{ tabId: 9, mode: expected }]);
      }),
      { numRuns: 24 },
    );
  });

  it('a mode the person picks before the selection is known stands', async () => {
    let settle: (value: boolean) => void = () => {};
    const { controller } = form(early(new Promise<boolean>((resolve) => (settle = resolve))), 'article');
    const started = controller.init(9);
    await controller.setMode('bookmark');
    settle(true);
    await started;
    expect(controller.state.mode).toBe('bookmark');
  });

  it('an unreadable page (the read fails) opens in Article', async () => {
    const { controller } = form(early(Promise.reject(new Error('Cannot access a chrome:// URL'))), 'selection');
    await controller.init(9);
    expect(controller.state.mode).toBe('article');
  });
});
