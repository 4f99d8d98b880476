import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { captureWithImages } from '../../../lib/capture/capture-with-images';
import { CapturedPageSchema } from '../../../lib/capture/schema';
import type { FetchLike } from '../../../lib/clip/index';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8]);
const PROSE = '<p>Some real paragraph text that goes on for a while, with words about rock pools.</p>'.repeat(10);

function page(): Document {
  document.documentElement.innerHTML = `<head><title>Story</title></head><body><article><h1>Story</h1>${PROSE}
    <p><img src="/private/heron.png" alt="A heron"></p>${PROSE}</article></body>`;
  return document;
}

/** The site answers the image only to requests that carry the page's cookies. */
const site: FetchLike = async (_url, init) =>
  init.credentials === 'include'
    ? new Response(init.method === 'HEAD' ? null : PNG, { headers: { 'content-type': 'image/png' } })
    : new Response('login first', { status: 403 });

describe('captureWithImages', () => {
  it('returns a page the background accepts, the protected image inlined', async () => {
    const result = await captureWithImages(page(), null, 'article', site);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.page.markdown).toContain(`![A heron](data:image/png;base64,${btoa(String.fromCharCode(...PNG))})`);
    expect(v.safeParse(CapturedPageSchema, result.page).success).toBe(true);
  });

  it('keeps the link when fetching throws, and never leaves a placeholder behind', async () => {
    const result = await captureWithImages(page(), null, 'article', () => {
      throw new Error('fetch is not allowed here');
    });
    expect(result.ok && result.page.markdown).toContain(`![A heron](${new URL('/private/heron.png', document.URL).href})`);
    expect(result.ok && result.page.markdown).not.toContain('clip-image-');
  });
});
