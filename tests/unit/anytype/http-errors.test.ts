// @vitest-environment node
/**
 * How a failed answer becomes an AnytypeError, function by function: the server's own words, the
 * kind, whether a write may have applied, and the key masked everywhere.
 */
import { describe, expect, it } from 'vitest';
import { AnytypeError, isAnytypeError } from '../../../lib/anytype/errors';
import {
  errorFromBadBody,
  errorFromFailure,
  errorFromResponse,
  type FailedResponse,
  type HttpMethod,
  redact,
  serverMessageOf,
} from '../../../lib/anytype/http-errors';

const SECRET = 'ak_live_THE_SECRET_KEY_123';

describe('redact', () => {
  it('masks every occurrence of the key, and changes nothing without one', () => {
    expect(redact(`a ${SECRET} b ${SECRET}`, SECRET)).toBe('a [redacted] b [redacted]');
    expect(redact('plain text', undefined)).toBe('plain text');
    expect(redact('plain text', '')).toBe('plain text');
  });
});

describe('serverMessageOf', () => {
  it.each([
    [{ code: 'bad_input', message: 'name is required' }, 'bad_input: name is required'],
    [{ code: 'same', message: 'same' }, 'same'],
    [{ message: 'only a message' }, 'only a message'],
    [{ code: 'only_a_code' }, 'only_a_code'],
    [{ error: 'limit must be between 1 and 1000' }, 'limit must be between 1 and 1000'],
    [{ message: 'the message', error: 'the error' }, 'the message'],
    [{ error: 'the error', code: 'the_code' }, 'the error'],
  ])('reads %j as %j', (body, message) => {
    expect(serverMessageOf(JSON.stringify(body))).toBe(message);
  });

  it('takes a text body as it is, trimmed, and nothing when there is nothing', () => {
    expect(serverMessageOf('  404 page not found\n')).toBe('404 page not found');
    expect(serverMessageOf('   ')).toBeUndefined();
    expect(serverMessageOf('')).toBeUndefined();
    expect(serverMessageOf(JSON.stringify({ object: 'error' }))).toBe('{"object":"error"}');
    expect(serverMessageOf('[1,2]')).toBe('[1,2]');
  });

  it('masks the key and keeps at most 300 characters', () => {
    expect(serverMessageOf(JSON.stringify({ message: `bad key ${SECRET}` }), SECRET)).toBe('bad key [redacted]');
    expect(serverMessageOf('x'.repeat(1000))).toHaveLength(300);
    expect(serverMessageOf(JSON.stringify({ message: 'y'.repeat(1000) }))).toBe('y'.repeat(300));
  });
});

function failed(status: number, body: unknown, more: Partial<FailedResponse> = {}): AnytypeError {
  const bodyText = typeof body === 'string' ? body : JSON.stringify(body);
  return errorFromResponse({ method: 'GET', path: '/v1/spaces', status, bodyText, ...more });
}

describe('errorFromResponse', () => {
  it.each<[string, number, unknown, Partial<FailedResponse>, string]>([
    ['a scope header in any case', 403, { message: 'no' }, { wwwAuthenticate: 'Bearer error="INSUFFICIENT_SCOPE"' }, 'scoped_key'],
    ['the scoped code in the words', 400, { code: 'v1_not_available_for_scoped_keys' }, {}, 'scoped_key'],
    ['another header', 403, { message: 'no' }, { wwwAuthenticate: 'Bearer realm="anytype"' }, 'bad_request'],
    ['no header', 403, { message: 'no' }, { wwwAuthenticate: null }, 'bad_request'],
    ['401', 401, { message: 'invalid' }, {}, 'unauthorized'],
    ['401 expired in any case', 401, { message: 'Key EXPIRED' }, {}, 'key_expired'],
    ['403 origin not allowed in any case', 403, { message: 'ORIGIN Not Allowed' }, {}, 'origin_rejected'],
    ['403 origin only', 403, { message: 'bad origin' }, {}, 'bad_request'],
    ['403 not allowed only', 403, { message: 'not allowed' }, {}, 'bad_request'],
    ['429', 429, {}, {}, 'rate_limited'],
    ['404', 404, {}, {}, 'not_found'],
    ['410', 410, {}, {}, 'not_found'],
    ['400', 400, {}, {}, 'bad_request'],
    ['499', 499, {}, {}, 'bad_request'],
    ['500', 500, {}, {}, 'server'],
    ['302', 302, '', {}, 'server'],
    ['500 on a GET of the key route', 500, {}, { path: '/v1/auth/api_keys' }, 'server'],
    ['500 on a POST elsewhere', 500, {}, { method: 'POST', path: '/v1/spaces' }, 'server'],
    ['500 on the key route', 500, {}, { method: 'POST', path: '/v1/auth/api_keys' }, 'pairing_failed'],
    ['500 on the challenge route', 500, {}, { method: 'POST', path: '/v1/auth/challenges' }, 'pairing_unavailable'],
    ['500 GET on the challenge route', 500, {}, { path: '/v1/auth/challenges' }, 'server'],
    ['a denial in any case, while pairing', 403, { message: 'DENIED' }, { method: 'POST', path: '/v1/auth/challenges' }, 'pairing_denied'],
    ['not_approved in any case, while pairing', 500, { message: 'CHALLENGE_NOT_APPROVED' }, { method: 'POST', path: '/v1/auth/api_keys' }, 'pairing_not_approved'],
    ['a lapse, while pairing', 403, { message: 'Challenge EXPIRED' }, { method: 'POST', path: '/v1/auth/api_keys' }, 'pairing_lapsed'],
    ['lapsed, while pairing', 400, { message: 'request lapsed' }, { method: 'POST', path: '/v1/auth/api_keys' }, 'pairing_lapsed'],
    ['a 401 while pairing with no pairing words', 401, { message: 'who are you' }, { method: 'POST', path: '/v1/auth/api_keys' }, 'unauthorized'],
    ['a denial outside pairing', 403, { message: 'denied' }, { method: 'POST', path: '/v1/spaces' }, 'bad_request'],
    ['a denial on a GET of a pairing route', 403, { message: 'denied' }, { path: '/v1/auth/challenges' }, 'bad_request'],
    ['a redirect on a pairing route is no pairing refusal', 302, { message: 'denied' }, { method: 'POST', path: '/v1/auth/challenges' }, 'server'],
    ['a 503 on the challenge route', 503, {}, { method: 'POST', path: '/v1/auth/challenges' }, 'server'],
    ['a 503 on the key route', 503, {}, { method: 'POST', path: '/v1/auth/api_keys' }, 'server'],
    ['an expired 401 outside pairing', 401, { message: 'expired' }, { method: 'POST', path: '/v1/spaces' }, 'key_expired'],
  ])('%s → %s', (_what, status, body, more, kind) => {
    const error = failed(status, body, more);
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
  });

  it('a write that failed with a server error may have applied; nothing else may', () => {
    const methods: HttpMethod[] = ['GET', 'POST', 'PATCH', 'DELETE'];
    for (const method of methods) {
      expect(failed(500, {}, { method }).mayHaveApplied, method).toBe(method !== 'GET');
      expect(failed(400, {}, { method }).mayHaveApplied, method).toBe(false);
      expect(failed(429, {}, { method }).mayHaveApplied, method).toBe(false);
    }
  });

  it('keeps the server’s words, masked', () => {
    expect(failed(400, { message: `bad ${SECRET}` }, { secret: SECRET }).serverMessage).toBe('bad [redacted]');
    expect(failed(400, '').serverMessage).toBeUndefined();
  });
});

