import { describe, expect, it } from 'vitest';
import { clipArticle, createImageInliner, type FetchLike } from '../../../lib/clip/index';
import { INLINE_LIMITS, type InlineLimits } from '../../../lib/clip/inline-budget';
import { safeImageUrl } from '../../../lib/clip/url';
import { parseHtml } from './helpers';

const PAGE = 'https://news.example/articles/story.html';
const PROSE = '<p>Tide pools are small worlds that the sea refills twice a day, and the animals there wait for the next tide to come in.</p>'.repeat(12);

/** Bytes that start like a real file of the type, padded to `size`. */
function bytesOf(kind: 'png' | 'jpeg' | 'gif' | 'svg' | 'html', size = 64): Uint8Array<ArrayBuffer> {
  const head = {
    png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    jpeg: [0xff, 0xd8, 0xff, 0xe0],
    gif: Array.from('GIF89a', (c) => c.charCodeAt(0)),
    svg: Array.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">', (c) => c.charCodeAt(0)),
    html: Array.from('<!doctype html><p>Forbidden', (c) => c.charCodeAt(0)),
  }[kind];
  const out = new Uint8Array(Math.max(size, head.length));
  out.set(head);
  return out;
}

const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

interface Served {
  body: Uint8Array<ArrayBuffer>;
  type: string;
  /** Answered only to requests that carry the page's cookies (credentials: include). */
  needsCookie?: boolean;
  /** Cross-origin: the host grants this page credentialed CORS reads. */
  corsWithCredentials?: boolean;
  /** Never answers. */
  hang?: boolean;
}

/**
 * A small web as the clipper sees it: same-origin requests always readable, cross-origin ones only
 * with CORS, cookies sent only with credentials: 'include'.
 */
function web(files: Record<string, Served>) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetchFn: FetchLike = async (url, init) => {
    requests.push({ url, init });
    const file = files[url];
    if (file?.hang) return new Promise<Response>(() => {});
    const crossOrigin = !url.startsWith('blob:') && new URL(url).origin !== new URL(PAGE).origin;
    const withCookie = init.credentials === 'include';
    if (crossOrigin && !(file?.corsWithCredentials && withCookie)) throw new TypeError('Failed to fetch (CORS)');
    if (!file) return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    if (file.needsCookie && !withCookie) return new Response('forbidden', { status: 403, headers: { 'content-type': 'text/plain' } });
    const headers = { 'content-type': file.type, 'content-length': String(file.body.length) };
    return new Response(init.method === 'HEAD' ? null : file.body, { status: 200, headers });
  };
  return { fetchFn, requests };
}

async function clip(html: string, fetchFn: FetchLike, limits: Partial<InlineLimits> = {}): Promise<string> {
  const doc = parseHtml(`<html><head><title>Story</title></head><body><article><h1>Story</h1>${PROSE}${html}${PROSE}</article></body></html>`);
  const images = createImageInliner(PAGE, fetchFn, { ...INLINE_LIMITS, ...limits });
  const { markdown } = clipArticle(doc, PAGE, images.imageUrl);
  return images.inline(markdown);
}

