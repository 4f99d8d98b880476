// @vitest-environment node
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { createClient, isValidId } from '../../../lib/anytype';
import { encodeId, MAX_ID_LENGTH } from '../../../lib/anytype/ids';
import { IdSchema } from '../../../lib/protocol/messages';
import { API_KEY, fakeFetch, OBJECT_ID, SPACE_ID } from './fake-fetch';

const bad: [string, unknown][] = [
  ['empty', ''],
  ['dot', '.'],
  ['dot dot', '..'],
  ['leading dot', '.hidden'],
  ['parent path', '../'],
  ['parent path with id', '../bafyrei'],
  ['encoded dots', '%2e%2e'],
  ['encoded slash', 'a%2Fb'],
  ['slash', 'a/b'],
  ['backslash', 'a\\b'],
  ['question mark', 'abc?limit=1'],
  ['hash', 'abc#x'],
  ['percent', '100%'],
  ['space', 'a b'],
  ['tab', 'a\tb'],
  ['newline', 'a\nb'],
  ['leading space', ' abc'],
  ['unicode letter', 'bafyréi'],
  ['fullwidth dot', '\uff0e\uff0e'],
  ['emoji', '📄'],
  ['colon', 'http:x'],
  ['full URL', 'http://evil.example/'],
  ['ampersand', 'a&b'],
  ['inner dot dot', 'bafyrei..x'],
  ['trailing dot', 'bafyrei.'],
  ['proto', '__proto__'],
  ['lone underscore', '_'],
  ['too long', 'a'.repeat(MAX_ID_LENGTH + 1)],
  ['number', 42],
  ['null', null],
  ['undefined', undefined],
];

const good = [
  SPACE_ID,
  OBJECT_ID,
  '_participant_bafyreigyfkt6rbv24sbv5aq2hko1bhmv5xxlf22b4bypdu6j7hnphm3psq_23me69r569oi1_AAjEaEwPF4nk',
  '67b0d3e3cda913b84c1299b1',
  'msg-abc123',
  'a'.repeat(MAX_ID_LENGTH),
];

describe('id validation', () => {
  it.each(bad)('refuses %s', (_name, value) => {
    expect(isValidId(value)).toBe(false);
    expect(() => encodeId(value, 'space_id')).toThrow(expect.objectContaining({ kind: 'bad_request' }));
  });

  it.each(good)('accepts %s', (value) => {
    expect(isValidId(value)).toBe(true);
    expect(encodeId(value, 'space_id')).toBe(value);
  });

  it.each(bad.filter(([, value]) => typeof value === 'string'))('never sends a request for %s', async (_name, value) => {
    const fake = fakeFetch(() => ({ body: {} }));
    const client = createClient({ apiKey: API_KEY, fetch: fake.fetch });
    await expect(client.spaces.get(value as string)).rejects.toMatchObject({ kind: 'bad_request' });
    await expect(client.objects.get(SPACE_ID, value as string)).rejects.toMatchObject({ kind: 'bad_request' });
    await expect(client.lists.addObjects(SPACE_ID, OBJECT_ID, [value as string])).rejects.toMatchObject({ kind: 'bad_request' });
    await expect(client.objects.create(SPACE_ID, { type_key: 'page', template_id: value as string })).rejects.toMatchObject({
      kind: 'bad_request',
    });
    expect(fake.calls).toHaveLength(0);
  });

  it('the error names the field, never the value', () => {
    try {
      encodeId('../secret', 'object_id');
    } catch (error) {
      expect(String((error as { serverMessage?: string }).serverMessage)).toContain('object_id');
      expect(JSON.stringify(error)).not.toContain('secret');
      return;
    }
    throw new Error('expected a throw');
  });

  it('any accepted id stays one path segment of the route it was meant for', async () => {
    const fake = fakeFetch(() => ({ body: { space: { id: 'x', object: 'anytype.space' } } }));
    const client = createClient({ apiKey: API_KEY, fetch: fake.fetch });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom(...good)), async (id) => {
        fake.calls.length = 0;
        if (!isValidId(id)) {
          await expect(client.spaces.get(id)).rejects.toMatchObject({ kind: 'bad_request' });
          expect(fake.calls).toHaveLength(0);
          return;
        }
        await client.spaces.get(id);
        const url = fake.calls[0]!.url;
        expect(url.origin).toBe('http://127.0.0.1:31009');
        expect(url.pathname).toBe(`/v1/spaces/${id}`);
        expect(url.search).toBe('');
        expect(url.hash).toBe('');
      }),
      { numRuns: 300 },
    );
  });
});

/** Every id the official spec gives as an example: object CIDs, space ids (`<cid>.<suffix>`), member ids. */
const SPEC_IDS = [
  ...new Set(
    readFileSync(new URL('../../sandbox/spec/openapi-2025-11-08.yaml', import.meta.url), 'utf8').match(
      /\b(?:bafyrei[a-z0-9]+(?:\.[a-z0-9]+)?|_participant_[A-Za-z0-9_]+)/g,
    ) ?? [],
  ),
];

/** Strings made of the characters that matter at an id's edges: parts, joins and what breaks a URL. */
const idLike = fc.string({ unit: fc.constantFrom('a', 'Z', '7', '_', '-', '.', '/', '%', '?', '#', ' ', '\\', 'é'), maxLength: 12 });
const wellFormed = fc
  .tuple(fc.boolean(), fc.array(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,8}$/), { minLength: 1, maxLength: 4 }))
  .map(([member, parts]) => `${member ? '_' : ''}${parts.join('.')}`);

describe('one id pattern for the client and the protocol', () => {
  it('accepts every id the spec shows, members and spaces included', () => {
    expect(SPEC_IDS.some((id) => id.startsWith('_participant_'))).toBe(true);
    expect(SPEC_IDS.some((id) => id.includes('.'))).toBe(true);
    for (const id of SPEC_IDS) {
      expect(isValidId(id), id).toBe(true);
      expect(v.is(IdSchema, id), id).toBe(true);
    }
  });

  it('the client and the protocol give the same answer for any string', () => {
    fc.assert(
      fc.property(fc.oneof(idLike, wellFormed, fc.string(), fc.constantFrom(...good, ...SPEC_IDS)), (id) => {
        expect(v.is(IdSchema, id)).toBe(isValidId(id));
      }),
      { numRuns: 2000 },
    );
  });

  it('what is accepted never holds a slash, %, ?, #, .. or a prototype name', () => {
    fc.assert(
      fc.property(fc.oneof(idLike, wellFormed, fc.string({ unit: 'binary' })), (id) => {
        if (!isValidId(id)) return;
        expect(id).not.toMatch(/[/%?#\\\s]|\.\./);
        expect(id.startsWith('.') || id.endsWith('.') || id.startsWith('__')).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('well-formed ids are accepted by both, up to the length limit', () => {
    fc.assert(
      fc.property(wellFormed, (id) => {
        expect(isValidId(id)).toBe(true);
        expect(v.is(IdSchema, id)).toBe(true);
      }),
    );
    expect(v.is(IdSchema, 'a'.repeat(MAX_ID_LENGTH + 1))).toBe(false);
  });
});
