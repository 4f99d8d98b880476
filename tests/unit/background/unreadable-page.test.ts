// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { AnytypeClient } from '../../../lib/anytype';
import { createClipService, type PageCapturer } from '../../../lib/background/clip-service';
import type { ConnectionService } from '../../../lib/background/connection-service';
import { type ClipJob, createClipQueue } from '../../../lib/queue';
import { ProtocolFailure, type AllowedSender } from '../../../lib/protocol/router';

// A web page the browser will not let the extension read (an extension store, a PDF viewer)
// can still be kept as a bookmark from the tab's address and title; nothing else can be clipped.
const POPUP: AllowedSender = { class: 'extension_page', url: 'chrome-extension://id/popup.html' };

function world(url: string) {
  const sent: ClipJob[] = [];
  const capturer: PageCapturer = {
    async capture() {
      throw new ProtocolFailure('cannot_capture', 'This page cannot be clipped.');
    },
  };
  let stored: unknown;
  const queue = createClipQueue({
    store: { load: async () => stored, save: async (state) => {
        stored = structuredClone(state);
      },
    },
    delivery: {
      async create(job) {
        sent.push(job);
        return { objectId: 'o1' };
      },
      async findExisting() {
        return null;
      },
    },
    now: () => 1_000_000,
    random: () => 0.5,
    wakeAt: () => {},
  });
  const connections = { client: async () => ({}) as AnytypeClient } as unknown as ConnectionService;
  const clips = createClipService({
    connections,
    queue,
    capturer,
    tabs: { get: async (id) => ({ id, url, title: 'Clip to Anytype – Chrome Web Store' }) },
  });
  return { clips, sent };
}

describe('a page the extension may not read', () => {
  it('a web page: its bookmark preview and Save use the tab’s address and title', async () => {
    const url = 'https://chromewebstore.google.com/detail/clip-to-anytype/abc';
    const { clips, sent } = world(url);
    const preview = await clips.preview({ tabId: 3, mode: 'bookmark' }, POPUP);
    expect(preview).toEqual({ url, title: 'Clip to Anytype – Chrome Web Store', markdown: '', size: { words: 0, images: 0, inlinedImages: 0 } });
    const result = await clips.submit({ tabId: 3, mode: 'bookmark', spaceId: 's1', typeKey: 'bookmark', title: '' }, POPUP);
    expect(result.state).toBe('done');
    expect(sent.map((job) => [job.sourceUrl, job.payload.name])).toEqual([[url, 'Clip to Anytype – Chrome Web Store']]);
  });

  it('other modes, and any mode of a browser page, are refused as before', async () => {
    const web = world('https://chromewebstore.google.com/');
    await expect(web.clips.preview({ tabId: 3, mode: 'article' }, POPUP)).rejects.toMatchObject({ code: 'cannot_capture' });
    const browserPage = world('chrome://settings/');
    await expect(browserPage.clips.preview({ tabId: 3, mode: 'bookmark' }, POPUP)).rejects.toMatchObject({ code: 'cannot_capture' });
    await expect(
      browserPage.clips.submit({ tabId: 3, mode: 'bookmark', spaceId: 's1', typeKey: 'bookmark', title: '' }, POPUP),
    ).rejects.toMatchObject({ code: 'cannot_capture' });
    expect(browserPage.sent).toEqual([]);
  });
});
