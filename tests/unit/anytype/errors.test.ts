// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type AnytypeClient, AnytypeError, type AnytypeErrorKind, createAuth, createClient, ERROR_KINDS } from '../../../lib/anytype';
import { API_KEY, apiError, type FakeAnswer, fakeFetch, hangingFetch, OBJECT_ID, SPACE_ID } from './fake-fetch';

type Call = 'get' | 'create' | 'update' | 'challenge' | 'apiKey';

async function run(call: Call, f: typeof fetch, timeoutMs?: number): Promise<AnytypeError> {
  const client: AnytypeClient = createClient({ apiKey: API_KEY, fetch: f, timeoutMs });
  const auth = createAuth({ fetch: f });
  const calls: Record<Call, () => Promise<unknown>> = {
    get: () => client.objects.get(SPACE_ID, OBJECT_ID),
    create: () => client.objects.create(SPACE_ID, { type_key: 'page', name: 'x' }),
    update: () => client.objects.update(SPACE_ID, OBJECT_ID, { markdown: 'x' }),
    challenge: () => auth.createChallenge('Clip to Anytype'),
    apiKey: () => auth.createApiKey('67647f5ecda913e9a2e11b26', '1234'),
  };
  try {
    await calls[call]();
  } catch (error) {
    expect(error).toBeInstanceOf(AnytypeError);
    return error as AnytypeError;
  }
  throw new Error('expected the call to fail');
}

const SCOPE_HEADER = { 'WWW-Authenticate': 'Bearer error="insufficient_scope"' };

interface Row {
  name: string;
  call: Call;
  answer: FakeAnswer;
  kind: AnytypeErrorKind;
  mayHaveApplied: boolean;
  serverMessage?: string;
}

const rows: Row[] = [
  { name: '401 unauthorized', call: 'get', answer: apiError(401, 'unauthorized', 'invalid api key'), kind: 'unauthorized', mayHaveApplied: false },
  { name: '401 api key expired', call: 'create', answer: apiError(401, 'unauthorized', 'api key expired'), kind: 'key_expired', mayHaveApplied: false, serverMessage: 'api key expired' },
  { name: '401 api key expired on GET', call: 'get', answer: apiError(401, 'unauthorized', 'API key expired'), kind: 'key_expired', mayHaveApplied: false },
  { name: '403 scoped key (code and header)', call: 'get', answer: { ...apiError(403, 'v1_not_available_for_scoped_keys', 'this key is scoped; use /v2'), headers: SCOPE_HEADER }, kind: 'scoped_key', mayHaveApplied: false, serverMessage: 'v1_not_available_for_scoped_keys' },
  { name: '403 scoped key on a write', call: 'create', answer: { ...apiError(403, 'v1_not_available_for_scoped_keys', 'scoped'), headers: SCOPE_HEADER }, kind: 'scoped_key', mayHaveApplied: false },
  { name: '403 scoped key (code only)', call: 'update', answer: apiError(403, 'v1_not_available_for_scoped_keys', 'scoped'), kind: 'scoped_key', mayHaveApplied: false },
  { name: '403 scoped key (header only)', call: 'get', answer: { ...apiError(403, 'forbidden', 'Forbidden'), headers: SCOPE_HEADER }, kind: 'scoped_key', mayHaveApplied: false },
  { name: 'solve before approval (403)', call: 'apiKey', answer: apiError(403, 'challenge_not_approved', 'CHALLENGE_NOT_APPROVED: approve the request in Anytype first'), kind: 'pairing_not_approved', mayHaveApplied: false },
  { name: 'solve before approval (500 text)', call: 'apiKey', answer: apiError(500, 'internal_server_error', 'failed to authenticate user: CHALLENGE_NOT_APPROVED'), kind: 'pairing_not_approved', mayHaveApplied: false },
  { name: 'challenge from a denied caller', call: 'challenge', answer: apiError(403, 'challenge_denied', 'the request was denied in Anytype'), kind: 'pairing_denied', mayHaveApplied: false },
  { name: 'solve a denied challenge', call: 'apiKey', answer: apiError(403, 'challenge_denied', 'the request was denied in Anytype'), kind: 'pairing_denied', mayHaveApplied: false },
  { name: 'solve a lapsed challenge', call: 'apiKey', answer: apiError(403, 'challenge_expired', 'the request was not approved in time'), kind: 'pairing_lapsed', mayHaveApplied: false },
  { name: '403 origin not allowed', call: 'create', answer: apiError(403, 'forbidden', 'request origin is not allowed'), kind: 'origin_rejected', mayHaveApplied: false, serverMessage: 'request origin is not allowed' },
  { name: '403 other', call: 'update', answer: apiError(403, 'forbidden', 'insufficient permissions'), kind: 'bad_request', mayHaveApplied: false },
  { name: '429', call: 'create', answer: { ...apiError(429, 'rate_limit_exceeded', 'Rate limit exceeded'), headers: { 'RateLimit-Remaining': '0' } }, kind: 'rate_limited', mayHaveApplied: false },
  { name: '500 wrong pairing code', call: 'apiKey', answer: apiError(500, 'internal_server_error', 'failed to authenticate user'), kind: 'pairing_failed', mayHaveApplied: false, serverMessage: 'failed to authenticate user' },
  { name: '500 no more challenges', call: 'challenge', answer: apiError(500, 'internal_server_error', 'failed to create a new challenge'), kind: 'pairing_unavailable', mayHaveApplied: false },
  { name: '400 on pairing', call: 'apiKey', answer: apiError(400, 'bad_request', 'invalid input'), kind: 'bad_request', mayHaveApplied: false },
  { name: '400', call: 'create', answer: apiError(400, 'bad_request', 'unknown property key: foo'), kind: 'bad_request', mayHaveApplied: false, serverMessage: 'unknown property key: foo' },
  { name: '400 limit shape', call: 'get', answer: { status: 400, body: { error: 'limit must be between 1 and 1000' } }, kind: 'bad_request', mayHaveApplied: false, serverMessage: 'limit must be between 1 and 1000' },
  { name: '409', call: 'update', answer: apiError(409, 'conflict', 'conflict'), kind: 'bad_request', mayHaveApplied: false },
  { name: '422', call: 'create', answer: apiError(422, 'unprocessable', 'nope'), kind: 'bad_request', mayHaveApplied: false },
  { name: '404 JSON', call: 'get', answer: apiError(404, 'object_not_found', 'Resource not found'), kind: 'not_found', mayHaveApplied: false },
  { name: '404 text', call: 'update', answer: { status: 404, body: '404 page not found', headers: { 'Content-Type': 'text/plain' } }, kind: 'not_found', mayHaveApplied: false, serverMessage: '404 page not found' },
  { name: '410 gone', call: 'get', answer: apiError(410, 'resource_gone', 'Resource is gone'), kind: 'not_found', mayHaveApplied: false },
  { name: '500 on GET', call: 'get', answer: apiError(500, 'internal_server_error', 'boom'), kind: 'server', mayHaveApplied: false },
  { name: '500 on create (made, then failed)', call: 'create', answer: apiError(500, 'internal_server_error', 'failed to paste'), kind: 'server', mayHaveApplied: true, serverMessage: 'failed to paste' },
  { name: '503 on update', call: 'update', answer: { status: 503, body: 'unavailable' }, kind: 'server', mayHaveApplied: true },
  { name: '2xx with a body that fails its schema (GET)', call: 'get', answer: { status: 200, body: { object: { name: 'no id' } } }, kind: 'server', mayHaveApplied: false },
  { name: '2xx with a body that fails its schema (create)', call: 'create', answer: { status: 201, body: { nope: true } }, kind: 'server', mayHaveApplied: true },
  { name: '2xx that is not JSON', call: 'create', answer: { status: 201, body: '<html>' }, kind: 'server', mayHaveApplied: true },
  { name: '2xx pairing without a key', call: 'apiKey', answer: { status: 201, body: { api_key: '' } }, kind: 'server', mayHaveApplied: true },
];

