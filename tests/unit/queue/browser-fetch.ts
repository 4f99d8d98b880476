/**
 * A model of a browser's HTTP/1.1 fetch for the queue's tests, for the behaviour a dropped
 * connection depends on. Both browsers send a request again by themselves when a reused keep-alive
 * connection closes before any byte of the answer arrives (Chromium's HttpNetworkTransaction
 * resend, Firefox's transaction restart), POST included, and the page never learns of the first
 * try. Seen in both browsers against the sandbox's `dropAfterCreate` fault: two creates, one 201.
 * Once the status line has arrived, neither resends: fetch or the body read rejects.
 *
 * The extension's declarativeNetRequest rules (lib/network/origin-rule.ts) are applied to each
 * request as the browsers apply them; a request that says `Connection: close` retires its socket
 * after the answer, so the next request opens a fresh one, which is never resent.
 */
import { type IncomingMessage, Agent, request } from 'node:http';
import { Readable } from 'node:stream';
import type { OriginRule } from '../../../lib/network/origin-rule';

export interface BrowserFetch {
  fetch: typeof fetch;
  /** How many requests the "browser" sent again by itself. */
  resent(): number;
  close(): void;
}

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/** What the rules do to a request from the extension (initiatorDomains always match here). */
function applyRules(url: string, headers: Record<string, string>, rules: readonly OriginRule[]): Record<string, string> {
  const out = { ...headers };
  for (const rule of rules) {
    if (!url.startsWith(rule.condition.urlFilter.replace(/^\|/, ''))) continue;
    for (const h of rule.action.requestHeaders) out[h.header] = h.value;
  }
  return out;
}

export function browserFetch(rules: readonly OriginRule[]): BrowserFetch {
  // One socket, so "reused" is decided by the order of requests, not by timing.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let resent = 0;

  function once(url: string, init: RequestInit | undefined, attempt: number): Promise<Response> {
    const headers = applyRules(url, headersOf(init), rules);
    const body = typeof init?.body === 'string' ? init.body : undefined;
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    return new Promise((resolve, reject) => {
      let answered = false;
      const req = request(url, { method: init?.method ?? 'GET', headers, agent }, (res: IncomingMessage) => {
        answered = true;
        const status = res.statusCode ?? 0;
        const empty = status === 204 || status === 304;
        const stream = empty ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (typeof value === 'string') responseHeaders.set(name, value);
        }
        resolve(new Response(stream, { status, headers: responseHeaders }));
      });
      const signal = init?.signal;
      signal?.addEventListener('abort', () => {
        req.destroy();
        reject(new DOMException('The operation was aborted.', 'AbortError'));
      });
      req.on('error', () => {
        if (answered) return; // the body stream reports it
        if (req.reusedSocket && attempt < 3) {
          resent += 1;
          once(url, init, attempt + 1).then(resolve, reject);
          return;
        }
        reject(new TypeError('Failed to fetch'));
      });
      req.end(body);
    });
  }

  return {
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => once(String(input), init, 0)) as typeof fetch,
    resent: () => resent,
    close: () => agent.destroy(),
  };
}
