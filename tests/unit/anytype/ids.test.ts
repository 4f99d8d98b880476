// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClient, isValidId } from '../../../lib/anytype';
import { encodeId, MAX_ID_LENGTH } from '../../../lib/anytype/ids';
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
