// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createQuickClip } from '../../../lib/background/quick-clip';
import { createAfterQuickSave, panelInitFor } from '../../../lib/background/saved-panel';
import type { PanelInit } from '../../../lib/background/panel-injector';

const id = fc.stringMatching(/^[a-z0-9]{4,12}$/);
const result = fc.record({
  clientId: id,
  state: fc.constantFrom('done' as const, 'queued' as const, 'failed' as const),
  spaceId: id,
  objectId: fc.option(id, { nil: undefined }),
  openUrl: fc.option(id.map((o) => `anytype://object?objectId=${o}`), { nil: undefined }),
});
const target = fc.record(
  {
    spaceId: id,
    spaceName: fc.string({ maxLength: 30 }),
    typeKey: fc.constantFrom('page', 'bookmark', 'web_clip'),
    collectionId: id,
    tagNames: fc.array(fc.string({ minLength: 1, maxLength: 10 }), { maxLength: 4 }),
  },
  { requiredKeys: ['spaceId', 'typeKey'] },
);

function recorder() {
  const order: string[] = [];
  const shown: { tabId: number; init: PanelInit }[] = [];
  const remembered: { tabId: number; clip: unknown }[] = [];
  const afterSave = createAfterQuickSave({
    recent: {
      async set(tabId, clip) {
        order.push('recent');
        remembered.push({ tabId, clip });
      },
    },
    async show(tabId, init) {
      order.push('show');
      shown.push({ tabId, init });
    },
  });
  return { afterSave, order, shown, remembered };
}

describe('the panel after a quick clip', () => {
  it('shows the saved object and remembers it for the tab, only when there is one to open', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(1000), result, target, async (tabId, saved, used) => {
        const { afterSave, order, shown, remembered } = recorder();
        await afterSave(tabId, saved, used);
        if (!saved.objectId || !saved.openUrl) {
          expect(order).toEqual([]);
          return;
        }
        // The recent clip first: the panel's first amend must find it.
        expect(order).toEqual(['recent', 'show']);
        expect(shown[0]).toEqual({ tabId, init: panelInitFor(saved, used) });
        const init = shown[0]!.init;
        expect(init).toMatchObject({ spaceId: saved.spaceId, openUrl: saved.openUrl, tagNames: used.tagNames ?? [], collectionId: used.collectionId });
        expect(remembered).toEqual([
          { tabId, clip: { spaceId: saved.spaceId, objectId: saved.objectId, tagNames: used.tagNames ?? [], collectionId: used.collectionId } },
        ]);
        expect(init.heading).toContain(used.spaceName ? `Saved to ${used.spaceName}` : 'Saved to Anytype');
      }),
      { seed: 16_22, numRuns: 200 },
    );
  });

  it('names the type the clip was saved as: a link quick clip is a bookmark, whatever the rule says', async () => {
    const headings: string[] = [];
    const quick = createQuickClip({
      clipTab: async () => ({ clientId: 'c', state: 'done', spaceId: 's1', objectId: 'o1', openUrl: 'anytype://o1' }),
      resolveTarget: async () => ({ spaceId: 's1', spaceName: 'Research', typeKey: 'page' }),
      notify: () => {},
      afterSave: async (_tab, saved, used) => {
        headings.push(panelInitFor(saved, used)?.heading ?? '');
      },
    });
    await quick.run({ id: 1, url: 'https://a.example/' }, 'link', 'https://b.example/');
    await quick.run({ id: 1, url: 'https://a.example/' }, 'article');
    expect(headings).toEqual(['Saved to Research · Bookmark', 'Saved to Research · Page']);
  });
});
