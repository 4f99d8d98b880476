/**
 * Inlining the images Anytype Desktop cannot fetch itself. During conversion each image that might
 * need it (same origin as the page, a blob: URL, or a cross-origin host) is written as a placeholder;
 * afterwards the placeholders become `data:` URIs for the images that were fetched in time and within
 * budget, and links for the rest. The placeholder carries a random nonce, so page text can never
 * pose as one, and text such as code that merely mentions an image URL is never rewritten.
 */
import { type FetchLike, fetchForInlining, type ImageReach, type InlinedImage } from './image-fetch';
import { INLINE_LIMITS, type InlineLimits } from './inline-budget';
import { destination as markdownDestination } from './markdown';
import { resolveUrl, safeImageUrl } from './url';

export interface ImageInliner {
  /** For MarkdownOptions.imageUrl: the destination to write now, a placeholder for a candidate. */
  imageUrl(source: string | null, baseUrl: string): string | undefined;
  /** Replaces every placeholder. Never throws and never waits past the deadline. */
  inline(markdown: string): Promise<string>;
}

interface Candidate {
  url: string;
  reach: ImageReach;
}

function nonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function reachOf(url: string, pageOrigin: string): ImageReach {
  if (url.startsWith('blob:')) return 'blob';
  return new URL(url).origin === pageOrigin ? 'same-origin' : 'cross-origin';
}

/** Runs `task` over `items`, `width` at a time, until `stop()` says no more should start. */
async function pool<T>(items: T[], width: number, stop: () => boolean, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stop()) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

export function createImageInliner(pageUrl: string, fetchFn: FetchLike, limits: InlineLimits = INLINE_LIMITS): ImageInliner {
  const pageOrigin = new URL(pageUrl).origin;
  const prefix = `clip-image-${nonce()}-`;
  const candidates: Candidate[] = [];

  function imageUrl(source: string | null, baseUrl: string): string | undefined {
    const safe = safeImageUrl(source, baseUrl);
    // blob: URLs are dropped as links (Desktop can never open one) but can be read from the page.
    const blob = !safe && source ? resolveUrl(source, baseUrl) : undefined;
    const url = safe ?? (blob?.startsWith('blob:') ? blob : undefined);
    if (!url || url.startsWith('data:')) return url;
    if (candidates.length >= limits.maxImages) return safe;
    candidates.push({ url, reach: reachOf(url, pageOrigin) });
    return `${prefix}${candidates.length - 1}`;
  }

  async function fetchAll(): Promise<Map<string, InlinedImage>> {
    const fetched = new Map<string, InlinedImage>();
    const controller = new AbortController();
    let bytes = 0;
    let expired = false;
    const unique = [...new Map(candidates.map((c) => [c.url, c])).values()];
    const work = pool(unique, limits.concurrency, () => expired || bytes >= limits.totalBytes, async (c) => {
      const image = await fetchForInlining(c.url, c.reach, fetchFn, controller.signal, limits.perImageBytes);
      if (image && !expired) {
        fetched.set(c.url, image);
        bytes += image.bytes;
      }
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, limits.deadlineMs);
    });
    await Promise.race([work, deadline]);
    clearTimeout(timer);
    expired = true;
    controller.abort();
    return fetched;
  }

  async function inline(markdown: string): Promise<string> {
    if (candidates.length === 0) return markdown;
    let fetched = new Map<string, InlinedImage>();
    try {
      fetched = await fetchAll();
    } catch {
      // Links are always a correct answer.
    }
    let used = 0;
    const image = new RegExp(`!\\[(?:\\\\.|[^\\\\\\]])*\\]\\(${prefix}(\\d+)(?: "(?:\\\\.|[^"\\\\])*")?\\)`, 'g');
    const placeholder = new RegExp(`${prefix}(\\d+)`, 'g');
    return markdown
      .replace(image, (whole, index: string) => {
        const c = candidates[Number(index)] as Candidate;
        const data = fetched.get(c.url);
        if (data && used + data.bytes <= limits.totalBytes) {
          used += data.bytes;
          return whole.replace(`${prefix}${index}`, () => data.dataUri);
        }
        // A blob: link would be dead in Anytype; the image goes, as it did before inlining existed.
        return c.reach === 'blob' ? '' : whole.replace(`${prefix}${index}`, () => markdownDestination(c.url));
      })
      .replace(placeholder, (_whole, index: string) => {
        const c = candidates[Number(index)] as Candidate;
        return c.reach === 'blob' ? '' : markdownDestination(c.url);
      });
  }

  return { imageUrl, inline };
}
