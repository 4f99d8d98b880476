/**
 * The /v1 request pipeline, in the order the server applies it: faults, origin check, route,
 * auth, pagination, write limiter, body binding, handler. Every answer is checked against the spec:
 * handler answers against the operation, middleware answers against the shared error schemas.
 */
import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { ApiError, errorBody } from './errors';
import { WRITE_OPERATIONS } from './faults';
import { API_VERSION, header, queryRecord, sleep, writeJson, writeText } from './http-io';
import type { HandlerContext, Page } from './routes/context';
import { ROUTES } from './routes/index';
import { servedDoc, V2_DOC } from './spec-2026';
import type { RouteMatch } from './spec-validator';
import type { SandboxState } from './state';
import type { DropPoint, LogEntry } from './types';

const FORBIDDEN = errorBody(403, 'request origin is not allowed', 'forbidden');
const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/;

/** Strict and current builds: a non-loopback Origin, or no Origin with a same-origin/same-site fetch, is refused. */
function originRefused(req: IncomingMessage): boolean {
  const origin = header(req, 'origin');
  if (origin !== null) return !LOOPBACK_ORIGIN.test(origin);
  const site = header(req, 'sec-fetch-site');
  return site === 'same-origin' || site === 'same-site';
}

function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A component schema a middleware answer is checked against, or the pagination middleware's own shape. */
type Middleware = 'ForbiddenError' | 'UnauthorizedError' | 'RateLimitError' | 'ValidationError' | 'pagination' | (string & {});

/** Pagination as the server's middleware reads it; an error string is its undocumented 400. */
function readPage(query: Record<string, string>): Page | string {
  const offset = query.offset === undefined ? 0 : Number(query.offset);
  const limit = query.limit === undefined ? 100 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return 'limit must be between 1 and 1000';
  if (!Number.isInteger(offset) || offset < 0) return 'offset must be greater than or equal to 0';
  return { offset, limit };
}

/**
 * Writes as much of the answer as `point` lets through, straight to the socket, then destroys it.
 * The headers promise the whole body (Content-Length), so a cut after them is visible to the client.
 */
function cutAnswer(socket: Socket, point: DropPoint, status: number, body: unknown, headers: Record<string, string>): void {
  if (point === 'before_headers') {
    socket.destroy();
    return;
  }
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${bytes.length}`,
    `Anytype-Version: ${API_VERSION}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  const part = point === 'mid_body' ? bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2))) : Buffer.alloc(0);
  socket.write(Buffer.concat([head, part]), () => socket.destroy());
}

export async function handleApi(state: SandboxState, req: IncomingMessage, res: ServerResponse, url: URL, bodyText: string): Promise<void> {
  const method = req.method ?? 'GET';
  const path = url.pathname;
  const query = queryRecord(url);
  const entry: LogEntry = {
    method,
    path,
    query,
    origin: header(req, 'origin'),
    authorization: header(req, 'authorization'),
    secFetchSite: header(req, 'sec-fetch-site'),
    anytypeVersion: header(req, 'anytype-version'),
    body: parseBody(bodyText),
    status: 0,
  };
  state.log.push(entry);
  if (state.faults.refuse) {
    req.socket.destroy();
    return;
  }
  if (state.faults.delayMs > 0) await sleep(state.faults.delayMs);
  if (state.faults.refuse) {
    req.socket.destroy();
    return;
  }

  const violation = (direction: 'request' | 'response', message: string) => state.violation({ direction, method, path, message });
  const send = (status: number, body: unknown, route: RouteMatch | null, from?: Middleware, headers: Record<string, string> = {}) => {
    let problem: string | null = null;
    if (from === 'pagination') {
      const e = (body as { error?: unknown }).error;
      problem = typeof e === 'string' ? null : 'pagination error must be {"error": string}';
    } else if (from) problem = state.validator.checkComponent(from, body);
    else if (route) problem = state.validator.checkResponse(route, status, body);
    if (problem) violation('response', problem);
    entry.status = status;
    writeJson(res, status, body, headers);
  };

  if (state.auth.mode !== 'classic' && originRefused(req)) return send(403, FORBIDDEN, null, 'ForbiddenError');
  if (method === 'GET' && path === '/docs/openapi.json') {
    entry.status = 200;
    return writeJson(res, 200, servedDoc(state.auth.mode));
  }
  if (method === 'GET' && path === '/v2/docs/openapi.json' && state.auth.mode === 'current') {
    entry.status = 200;
    return writeJson(res, 200, V2_DOC);
  }
  const route = state.validator.match(method, path);
  if (!route) {
    entry.status = 404;
    return writeText(res, 404, '404 page not found');
  }
  const op = route.op;
  if (op.security && op.security.length > 0) {
    try {
      if (state.faults.unauthorizedAll) throw new ApiError(401, 'invalid api key', { clientFault: false });
      state.auth.checkBearer(header(req, 'authorization') ?? undefined, path);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return send(e.status, e.body(), route, e.component ?? 'UnauthorizedError', e.headers);
    }
  }

  const check = state.validator.checkRequest(route, { query, headers: req.headers, bodyText });
  for (const m of [...check.headerErrors, ...check.paramErrors, ...check.unknownFields]) violation('request', m);
  const pages = (op.parameters ?? []).some((p) => p.in === 'query' && p.name === 'limit');
  const page = pages ? readPage(query) : { offset: 0, limit: 100 };
  if (typeof page === 'string') return send(400, { error: page }, route, 'pagination');

  let limitHeaders: Record<string, string> = {};
  if (WRITE_OPERATIONS.has(op.operationId)) {
    const decision = state.limiter.take();
    limitHeaders = decision.headers;
    if (!decision.allowed) {
      return send(429, errorBody(429, 'rate limit exceeded', 'rate_limit_exceeded'), route, 'RateLimitError', limitHeaders);
    }
  }
  if (check.bodyErrors.length > 0) {
    for (const m of check.bodyErrors) violation('request', m);
    return send(400, errorBody(400, `invalid request body: ${check.bodyErrors.join('; ')}`), route, 'ValidationError');
  }

  const handler = ROUTES[op.operationId];
  if (!handler) {
    return send(500, errorBody(500, `sandbox does not implement ${op.operationId}`), route, undefined, limitHeaders);
  }
  const ctx: HandlerContext = {
    params: route.params,
    query,
    body: check.body,
    page,
    vault: state.vault,
    auth: state.auth,
    faults: state.faults,
  };
  try {
    const result = await handler(ctx);
    if (result.drop) {
      // The answer is still checked against the spec: only its delivery fails.
      const problem = state.validator.checkResponse(route, result.status, result.body);
      if (problem) violation('response', problem);
      entry.dropped = result.drop;
      if (result.drop !== 'before_headers') entry.status = result.status;
      cutAnswer(req.socket, result.drop, result.status, result.body, limitHeaders);
      return;
    }
    send(result.status, result.body, route, undefined, limitHeaders);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.component) return send(e.status, e.body(), route, e.component, { ...limitHeaders, ...e.headers });
    if (e.clientFault) {
      // The spec allows it but the server refuses it (unknown property key, missing tag, ...):
      // a normal 400, not a spec violation; printed so a run shows why.
      state.print(`400 ${method} ${path}: ${e.message}`);
      return send(e.status, e.body(), route, op.responses[String(e.status)] ? undefined : 'ValidationError', limitHeaders);
    }
    // A status the operation does not declare (404 on a list route, say) reaches the client as a 500.
    const status = op.responses[String(e.status)] ? e.status : 500;
    send(status, errorBody(status, e.message, status === e.status ? e.code : undefined), route, undefined, limitHeaders);
  }
}