describe('inlining images Desktop cannot fetch', () => {
  it('inlines a same-origin image the server gives only with the page cookies', async () => {
    const png = bytesOf('png', 300);
    const { fetchFn } = web({ 'https://news.example/images/heron.png': { body: png, type: 'image/png', needsCookie: true } });
    const md = await clip('<p><img src="../images/heron.png" alt="A heron [wading]"></p>', fetchFn);
    expect(md).toContain(`![A heron \\[wading\\]](data:image/png;base64,${base64(png)})`);
    expect(md).not.toContain('clip-image-');
    expect(md).not.toContain('heron.png');
  });

  it('keeps as a link a same-origin image a request without cookies or Referer gets too', async () => {
    const { fetchFn, requests } = web({ 'https://news.example/images/public.png': { body: bytesOf('png'), type: 'image/png' } });
    const md = await clip('<p><img src="/images/public.png" alt="Public"></p>', fetchFn);
    expect(md).toContain('![Public](https://news.example/images/public.png)');
    // The probe is Desktop's request: no cookies, no Referer, nothing from the cache.
    expect(requests.find((r) => r.init.method === 'HEAD')?.init).toMatchObject({
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
    });
  });

  it('keeps a cross-origin image as a link when the fetch fails (CORS)', async () => {
    const { fetchFn, requests } = web({ 'https://cdn.other.example/a.jpg': { body: bytesOf('jpeg'), type: 'image/jpeg', needsCookie: true } });
    const md = await clip('<p><img src="https://cdn.other.example/a.jpg" alt="Elsewhere"></p>', fetchFn);
    expect(md).toContain('![Elsewhere](https://cdn.other.example/a.jpg)');
    expect(requests[0]?.init).toMatchObject({ mode: 'cors', credentials: 'include' });
  });

  it('inlines a cross-origin image when the host grants this page its cookies and refuses anonymous requests', async () => {
    const gif = bytesOf('gif');
    const { fetchFn } = web({
      'https://media.other.example/p.gif': { body: gif, type: 'image/gif', needsCookie: true, corsWithCredentials: true },
    });
    const md = await clip('<p><img src="https://media.other.example/p.gif" alt="Private"></p>', fetchFn);
    expect(md).toContain(`![Private](data:image/gif;base64,${base64(gif)})`);
  });

  it('keeps an image over the per-image budget as a link', async () => {
    const { fetchFn } = web({ 'https://news.example/big.png': { body: bytesOf('png', 2048), type: 'image/png', needsCookie: true } });
    const md = await clip('<p><img src="/big.png" alt="Big"></p>', fetchFn, { perImageBytes: 1024 });
    expect(md).toContain('![Big](https://news.example/big.png)');
  });

  it('stops inlining once the clip total budget is spent; the rest stay links', async () => {
    const first = bytesOf('png', 600);
    const { fetchFn } = web({
      'https://news.example/1.png': { body: first, type: 'image/png', needsCookie: true },
      'https://news.example/2.png': { body: bytesOf('png', 600), type: 'image/png', needsCookie: true },
    });
    const md = await clip('<p><img src="/1.png" alt="One"></p><p><img src="/2.png" alt="Two"></p>', fetchFn, {
      totalBytes: 1000,
      concurrency: 1,
    });
    expect(md).toContain(`![One](data:image/png;base64,${base64(first)})`);
    expect(md).toContain('![Two](https://news.example/2.png)');
  });

  it('keeps SVG, HTML answers and bytes that are not an importable image as links', async () => {
    const { fetchFn } = web({
      'https://news.example/logo.svg': { body: bytesOf('svg'), type: 'image/svg+xml', needsCookie: true },
      'https://news.example/login.png': { body: bytesOf('html'), type: 'text/html', needsCookie: true },
      'https://news.example/fake.png': { body: bytesOf('svg'), type: 'image/png', needsCookie: true },
    });
    const md = await clip(
      '<p><img src="/logo.svg" alt="Logo"></p><p><img src="/login.png" alt="Login"></p><p><img src="/fake.png" alt="Fake"></p>',
      fetchFn,
    );
    expect(md).toContain('![Logo](https://news.example/logo.svg)');
    expect(md).toContain('![Login](https://news.example/login.png)');
    expect(md).toContain('![Fake](https://news.example/fake.png)');
    expect(md).not.toContain('data:');
  });

  it('keeps links for images still loading at the deadline, without waiting for them', async () => {
    const { fetchFn } = web({ 'https://news.example/slow.png': { body: bytesOf('png'), type: 'image/png', hang: true } });
    const started = Date.now();
    const md = await clip('<p><img src="/slow.png" alt="Slow" title="A slow one"></p>', fetchFn, { deadlineMs: 50 });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(md).toContain('![Slow](https://news.example/slow.png "A slow one")');
  });

  it('inlines blob: images, and drops them when they cannot be read (a blob: link is dead in Anytype)', async () => {
    const png = bytesOf('png');
    const { fetchFn } = web({ 'blob:https://news.example/1b2c': { body: png, type: 'image/png' } });
    const md = await clip('<p><img src="blob:https://news.example/1b2c" alt="Drawn"></p><p><img src="blob:https://news.example/gone" alt="Gone"></p>', fetchFn);
    expect(md).toContain(`![Drawn](data:image/png;base64,${base64(png)})`);
    expect(md).not.toContain('Gone');
    expect(md).not.toContain('blob:');
  });

  it('rewrites images only, never text that mentions the same URL', async () => {
    const png = bytesOf('png');
    const { fetchFn } = web({ 'https://news.example/x.png': { body: png, type: 'image/png', needsCookie: true } });
    const md = await clip('<pre><code>![x](https://news.example/x.png)</code></pre><p><img src="/x.png" alt="x"></p>', fetchFn);
    expect(md).toContain('![x](https://news.example/x.png)\n```');
    expect(md).toContain(`![x](data:image/png;base64,${base64(png)})`);
  });

  it('writes data: URIs that the URL hygiene accepts as they are', async () => {
    for (const kind of ['png', 'jpeg', 'gif'] as const) {
      const { fetchFn } = web({ 'https://news.example/i': { body: bytesOf(kind), type: `image/${kind}`, needsCookie: true } });
      const md = await clip('<p><img src="/i" alt="i"></p>', fetchFn);
      const uri = /\]\((data:[^)]+)\)/.exec(md)?.[1] ?? '';
      expect(uri).toMatch(new RegExp(`^data:image/${kind};base64,`));
      expect(safeImageUrl(uri, PAGE)).toBe(uri);
    }
    expect(safeImageUrl('data:text/html;base64,PHNjcmlwdD4=', PAGE)).toBeUndefined();
    expect(safeImageUrl('data:image/svg+xml;base64,PHN2Zz4=', PAGE)).toBeUndefined();
  });
});
