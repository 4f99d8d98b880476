// @vitest-environment node
/**
 * The transport's refusals and failures, each with the words it gives: where a URL may point,
 * which paths it builds, and what a timeout, a body that is not JSON or not in the spec becomes.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { AnytypeError } from '../../../lib/anytype/errors';
import { buildPath, createTransport, normalizeBaseUrl, parseInput } from '../../../lib/anytype/transport';
import { fakeFetch } from './fake-fetch';

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return (error as TypeError).message;
  }
  throw new Error('expected a refusal');
}

async function anytypeFailure(promise: Promise<unknown>): Promise<AnytypeError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AnytypeError);
    return error as AnytypeError;
  }
  throw new Error('expected the request to fail');
}

describe('normalizeBaseUrl', () => {
  it('takes http and https on any 127.x.y.z address, and keeps only the origin', () => {
    expect(normalizeBaseUrl('https://127.0.0.1:31009')).toBe('https://127.0.0.1:31009');
    expect(normalizeBaseUrl('http://127.10.20.30:31009/')).toBe('http://127.10.20.30:31009');
    expect(normalizeBaseUrl('http://127.255.255.254')).toBe('http://127.255.255.254');
    fc.assert(
      fc.property(fc.nat(255), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 65535 }), (a, b, c, port) => {
        const origin = `http://127.${a}.${b}.${c}:${port}`;
        expect(normalizeBaseUrl(`${origin}/`)).toBe(new URL(origin).origin);
      }),
    );
  });

  it('says why each refused address is refused', () => {
    expect(refusal(() => normalizeBaseUrl('not a url'))).toBe('Anytype URL is not a valid URL');
    for (const scheme of ['ftp', 'ws', 'chrome-extension']) {
      expect(refusal(() => normalizeBaseUrl(`${scheme}://127.0.0.1:31009`)), scheme).toBe('Anytype URL must use http');
    }
    for (const host of ['192.168.1.2', '127.0.0.1x', '127.0.0.1.evil.example', 'evil.example', '10.127.0.1']) {
      expect(refusal(() => normalizeBaseUrl(`http://${host}:31009`)), host).toBe(
        'Anytype URL must point to this computer (127.0.0.1 or localhost)',
      );
    }
    for (const extra of ['http://u@127.0.0.1:31009', 'http://:pw@127.0.0.1:31009', 'http://127.0.0.1:31009/?a=1', 'http://127.0.0.1:31009/#top', 'http://127.0.0.1:31009/v1']) {
      expect(refusal(() => normalizeBaseUrl(extra)), extra).toBe('Anytype URL must be only scheme, host and port');
    }
  });
});

describe('buildPath', () => {
  it('names the template or the parameter it refuses', () => {
    expect(refusal(() => buildPath('/v2/spaces'))).toBe('not a path template: /v2/spaces');
    expect(refusal(() => buildPath('/v1/spaces', { space_id: 'abc' }))).toBe('unused path parameter: space_id');
  });
});

describe('a request', () => {
  it('sends a query of safe non-negative integers, and names a bad one without sending', async () => {
    const fake = fakeFetch(() => ({ body: { ok: true } }));
    const transport = createTransport({ fetch: fake.fetch });
    await transport.request({ method: 'GET', path: '/v1/spaces', query: { offset: 0, limit: 50 }, schema: v.any() });
    expect(fake.calls[0]?.url.search).toBe('?offset=0&limit=50');
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 60]) {
      const attempt = transport.request({ method: 'GET', path: '/v1/spaces', query: { limit: bad }, schema: v.any() });
      await expect(attempt).rejects.toThrow(new TypeError('invalid limit'));
    }
    expect(fake.calls).toHaveLength(1);
  });

  it('gives up after its timeout, as offline with the reason, and may have applied a write', async () => {
    const never: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const transport = createTransport({ fetch: never, timeoutMs: 20 });
    const error = await anytypeFailure(transport.request({ method: 'POST', path: '/v1/spaces', body: {}, schema: v.any() }));
    expect(error.kind).toBe('offline');
    expect(error.serverMessage).toBe('request timed out');
    expect(error.mayHaveApplied).toBe(true);
  });

  it('a refused connection is offline without the timeout’s reason', async () => {
    const refused: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const error = await anytypeFailure(createTransport({ fetch: refused }).request({ method: 'GET', path: '/v1/spaces', schema: v.any() }));
    expect(error.kind).toBe('offline');
    expect(error.serverMessage).toBeUndefined();
    expect(error.mayHaveApplied).toBe(false);
  });

  it('a 2xx body that is not JSON is a server error that names it', async () => {
    const fake = fakeFetch(() => ({ body: '<html>' }));
    const error = await anytypeFailure(createTransport({ fetch: fake.fetch }).request({ method: 'GET', path: '/v1/spaces', schema: v.any() }));
    expect(error.kind).toBe('server');
    expect(error.status).toBe(200);
    expect(error.serverMessage).toBe('unexpected response: not JSON');
  });

  it('a 2xx body outside the spec names the first field and what was expected', async () => {
    const fake = fakeFetch(() => ({ body: { object: { id: 7 } } }));
    const schema = v.object({ object: v.object({ id: v.string() }) });
    const error = await anytypeFailure(createTransport({ fetch: fake.fetch }).request({ method: 'POST', path: '/v1/spaces', body: {}, schema }));
    expect(error.kind).toBe('server');
    expect(error.serverMessage).toBe('unexpected response: object.id: string');
    expect(error.mayHaveApplied).toBe(true);
  });

  it('an empty 2xx body outside the spec is named as the body', async () => {
    const fake = fakeFetch(() => ({ body: '' }));
    const error = await anytypeFailure(
      createTransport({ fetch: fake.fetch }).request({ method: 'GET', path: '/v1/spaces', schema: v.object({ data: v.array(v.any()) }) }),
    );
    expect(error.serverMessage).toBe('unexpected response: body: Object');
  });

  it('a body refused by a check that names no type says invalid', async () => {
    const fake = fakeFetch(() => ({ body: { n: 1 } }));
    const schema = v.custom<never>(() => false);
    const error = await anytypeFailure(createTransport({ fetch: fake.fetch }).request({ method: 'GET', path: '/v1/spaces', schema }));
    expect(error.serverMessage).toMatch(/^unexpected response: body: /);
  });
});

describe('parseInput', () => {
  it('refuses caller input as a bad request that names the field and what was expected', () => {
    const schema = v.object({ name: v.string() });
    expect(parseInput(schema, { name: 'ok' }, 'object')).toEqual({ name: 'ok' });
    let error: unknown;
    try {
      parseInput(schema, { name: 3 }, 'object');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AnytypeError);
    expect((error as AnytypeError).kind).toBe('bad_request');
    expect((error as AnytypeError).serverMessage).toBe('invalid object at name: expected string');
  });

  it('names no field when the whole value is wrong', () => {
    expect(() => parseInput(v.string(), 3, 'tag name')).toThrow(
      expect.objectContaining({ kind: 'bad_request', serverMessage: 'invalid tag name: expected string' }),
    );
  });
});
