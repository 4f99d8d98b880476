// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { showQueue } from '../../../lib/background/badge';
import { keptMessage } from '../../../lib/background/clip-service';
import { chooseQuickTarget } from '../../../lib/background/quick-clip';
import { ERROR_KINDS } from '../../../lib/anytype/errors';

const remembered = { spaceId: 's2', typeKeyBySpace: { s2: 'note' }, collectionBySpace: { s2: 'c9' } };

describe('a quick clip while Anytype is not running', () => {
  it('goes to the rule’s space, else last time’s, with its type and collection', () => {
    expect(chooseQuickTarget({ configured: {}, remembered, spaces: undefined })).toEqual({
      spaceId: 's2',
      spaceName: undefined,
      typeKey: 'note',
      collectionId: 'c9',
      tagNames: undefined,
    });
    const ruled = chooseQuickTarget({
      configured: { spaceId: 's7', typeKey: 'bookmark', tagNames: ['x'] },
      remembered,
      spaces: undefined,
    });
    expect(ruled).toMatchObject({ spaceId: 's7', typeKey: 'bookmark', tagNames: ['x'] });
  });

  it('with no space ever chosen, says that Anytype is not running', () => {
    const none = { typeKeyBySpace: {}, collectionBySpace: {} };
    expect(() => chooseQuickTarget({ configured: {}, remembered: none, spaces: undefined })).toThrow(/not running/);
    expect(() => chooseQuickTarget({ configured: {}, remembered: none, spaces: [] })).toThrow(/no space/i);
  });

  it('with Anytype running, a space that is gone is not used', () => {
    const target = chooseQuickTarget({ configured: { spaceId: 'gone' }, remembered, spaces: [{ id: 's1', name: 'Work' }] });
    expect(target).toMatchObject({ spaceId: 's1', spaceName: 'Work', typeKey: 'page' });
  });
});

describe('what a kept clip says', () => {
  it('never asks the person to try again: it is sent by itself', () => {
    fc.assert(
      fc.property(fc.constantFrom(undefined, ...ERROR_KINDS), fc.string(), (kind, reason) => {
        const text = keptMessage(kind, `${reason} Start Anytype Desktop, then try again.`);
        if (kind === 'origin_rejected') return; // Anytype's refusal: its own words say what to do
        expect(text).not.toMatch(/try again/i);
        expect(text).toMatch(/^Kept/);
      }),
    );
    expect(keptMessage('offline', undefined)).toMatch(/not running.*sent by itself/);
  });
});

describe('the queue shown on the toolbar and to open pages', () => {
  it('tells open pages every change, and a page closed (nobody listening) is no error', async () => {
    const sent: unknown[] = [];
    const api = {
      action: { setBadgeText: async () => {}, setBadgeBackgroundColor: async () => {}, setTitle: async () => {} },
      runtime: {
        sendMessage: async (message: unknown) => {
          sent.push(message);
          throw new Error('Could not establish connection. Receiving end does not exist.');
        },
      },
    };
    const summary = { pending: 1, sending: 1, failed: 0, done: 0, quarantined: 0, paused: null, waitingReason: 'offline' as const };
    showQueue(api, summary);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual([{ type: 'queue.changed', summary: { pending: 2, failed: 0, paused: false, waitingReason: 'offline' } }]);
  });
});
