/**
 * Fetches one image as the page does (its cookies, its Referer) and decides whether it must be
 * inlined: only when Anytype Desktop, which fetches image URLs later without either, would fail.
 * Runs in the page's isolated world, where requests are made on the page's behalf and CORS applies.
 */
import { imageDataUri } from './image-bytes';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Where an image lives relative to the page: it decides how it is fetched and whether Desktop could. */
export type ImageReach = 'same-origin' | 'cross-origin' | 'blob';

export interface InlinedImage {
  dataUri: string;
  bytes: number;
}

/** The image's bytes, or undefined past `max` (a declared length is trusted only to refuse early). */
async function readCapped(response: Response, max: number): Promise<Uint8Array | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > max) return undefined;
  const reader = response.body?.getReader();
  if (!reader) {
    const whole = new Uint8Array(await response.arrayBuffer());
    return whole.length <= max ? whole : undefined;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      void reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

function declaresImage(response: Response): boolean {
  const type = (response.headers.get('content-type') ?? '').trim().toLowerCase();
  return type === '' || (type.startsWith('image/') && !type.startsWith('image/svg'));
}

/**
 * Whether a request like Desktop's (no cookies, no Referer, nothing cached) gets the same image.
 * A different length means the server answered anonymous requests with something else, such as a
 * hotlink placeholder.
 */
async function reachableAnonymously(url: string, bytes: number, fetchFn: FetchLike, signal: AbortSignal): Promise<boolean> {
  try {
    const probe = await fetchFn(url, {
      method: 'HEAD',
      mode: 'cors',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      signal,
    });
    const length = probe.headers.get('content-length');
    return probe.ok && declaresImage(probe) && (length === null || Number(length) === bytes);
  } catch {
    return false;
  }
}

/**
 * The image as a data: URI when it should be inlined; undefined keeps it a link (fetch refused by
 * the server or by CORS, too large, not an importable raster image, or fetchable by Desktop anyway).
 */
export async function fetchForInlining(
  url: string,
  reach: ImageReach,
  fetchFn: FetchLike,
  signal: AbortSignal,
  maxBytes: number,
): Promise<InlinedImage | undefined> {
  try {
    // Cross-origin, a credentialed read succeeds only where the host grants this page its cookies.
    const init: RequestInit = reach === 'blob' ? { signal } : { mode: 'cors', credentials: 'include', signal };
    const response = await fetchFn(url, init);
    if (!response.ok || !declaresImage(response)) return undefined;
    const bytes = await readCapped(response, maxBytes);
    const dataUri = bytes && imageDataUri(bytes);
    if (!bytes || !dataUri) return undefined;
    // A blob: URL exists only inside this page; anything else Desktop may well fetch itself.
    if (reach !== 'blob' && (await reachableAnonymously(url, bytes.length, fetchFn, signal))) return undefined;
    return { dataUri, bytes: bytes.length };
  } catch {
    return undefined;
  }
}
