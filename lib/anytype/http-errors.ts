/**
 * Turns what the server answered (or failed to answer) into an AnytypeError whose kind says what
 * the person must do. Everything that goes into the error is scrubbed of the API key first.
 */
import * as v from 'valibot';
import { AnytypeError, type AnytypeErrorKind } from './errors';
import { ErrorBodySchema } from './schemas';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface FailedResponse {
  method: HttpMethod;
  /** The path template, e.g. `/v1/auth/api_keys`: the route decides some kinds. */
  path: string;
  status: number;
  bodyText: string;
  secret?: string;
}

const MAX_MESSAGE = 300;

export function redact(text: string, secret: string | undefined): string {
  if (!secret) return text;
  return text.split(secret).join('[redacted]');
}

/** The server's own words: `message` (with `code`), `{"error": …}`, or the text body. */
export function serverMessageOf(bodyText: string, secret?: string): string | undefined {
  let message: string | undefined;
  try {
    const parsed = v.safeParse(ErrorBodySchema, JSON.parse(bodyText));
    if (parsed.success) {
      const { code, message: msg, error } = parsed.output;
      message = msg ?? error ?? code;
      if (code && msg && code !== msg) message = `${code}: ${msg}`;
    }
  } catch {
    // Not JSON (e.g. the router's `404 page not found`): the text itself is the message.
  }
  if (message === undefined) message = bodyText.trim() || undefined;
  if (message === undefined) return undefined;
  return redact(message, secret).slice(0, MAX_MESSAGE);
}

function kindOf(res: FailedResponse, message: string): AnytypeErrorKind {
  const { status, method, path } = res;
  if (status === 401) return 'unauthorized';
  if (status === 403) return /origin/i.test(message) && /not allowed/i.test(message) ? 'origin_rejected' : 'bad_request';
  if (status === 429) return 'rate_limited';
  if (status === 404 || status === 410) return 'not_found';
  if (status === 500 && method === 'POST' && path === '/v1/auth/api_keys') return 'pairing_failed';
  if (status === 500 && method === 'POST' && path === '/v1/auth/challenges') return 'pairing_unavailable';
  if (status >= 400 && status < 500) return 'bad_request';
  return 'server';
}

export function errorFromResponse(res: FailedResponse): AnytypeError {
  const serverMessage = serverMessageOf(res.bodyText, res.secret);
  const kind = kindOf(res, serverMessage ?? '');
  // A 5xx (or anything unexpected) after a write was sent may still have changed the vault:
  // e.g. a create answers 500 after the object was made.
  const mayHaveApplied = kind === 'server' && res.method !== 'GET';
  return new AnytypeError(kind, { status: res.status, serverMessage, mayHaveApplied });
}

/** A 2xx whose body is not what the spec says. The write (if any) did happen. */
export function errorFromBadBody(method: HttpMethod, status: number, detail: string): AnytypeError {
  return new AnytypeError('server', {
    status,
    serverMessage: `unexpected response: ${detail}`.slice(0, MAX_MESSAGE),
    mayHaveApplied: method !== 'GET',
  });
}

/** fetch rejected: refused, reset, DNS, or our own timeout. */
export function errorFromFailure(method: HttpMethod, error: unknown, timedOut: boolean, secret?: string): AnytypeError {
  const raw = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // Keep a cause for logs, but a fresh one: the original may hold request details.
  const cause = new Error(redact(raw, secret).slice(0, MAX_MESSAGE));
  if (timedOut) {
    return new AnytypeError('offline', {
      serverMessage: 'request timed out',
      mayHaveApplied: method !== 'GET',
      cause,
    });
  }
  return new AnytypeError('offline', { cause });
}
