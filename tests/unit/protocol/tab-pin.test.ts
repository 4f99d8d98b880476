// @vitest-environment node
/**
 * The second wall behind the sender matrix: if clip.preview or clip.submit were ever opened to a
 * sender other than our own pages, that sender still clips its own tab, never one it names.
 */
import { describe, expect, it } from 'vitest';
import type { AnytypeClient } from '../../../lib/anytype';
import { createClipService } from '../../../lib/background/clip-service';
import type { ConnectionService } from '../../../lib/background/connection-service';
import type { ClipQueue } from '../../../lib/queue';
import type { AllowedSender } from '../../../lib/protocol/router';
import { OTHER_TAB, PANEL_SPACE, PANEL_TAB } from './boundary-fixtures';

const PANEL: AllowedSender = { class: 'panel', url: 'https://example.com/a', tabId: PANEL_TAB, spaceId: PANEL_SPACE };
const POPUP: AllowedSender = { class: 'extension_page', url: 'chrome-extension://id/popup.html' };

function service() {
  const captured: number[] = [];
  const described: number[] = [];
  const clips = createClipService({
    connections: { client: async () => ({}) as AnytypeClient } as unknown as ConnectionService,
    queue: {} as ClipQueue,
    capturer: {
      async capture(tabId) {
        captured.push(tabId);
        throw new Error('stop here: the tab is what this test is about');
      },
    },
    tabs: {
      async get(id) {
        described.push(id);
        return { id, url: `https://site.example/${id}`, title: `Tab ${id}` };
      },
    },
  });
  return { clips, captured, described };
}

describe('the tab pin', () => {
  it('a non-page sender’s preview reads its own tab, whatever tab its payload names', async () => {
    const s = service();
    await expect(s.clips.preview({ tabId: OTHER_TAB, mode: 'article' }, PANEL)).rejects.toThrow();
    expect(s.captured).toEqual([PANEL_TAB]);
  });

  it('a non-page sender’s submit clips its own tab, whatever tab its payload names', async () => {
    const s = service();
    const input = { tabId: OTHER_TAB, mode: 'article', spaceId: PANEL_SPACE, typeKey: 'page', title: 'x' } as const;
    await expect(s.clips.submit(input, PANEL)).rejects.toThrow();
    expect(s.described).toEqual([PANEL_TAB]);
    expect(s.captured).toEqual([PANEL_TAB]);
  });

  it('our own pages name the tab they clip', async () => {
    const s = service();
    await expect(s.clips.preview({ tabId: OTHER_TAB, mode: 'article' }, POPUP)).rejects.toThrow();
    expect(s.captured).toEqual([OTHER_TAB]);
  });
});
