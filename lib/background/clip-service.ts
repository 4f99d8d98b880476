/**
 * One clip, from the background's side: capture the tab, build the object, put it in the
 * write-ahead queue (stored before anything is sent), give the queue a moment to deliver, and
 * answer with where it went or that it is waiting.
 */
import { i18n } from '#i18n';
import { bySourceUrl } from '../anytype';
import type { CapturedPage, PageMode } from '../capture/schema';
import type { ClipJob, ClipQueue } from '../queue';
import type { MessageInput, MessageOutput } from '../protocol/messages';
import { ProtocolFailure, type AllowedSender } from '../protocol/router';
import { previewExcerpt } from '../preview/excerpt';
import { clipSize } from '../preview/size';
import { buildClip, clipBody } from './clip-builder';
import type { ConnectionService } from './connection-service';
import { createRecentCaptures, type RecentCapturesOptions } from './recent-captures';

export interface PageCapturer {
  capture(tabId: number, mode: PageMode): Promise<CapturedPage>;
}

export interface TabInfo {
  id: number;
  url: string;
  title: string;
}

export interface TabLookup {
  get(tabId: number): Promise<TabInfo>;
}

export interface ClipServiceDeps {
  connections: ConnectionService;
  queue: ClipQueue;
  capturer: PageCapturer;
  tabs: TabLookup;
  /** How long submit waits for the queue before answering "queued". */
  deliveryWaitMs?: number;
  /** How long the preview's read of a page stands in for Save (tests shorten it). */
  captures?: RecentCapturesOptions;
}

export type ClipRequest = Omit<MessageInput<'clip.submit'>, 'tabId'>;

export function openInAnytypeUrl(spaceId: string, objectId: string): string {
  return `anytype://object?objectId=${encodeURIComponent(objectId)}&spaceId=${encodeURIComponent(spaceId)}`;
}

/**
 * What a kept clip says: why it waits and that it goes on by itself. Anytype's own words for a
 * failure ("…then try again") are written for a request that is over; a queued clip is not.
 */
export function keptMessage(kind: string | undefined, reason: string | undefined): string {
  if (kind === 'offline') return i18n.t('background.keptOffline');
  if (kind === 'unauthorized' || kind === 'key_expired') return i18n.t('background.keptUnpaired');
  if (kind === 'rate_limited') return i18n.t('background.keptBusy');
  // Only this refusal needs the person to act (reload the extension); the others pass by themselves.
  if (kind === 'origin_rejected' && reason) return i18n.t('background.keptBecause', { reason });
  return i18n.t('background.kept');
}

const WEB_PAGE = /^https?:\/\//i;

/**
 * A web page the extension may not read (an extension store, a PDF viewer, a page without host
 * access) can still be kept as a bookmark: its address and title are the browser's, not the page's.
 */
function bookmarkOfUnreadable(mode: string, url: string, error: unknown): boolean {
  return mode === 'bookmark' && WEB_PAGE.test(url) && error instanceof ProtocolFailure && error.code === 'cannot_capture';
}