describe('error mapping', () => {
  it('an origin refusal with a scope header is still a scope refusal only when the header says so', async () => {
    const plain = await run('get', fakeFetch(() => ({ ...apiError(403, 'forbidden', 'request origin is not allowed'), headers: { 'WWW-Authenticate': 'Bearer realm="anytype"' } })).fetch);
    expect(plain.kind).toBe('origin_rejected');
  });

  it.each(rows)('$name → $kind', async (row) => {
    const { fetch: f } = fakeFetch(() => row.answer);
    const error = await run(row.call, f);
    expect(error.kind).toBe(row.kind);
    expect(error.mayHaveApplied).toBe(row.mayHaveApplied);
    expect(error.status).toBe(row.answer.status);
    if (row.serverMessage) expect(error.serverMessage).toContain(row.serverMessage);
    expect(error.message).not.toBe('');
  });

  it.each<[Call, boolean]>([
    ['get', false],
    ['create', true],
    ['update', true],
  ])('a failed fetch (%s: refused and reset look alike) is offline; a write may have applied: %s', async (call, applied) => {
    const error = await run(call, (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch);
    expect(error.kind).toBe('offline');
    expect(error.mayHaveApplied).toBe(applied);
    expect(error.status).toBeUndefined();
  });

  it.each<[Call, boolean]>([
    ['get', false],
    ['create', true],
    ['update', true],
  ])('a timeout (%s) is offline; a write may have applied: %s', async (call, applied) => {
    const hung = hangingFetch();
    const error = await run(call, hung.fetch, 5);
    expect(error.kind).toBe('offline');
    expect(error.mayHaveApplied).toBe(applied);
    expect(hung.calls).toHaveLength(1);
  });

  it('covers every error kind', () => {
    const covered = new Set<AnytypeErrorKind>([...rows.map((r) => r.kind), 'offline']);
    expect([...covered].sort()).toEqual([...ERROR_KINDS].sort());
  });
});

describe('the API key never leaks into an error', () => {
  const echo = `invalid key ${API_KEY} for this vault`;
  const leakChecks: [string, () => Promise<AnytypeError>][] = [
    ['401 that echoes the key', () => run('get', fakeFetch(() => apiError(401, 'unauthorized', echo)).fetch)],
    ['500 text that echoes the key', () => run('create', fakeFetch(() => ({ status: 500, body: echo })).fetch)],
    ['network error that mentions the key', () => run('get', (() => Promise.reject(new TypeError(echo))) as typeof fetch)],
    ['bad 2xx body', () => run('get', fakeFetch(() => ({ status: 200, body: { object: { id: 5, note: API_KEY } } })).fetch)],
  ];

  it.each(leakChecks)('%s', async (_name, make) => {
    const error = await make();
    const cause = error.cause instanceof Error ? `${error.cause.name} ${error.cause.message}` : String(error.cause);
    for (const text of [error.message, error.serverMessage ?? '', cause, JSON.stringify(error), String(error), error.stack ?? '']) {
      expect(text).not.toContain(API_KEY);
    }
  });
});
