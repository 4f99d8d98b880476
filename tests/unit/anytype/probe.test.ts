// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { PROBE_PATH, probeAnytype } from '../../../lib/anytype/probe';

function answering(status: number, headers: Record<string, string>) {
  return vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => new Response(status === 204 ? null : 'x', { status, headers }));
}

describe('probeAnytype', () => {
  it("asks the endpoint's own description, with no key, following no redirect", async () => {
    const fetch = answering(200, { 'Anytype-Version': '2025-11-08' });
    expect(await probeAnytype('http://127.0.0.1:31019', { fetch })).toEqual({ state: 'found', serverVersion: '2025-11-08' });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(`http://127.0.0.1:31019${PROBE_PATH}`);
    expect(init?.method).toBe('GET');
    expect(init?.redirect).toBe('manual');
    expect(new Headers(init?.headers).has('authorization')).toBe(false);
  });

  it('says found for any answer carrying Anytype-Version (a refused origin is Anytype too), and not Anytype without it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(200, 204, 401, 403, 404, 429, 500),
        fc.option(fc.stringMatching(/^[0-9a-z.-]{1,80}$/), { nil: undefined }),
        async (status, version) => {
          const fetch = answering(status, version === undefined ? {} : { 'Anytype-Version': version });
          const result = await probeAnytype('http://localhost:31009', { fetch });
          if (version === undefined) expect(result).toEqual({ state: 'not_anytype' });
          else expect(result).toEqual({ state: 'found', serverVersion: version.slice(0, 64) });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('says not running when the connection fails or nothing answers in time', async () => {
    const refused = vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await probeAnytype('http://127.0.0.1:31009', { fetch: refused })).toEqual({ state: 'not_running' });

    const silent = vi.fn(
      (_url: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
    );
    expect(await probeAnytype('http://127.0.0.1:31009', { fetch: silent, timeoutMs: 20 })).toEqual({ state: 'not_running' });
  });

  it('never sends a request off this computer', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.webUrl({ withQueryParameters: true }), fc.integer({ min: 1, max: 65535 }).map((port) => `http://127.0.0.1:${port}`)), async (address) => {
        const fetch = answering(200, { 'Anytype-Version': '1' });
        const result = await probeAnytype(address, { fetch });
        for (const [url] of fetch.mock.calls) expect(new URL(String(url)).hostname).toMatch(/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/);
        if (fetch.mock.calls.length === 0) expect(result).toEqual({ state: 'not_running' });
      }),
      { numRuns: 40 },
    );
  }, 30_000);
});
