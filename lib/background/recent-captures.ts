/**
 * The page the popup's preview read, kept for a short while so that Save sends it instead of
 * reading the page again: the popup starts the capture as it opens, and Save only queues it.
 *
 * A capture is reused only for the same tab, mode and address, while it is fresh; anything else
 * (another tab, a navigation, an old capture, a failed one) is read again. Kept in the worker's
 * memory only: a restarted worker simply captures again.
 */
import type { CapturedPage, PageMode } from '../capture/schema';
import type { PageCapturer } from './clip-service';

export interface RecentCapturesOptions {
  /** How long a capture stands for the page (the person may still be filling in the form). */
  maxAgeMs?: number;
  /** Tabs remembered at once; each entry holds a whole page. */
  maxEntries?: number;
  now?: () => number;
}

interface Entry {
  mode: PageMode;
  url: string;
  at: number;
  page: Promise<CapturedPage>;
}

export interface RecentCaptures {
  /** Reads tab `tabId` now (the popup opened or its mode changed) and keeps the read for `take`. */
  start(tabId: number, mode: PageMode, url: string): Promise<CapturedPage>;
  /**
   * What Save sends: the kept read of that tab if it still fits (same mode and address, fresh),
   * finished or still under way, else a new read. Either way the tab's entry is used up.
   */
  take(tabId: number, mode: PageMode, url: string): Promise<CapturedPage>;
}

export const CAPTURE_MAX_AGE_MS = 60_000;

export function createRecentCaptures(capturer: PageCapturer, options: RecentCapturesOptions = {}): RecentCaptures {
  const maxAge = options.maxAgeMs ?? CAPTURE_MAX_AGE_MS;
  const maxEntries = options.maxEntries ?? 3;
  const now = options.now ?? Date.now;
  const entries = new Map<number, Entry>();

  function start(tabId: number, mode: PageMode, url: string): Promise<CapturedPage> {
    const entry: Entry = { mode, url, at: now(), page: capturer.capture(tabId, mode) };
    entries.delete(tabId);
    entries.set(tabId, entry);
    // Map order is insertion order: the first entries are the oldest.
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries) break;
      entries.delete(oldest);
    }
    // A failed read is not kept: Save tries the page again.
    entry.page.catch(() => {
      if (entries.get(tabId) === entry) entries.delete(tabId);
    });
    return entry.page;
  }

  return {
    start,
    take(tabId, mode, url) {
      const kept = entries.get(tabId);
      entries.delete(tabId);
      // Without an address (the browser did not tell it) a navigation could not be told apart: read again.
      const fits = kept !== undefined && url !== '' && kept.mode === mode && kept.url === url && now() - kept.at <= maxAge;
      if (fits) return kept.page;
      return capturer.capture(tabId, mode);
    },
  };
}
