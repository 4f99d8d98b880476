// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { AnytypeClient } from '../../../lib/anytype';
import { createClipService, type PageCapturer } from '../../../lib/background/clip-service';
import type { ConnectionService } from '../../../lib/background/connection-service';
import type { CapturedPage, PageMode } from '../../../lib/capture/schema';
import { type ClipJob, createClipQueue } from '../../../lib/queue';
import type { AllowedSender } from '../../../lib/protocol/router';

const POPUP: AllowedSender = { class: 'extension_page', url: 'chrome-extension://id/popup.html' };
const SUBMIT = { mode: 'article', spaceId: 'space1', typeKey: 'page', title: '' } as const;

function page(tabId: number, mode: PageMode, version: number): CapturedPage {
  return {
    mode,
    url: `https://site.example/${tabId}`,
    title: `Tab ${tabId}`,
    markdown: `# Tab ${tabId} read ${version} (${mode})`,
    metadata: { authors: [] },
  };
}

/** The clip service with a counting capturer, real queue (memory store) and a delivery that records what it got. */
function world() {
  let clock = 1_000_000;
  const reads: { tabId: number; mode: PageMode }[] = [];
  const urls = new Map<number, string>([
    [1, 'https://site.example/1'],
    [2, 'https://site.example/2'],
  ]);
  let failNext = false;
  const capturer: PageCapturer = {
    async capture(tabId, mode) {
      reads.push({ tabId, mode });
      if (failNext) {
        failNext = false;
        throw new Error('the page went away');
      }
      return page(tabId, mode, reads.length);
    },
  };
  let stored: unknown;
  const sent: { markdown: string; storedFirst: boolean }[] = [];
  const queue = createClipQueue({
    store: {
      load: async () => stored,
      save: async (state) => {
        stored = structuredClone(state);
      },
    },
    delivery: {
      async create(job: ClipJob) {
        // Write-ahead: the clip is in storage before its first send.
        const jobs = (stored as { jobs: ClipJob[] } | undefined)?.jobs ?? [];
        sent.push({ markdown: job.payload.markdown, storedFirst: jobs.some((j) => j.clientId === job.clientId) });
        return { objectId: `obj-${sent.length}` };
      },
      async findExisting() {
        return null;
      },
    },
    now: () => clock,
    random: () => 0.5,
    wakeAt: () => {},
  });
  const connections = { client: async () => ({}) as AnytypeClient } as unknown as ConnectionService;
  const clips = createClipService({
    connections,
    queue,
    capturer,
    tabs: { get: async (id) => ({ id, url: urls.get(id) ?? '', title: `Tab ${id}` }) },
    captures: { now: () => clock },
  });
  return {
    clips,
    reads,
    sent,
    navigate: (tabId: number, url: string) => urls.set(tabId, url),
    advance: (ms: number) => {
      clock += ms;
    },
    failNextRead: () => {
      failNext = true;
    },
  };
}

describe('the capture the popup starts as it opens', () => {
  it('is what Save sends: the page is read once, and stored before it is sent', async () => {
    const w = world();
    await w.clips.preview({ tabId: 1, mode: 'article' }, POPUP);
    const result = await w.clips.submit({ ...SUBMIT, tabId: 1 }, POPUP);
    expect(result.state).toBe('done');
    expect(w.reads).toEqual([{ tabId: 1, mode: 'article' }]);
    expect(w.sent).toEqual([{ markdown: '# Tab 1 read 1 (article)', storedFirst: true }]);
  });

  it('is joined by a Save pressed while it is still being read', async () => {
    const w = world();
    const preview = w.clips.preview({ tabId: 1, mode: 'article' }, POPUP);
    const submit = w.clips.submit({ ...SUBMIT, tabId: 1 }, POPUP);
    await Promise.all([preview, submit]);
    expect(w.reads).toHaveLength(1);
  });

  it('is not reused for another tab', async () => {
    const w = world();
    await w.clips.preview({ tabId: 1, mode: 'article' }, POPUP);
    await w.clips.submit({ ...SUBMIT, tabId: 2 }, POPUP);
    expect(w.reads).toEqual([
      { tabId: 1, mode: 'article' },
      { tabId: 2, mode: 'article' },
    ]);
    expect(w.sent[0]?.markdown).toContain('Tab 2');
  });

  it('is not reused for another mode, after the tab navigated, or once it is old', async () => {
    const w = world();
    await w.clips.preview({ tabId: 1, mode: 'article' }, POPUP);
    await w.clips.submit({ ...SUBMIT, tabId: 1, mode: 'fullpage' }, POPUP);
    expect(w.reads).toHaveLength(2);

    await w.clips.preview({ tabId: 1, mode: 'article' }, POPUP);
    w.navigate(1, 'https://site.example/elsewhere');
    await w.clips.submit({ ...SUBMIT, tabId: 1, clientId: crypto.randomUUID() }, POPUP);
    expect(w.reads).toHaveLength(4);

    await w.clips.preview({ tabId: 1, mode: 'article' }, POPUP);
    w.advance(61_000);
    await w.clips.submit({ ...SUBMIT, tabId: 1, clientId: crypto.randomUUID() }, POPUP);
    expect(w.reads).toHaveLength(6);
  });

  it('is used once: a second Save of the same tab reads the page again', async () => {
    const w = world();
    await w.clips.preview({ tabId: 1, mode: 'article' }, POPUP);
    await w.clips.submit({ ...SUBMIT, tabId: 1, clientId: crypto.randomUUID() }, POPUP);
    await w.clips.submit({ ...SUBMIT, tabId: 1, clientId: crypto.randomUUID() }, POPUP);
    expect(w.reads).toHaveLength(2);
    expect(w.sent.map((s) => s.markdown)).toEqual(['# Tab 1 read 1 (article)', '# Tab 1 read 2 (article)']);
  });

  it('that failed is not kept: Save reads the page again', async () => {
    const w = world();
    w.failNextRead();
    await expect(w.clips.preview({ tabId: 1, mode: 'article' }, POPUP)).rejects.toThrow();
    const result = await w.clips.submit({ ...SUBMIT, tabId: 1 }, POPUP);
    expect(result.state).toBe('done');
    expect(w.reads).toHaveLength(2);
  });
});
