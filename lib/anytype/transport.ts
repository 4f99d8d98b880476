/**
 * The only place that talks HTTP. Every URL is built here from a fixed path template and
 * validated ids, so no caller can point a request (and the API key) anywhere else.
 */
import * as v from 'valibot';
import { AnytypeError } from './errors';
import { errorFromBadBody, errorFromFailure, errorFromResponse, type HttpMethod } from './http-errors';
import { encodeId } from './ids';

export const DEFAULT_BASE_URL = 'http://127.0.0.1:31009';
export const API_VERSION = '2025-11-08';
/** Long enough for a large create pasted by Desktop, short of MV3's 30 s fetch limit. */
export const DEFAULT_TIMEOUT_MS = 20_000;

/** A route of the local API, e.g. `/v1/spaces/{space_id}/objects`. */
export type PathTemplate = `/v1/${string}`;

export interface TransportOptions {
  baseUrl?: string;
  apiKey?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface RequestSpec<TSchema extends v.GenericSchema> {
  method: HttpMethod;
  path: PathTemplate;
  /** Values for the `{placeholders}` in `path`; each is validated as an id. */
  params?: Record<string, string>;
  query?: Record<string, number>;
  body?: unknown;
  schema: TSchema;
  /** Overrides the transport's timeout for slow routes (pairing waits for the person). */
  timeoutMs?: number;
}

export interface Transport {
  readonly baseUrl: string;
  readonly serverVersion: string | undefined;
  request<TSchema extends v.GenericSchema>(spec: RequestSpec<TSchema>): Promise<v.InferOutput<TSchema>>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Accepts `http(s)://<loopback>[:port]` only. Anytype listens on loopback; sending the key to any
 * other host would hand it to whoever runs that host.
 */
export function normalizeBaseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new TypeError('Anytype URL is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError('Anytype URL must use http');
  if (!LOOPBACK_HOSTS.has(url.hostname) && !/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname)) {
    throw new TypeError('Anytype URL must point to this computer (127.0.0.1 or localhost)');
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw new TypeError('Anytype URL must be only scheme, host and port');
  }
  return url.origin;
}

const TEMPLATE_PATTERN = /^\/v1(\/([a-z0-9_]+|\{[a-z_]+\}))+$/;

export function buildPath(template: string, params: Record<string, string> = {}): string {
  if (!TEMPLATE_PATTERN.test(template)) throw new TypeError(`not a path template: ${template}`);
  const used = new Set<string>();
  const path = template.replace(/\{([a-z_]+)\}/g, (_match, name: string) => {
    used.add(name);
    return encodeId(params[name], name);
  });
  for (const name of Object.keys(params)) {
    if (!used.has(name)) throw new TypeError(`unused path parameter: ${name}`);
  }
  return path;
}

function buildUrl(baseUrl: string, path: string, query: Record<string, number> | undefined): string {
  const url = new URL(path, `${baseUrl}/`);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (!Number.isSafeInteger(value) || value < 0) throw new TypeError(`invalid ${name}`);
    url.searchParams.set(name, String(value));
  }
  if (url.origin !== baseUrl) throw new TypeError('request left the Anytype origin');
  return url.href;
}

export function createTransport(opts: TransportOptions = {}): Transport {
  const baseUrl = normalizeBaseUrl(opts.baseUrl ?? DEFAULT_BASE_URL);
  // Call through globalThis at request time: a bare reference to `fetch` can lose its `this`.
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const defaultTimeout = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const secret = opts.apiKey;
  let serverVersion: string | undefined;

  async function request<TSchema extends v.GenericSchema>(spec: RequestSpec<TSchema>): Promise<v.InferOutput<TSchema>> {
    const { method } = spec;
    const url = buildUrl(baseUrl, buildPath(spec.path, spec.params), spec.query);
    const headers: Record<string, string> = { Accept: 'application/json', 'Anytype-Version': API_VERSION };
    if (secret !== undefined) headers.Authorization = `Bearer ${secret}`;
    let body: string | undefined;
    if (spec.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(spec.body);
    }

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, spec.timeoutMs ?? defaultTimeout);

    let status: number;
    let text: string;
    let wwwAuthenticate: string | null = null;
    try {
      // `redirect: 'manual'`: the API never redirects, and following one could carry the key away.
      const res = await doFetch(url, { method, headers, body, signal: controller.signal, redirect: 'manual' });
      serverVersion = res.headers.get('Anytype-Version') ?? serverVersion;
      status = res.status;
      wwwAuthenticate = res.headers.get('WWW-Authenticate');
      // Reading the body is still under the timeout.
      text = await res.text();
    } catch (error) {
      throw errorFromFailure(method, error, timedOut, secret);
    } finally {
      clearTimeout(timer);
    }

    if (status < 200 || status > 299) {
      throw errorFromResponse({ method, path: spec.path, status, bodyText: text, wwwAuthenticate, secret });
    }
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw errorFromBadBody(method, status, 'not JSON');
    }
    const parsed = v.safeParse(spec.schema, json);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const where = issue ? v.getDotPath(issue) : null;
      throw errorFromBadBody(method, status, `${where ?? 'body'}: ${issue?.expected ?? 'invalid'}`);
    }
    return parsed.output;
  }

  return {
    baseUrl,
    get serverVersion() {
      return serverVersion;
    },
    request,
  };
}

/** Validates caller input before anything is sent; a failure is a bad_request that never reached Anytype. */
export function parseInput<TSchema extends v.GenericSchema>(schema: TSchema, value: unknown, what: string): v.InferOutput<TSchema> {
  const parsed = v.safeParse(schema, value);
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0];
  const where = issue ? v.getDotPath(issue) : null;
  throw new AnytypeError('bad_request', {
    serverMessage: `invalid ${what}${where ? ` at ${where}` : ''}: expected ${issue?.expected ?? 'valid input'}`,
  });
}
