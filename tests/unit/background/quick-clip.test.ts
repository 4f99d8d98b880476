// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { modeForMenuClick } from '../../../lib/background/context-menus';
import { createQuickClip } from '../../../lib/background/quick-clip';

function setup(state: 'done' | 'queued' | 'failed' = 'done') {
  const notices: { title: string; message: string }[] = [];
  const requests: unknown[] = [];
  const quick = createQuickClip({
    clipTab: async (tabId, request) => {
      requests.push({ tabId, ...request });
      return { clientId: 'c', state, spaceId: 's1', objectId: 'o1', message: 'Anytype is not running.' };
    },
    resolveTarget: async () => ({ spaceId: 's1', spaceName: 'Research', typeKey: 'page', tagNames: ['later'] }),
    notify: (notice) => notices.push(notice),
  });
  return { quick, notices, requests };
}

describe('quick clip', () => {
  it('clips the tab with the resolved target and confirms where it went', async () => {
    const { quick, notices, requests } = setup();
    await quick.run({ id: 3, url: 'https://a.example/x', title: 'X' }, 'article');
    expect(requests).toEqual([
      expect.objectContaining({ tabId: 3, mode: 'article', spaceId: 's1', typeKey: 'page', tagNames: ['later'] }),
    ]);
    expect(notices).toEqual([{ title: 'Saved to Research', message: 'X' }]);
  });

  it('saves links as bookmarks, and refuses non-web link targets with a clear notice', async () => {
    const { quick, notices, requests } = setup();
    await quick.run({ id: 3, url: 'https://a.example/x' }, 'link', 'https://b.example/');
    expect(requests[0]).toMatchObject({ mode: 'link', typeKey: 'bookmark', targetUrl: 'https://b.example/' });
    await quick.run({ id: 3, url: 'https://a.example/x' }, 'image', 'data:image/png;base64,AAAA');
    expect(requests).toHaveLength(1);
    expect(notices[1]?.message).toMatch(/web address/);
  });

  it('says a queued clip is kept, not lost', async () => {
    const { quick, notices } = setup('queued');
    await quick.run({ id: 3, url: 'https://a.example/x' }, 'article');
    expect(notices[0]?.title).toBe('Clip kept in the extension');
  });

  it.each([
    ['link', 'https://b.example/'],
    ['image', 'https://b.example/a.png'],
  ] as const)('a %s clip while Anytype is not running is kept the same way (issue 22.1)', async (mode, targetUrl) => {
    const { quick, notices, requests } = setup('queued');
    await quick.run({ id: 3, url: 'https://a.example/x' }, mode, targetUrl);
    expect(requests[0]).toMatchObject({ mode, targetUrl, spaceId: 's1' });
    expect(notices).toEqual([{ title: 'Clip kept in the extension', message: 'Anytype is not running.' }]);
  });
});

describe('context menu mapping', () => {
  it.each([
    [{ menuItemId: 'clip-page' }, { mode: 'article' }],
    [{ menuItemId: 'clip-selection' }, { mode: 'selection' }],
    [{ menuItemId: 'save-link', linkUrl: 'https://l.example/' }, { mode: 'link', targetUrl: 'https://l.example/' }],
    [{ menuItemId: 'save-image', srcUrl: 'https://i.example/a.png' }, { mode: 'image', targetUrl: 'https://i.example/a.png' }],
    [{ menuItemId: 'something-else' }, undefined],
  ])('%o', (click, expected) => {
    expect(modeForMenuClick(click)).toEqual(expected);
  });
});