describe('errorFromBadBody', () => {
  it('is a server error naming what was wrong, applied unless it was a read', () => {
    const error = errorFromBadBody('POST', 201, 'object.id: string');
    expect(error.kind).toBe('server');
    expect(error.status).toBe(201);
    expect(error.serverMessage).toBe('unexpected response: object.id: string');
    expect(error.mayHaveApplied).toBe(true);
    expect(errorFromBadBody('GET', 200, 'x').mayHaveApplied).toBe(false);
    expect(errorFromBadBody('GET', 200, 'z'.repeat(400)).serverMessage).toHaveLength(300);
  });
});

describe('errorFromFailure', () => {
  it('is offline, keeps a masked copy of the failure as its cause, and says when it timed out', () => {
    const error = errorFromFailure('PATCH', new TypeError(`fetch failed for ${SECRET}`), false, SECRET);
    expect(error.kind).toBe('offline');
    expect(error.mayHaveApplied).toBe(true);
    expect(error.serverMessage).toBeUndefined();
    expect(error.cause).toBeInstanceOf(Error);
    expect((error.cause as Error).message).toBe('TypeError: fetch failed for [redacted]');
    const timedOut = errorFromFailure('GET', new DOMException('aborted', 'AbortError'), true);
    expect(timedOut.serverMessage).toBe('request timed out');
    expect(timedOut.mayHaveApplied).toBe(false);
    expect((timedOut.cause as Error).message).toBe('AbortError: aborted');
  });

  it('takes a thrown value that is not an Error as text, at most 300 characters', () => {
    expect((errorFromFailure('GET', 'connection reset', false).cause as Error).message).toBe('connection reset');
    expect((errorFromFailure('GET', 'r'.repeat(500), false).cause as Error).message).toHaveLength(300);
  });
});

describe('AnytypeError', () => {
  it('carries its kind, the message for the person, and its details', () => {
    const error = new AnytypeError('rate_limited', { status: 429, serverMessage: 'slow down', mayHaveApplied: true });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AnytypeError');
    expect(error.kind).toBe('rate_limited');
    expect(error.message).toBe('Anytype is busy. The extension will try again in a moment.');
    expect(error.status).toBe(429);
    expect(error.serverMessage).toBe('slow down');
    expect(error.mayHaveApplied).toBe(true);
    expect(isAnytypeError(error)).toBe(true);
  });

  it('has no cause unless given one, and may not have applied by default', () => {
    const plain = new AnytypeError('offline');
    expect('cause' in plain).toBe(false);
    expect(plain.mayHaveApplied).toBe(false);
    expect(plain.status).toBeUndefined();
    const cause = new Error('inner');
    expect(new AnytypeError('offline', { cause }).cause).toBe(cause);
  });

  it('is told apart from other errors', () => {
    expect(isAnytypeError(new Error('x'))).toBe(false);
    expect(isAnytypeError({ kind: 'offline', message: 'x' })).toBe(false);
    expect(isAnytypeError(undefined)).toBe(false);
  });
});
