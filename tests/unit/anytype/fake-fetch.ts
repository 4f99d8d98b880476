/** A scripted stand-in for `fetch`: records each request and answers from a handler. */

export interface RecordedRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  rawBody: string | undefined;
  redirect: RequestRedirect | undefined;
}

export interface FakeAnswer {
  status?: number;
  /** An object is sent as JSON; a string is sent as is. */
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (req: RecordedRequest) => FakeAnswer | Promise<FakeAnswer>;

export interface FakeFetch {
  fetch: typeof fetch;
  calls: RecordedRequest[];
}

export function fakeFetch(handler: Handler): FakeFetch {
  const calls: RecordedRequest[] = [];
  const impl = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const rawBody = typeof init.body === 'string' ? init.body : undefined;
    const req: RecordedRequest = {
      url: new URL(String(input)),
      method: init.method ?? 'GET',
      headers,
      rawBody,
      body: rawBody === undefined ? undefined : JSON.parse(rawBody),
      redirect: init.redirect,
    };
    calls.push(req);
    const answer = await handler(req);
    const status = answer.status ?? 200;
    const text = typeof answer.body === 'string' ? answer.body : answer.body === undefined ? '' : JSON.stringify(answer.body);
    return new Response(status === 204 ? null : text, {
      status,
      headers: { 'Content-Type': 'application/json', 'Anytype-Version': '2025-11-08', ...answer.headers },
    });
  };
  return { fetch: impl as typeof fetch, calls };
}

/** A fetch that never answers until its signal aborts, like a hung Anytype. */
export function hangingFetch(): FakeFetch {
  const calls: RecordedRequest[] = [];
  const impl = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    calls.push({
      url: new URL(String(input)),
      method: init.method ?? 'GET',
      headers: {},
      body: undefined,
      rawBody: undefined,
      redirect: init.redirect,
    });
    return new Promise((_resolve, reject) => {
      init.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
    });
  };
  return { fetch: impl as typeof fetch, calls };
}

export function apiError(status: number, code: string, message: string): FakeAnswer {
  return { status, body: { object: 'error', status, code, message } };
}

export const SPACE_ID = 'bafyreigyfkt6rbv24sbv5aq2hko3bhmv5xxlf22b4bypdu6j7hnphm3psq.23me69r569oi1';
export const OBJECT_ID = 'bafyreie6n5l5nkbjal37su54cha4coy7qzuhrnajluzv5qd5jvtsrxkequ';
export const API_KEY = 'zhSG/zQRmgADyilWPtgdnfo1qD60oK02/SVgi1GaFt6=';
