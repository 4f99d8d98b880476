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
  /** The `WWW-Authenticate` header, when the server sent one: builds of 2026 name a scope refusal there. */
  wwwAuthenticate?: string | null;
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

const PAIRING_PATHS = new Set(['/v1/auth/challenges', '/v1/auth/api_keys']);
/** A key whose grant is narrower than all spaces with write access (builds of 2026). */
const SCOPED_CODE = 'v1_not_available_for_scoped_keys';

/** The pairing refusals of builds of 2026, told apart by the server's code or message. */
function pairingKind(message: string): AnytypeErrorKind | undefined {
  // `CHALLENGE_NOT_APPROVED`, the error name itself: plain words such as "not approved in time" mean a lapse.
  if (/not_approved/i.test(message)) return 'pairing_not_approved';
  if (/denied/i.test(message)) return 'pairing_denied';
  if (/expired|lapsed/i.test(message)) return 'pairing_lapsed';
  return undefined;
}

function kindOf(res: FailedResponse, message: string): AnytypeErrorKind {
  const { status, method, path } = res;
  if (/insufficient_scope/i.test(res.wwwAuthenticate ?? '') || message.includes(SCOPED_CODE)) return 'scoped_key';
  if (method === 'POST' && PAIRING_PATHS.has(path) && status >= 400) {
    const kind = pairingKind(message);
    if (kind) return kind;
  }
  if (status === 401) return /expired/i.test(message) ? 'key_expired' : 'unauthorized';
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

/**
 * fetch rejected: refused, reset, DNS, or our own timeout. A browser's fetch tells none of these
 * apart (each is a TypeError), so a write that failed may have reached Anytype and been applied:
 * the connection can drop after the create was made. Only a GET is known to have changed nothing;
 * a create refused before it was sent costs one lookup once Anytype is back.
 */
export function errorFromFailure(method: HttpMethod, error: unknown, timedOut: boolean, secret?: string): AnytypeError {
  const raw = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // Keep a cause for logs, but a fresh one: the original may hold request details.
  const cause = new Error(redact(raw, secret).slice(0, MAX_MESSAGE));
  return new AnytypeError('offline', {
    ...(timedOut ? { serverMessage: 'request timed out' } : {}),
    mayHaveApplied: method !== 'GET',
    cause,
  });
}