export function createClipService(deps: ClipServiceDeps) {
  const waitMs = deps.deliveryWaitMs ?? 8000;
  // The preview reads the page as the popup opens; Save then sends that read instead of a second one.
  const captures = createRecentCaptures(deps.capturer, deps.captures);

  function tabFor(requested: number | undefined, sender: AllowedSender): number {
    // Only our own pages may name a tab: any other sender speaks for its own tab alone, whatever
    // its payload says (no such sender may send clip.preview or clip.submit today; this holds if one ever is).
    if (sender.class !== 'extension_page') return sender.tabId;
    if (requested === undefined) throw new ProtocolFailure('no_tab', i18n.t('quick.noTab'));
    return requested;
  }

  function answerFor(job: ClipJob): MessageOutput<'clip.submit'> {
    const base = { clientId: job.clientId, spaceId: job.target.spaceId };
    if (job.status === 'done' && job.objectId) {
      return { ...base, state: 'done', objectId: job.objectId, openUrl: openInAnytypeUrl(job.target.spaceId, job.objectId) };
    }
    if (job.status === 'failed') return { ...base, state: 'failed', message: job.lastError?.message };
    return { ...base, state: 'queued', message: keptMessage(job.lastError?.kind, job.lastError?.message) };
  }

  /** Clips tab `tabId` as asked; the source URL is the tab's, as the browser reports it. */
  async function clipTab(tabId: number, input: ClipRequest): Promise<MessageOutput<'clip.submit'>> {
    await deps.connections.client(); // not paired: say so now rather than queue a clip with nowhere to go
    const tab = await deps.tabs.get(tabId);
    const needsPage = input.mode !== 'link' && input.mode !== 'image';
    if (!needsPage && !input.targetUrl) throw new ProtocolFailure('invalid_message', i18n.t('background.nothingToSave'));
    const captured = needsPage
      ? await captures.take(tab.id, input.mode as PageMode, tab.url).catch((error: unknown) => {
          if (bookmarkOfUnreadable(input.mode, tab.url, error)) return undefined;
          throw error;
        })
      : undefined;
    // Which metadata properties the space has is settled at delivery (lib/queue/anytype-delivery),
    // so a clip saved while Anytype is away keeps its author, date and description.
    const job = await deps.queue.enqueue(buildClip({ pageUrl: tab.url, pageTitle: tab.title, captured }, input));
    // From here the clip is stored: a storage write failing while it is sent (the queue retries it
    // from storage) must not turn the answer into "not saved", or the person clips it twice.
    await Promise.race([deps.queue.process().catch(() => undefined), delay(waitMs)]);
    return answerFor((await deps.queue.get(job.clientId)) ?? job);
  }

  return {
    async preview(input: MessageInput<'clip.preview'>, sender: AllowedSender): Promise<MessageOutput<'clip.preview'>> {
      const tabId = tabFor(input.tabId, sender);
      // A tab the browser will not describe still gets the capturer's own refusal, as before.
      const tab = await deps.tabs.get(tabId).catch(() => undefined);
      const url = tab?.url ?? '';
      let page: CapturedPage;
      try {
        page = await captures.start(tabId, input.mode, url);
      } catch (error) {
        if (!tab || !bookmarkOfUnreadable(input.mode, url, error)) throw error;
        return { url, title: tab.title, markdown: '', size: { words: 0, images: 0, inlinedImages: 0 } };
      }
      // What Save will send of the page, through the same path, so the preview shows what is stored.
      const body = clipBody({ pageUrl: url || page.url, pageTitle: tab?.title ?? page.title, captured: page }, { mode: input.mode });
      return {
        url: page.url,
        title: page.title,
        ...previewExcerpt(body),
        size: clipSize(body),
        siteName: page.metadata.siteName,
        selectionEmpty: page.selectionEmpty,
      };
    },

    submit(input: MessageInput<'clip.submit'>, sender: AllowedSender): Promise<MessageOutput<'clip.submit'>> {
      return clipTab(tabFor(input.tabId, sender), input);
    },

    clipTab,

    async existing(input: MessageInput<'clip.existing'>): Promise<MessageOutput<'clip.existing'>> {
      const client = await deps.connections.client();
      const found = await client.search.inSpace(input.spaceId, bySourceUrl(input.url), { limit: 5 });
      const first = found.data[0];
      if (!first) return null;
      return { objectId: first.id, name: first.name, openUrl: openInAnytypeUrl(input.spaceId, first.id) };
    },
  };
}

export type ClipService = ReturnType<typeof createClipService>;

/** Failures the queue waits out (Anytype closed or busy, key refused until a new pairing). */

/**
 * The space's properties only decide which page metadata (author, description, …) to fill.
 * When Anytype cannot answer now, the clip is still stored in the queue, with `source` and without
 * that metadata: failing here would lose the clip the write-ahead queue exists to keep.
 */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
