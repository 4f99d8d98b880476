// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAuth, isFullGrant, type KeyGrant, keyFormat } from '../../../lib/anytype';
import { fakeFetch } from './fake-fetch';

const CHALLENGE = '67647f5ecda913e9a2e11b26';
const NEW_KEY = `anytype_${'a1B2c3D4e5'.repeat(5)}_0badc0de`;
const OLD_KEY = 'zhSG/zQRmgADyilWPtgdnfo1qD60oK02/SVgi1GaFt8=';

async function answer(body: unknown) {
  const { fetch } = fakeFetch(() => ({ status: 201, body }));
  return createAuth({ fetch }).createApiKey(CHALLENGE, '1234');
}

describe('the key answer', () => {
  it.each<[string, unknown, KeyGrant | null]>([
    ['without grant (builds before 2026)', { api_key: OLD_KEY }, null],
    ['with a null grant', { api_key: NEW_KEY, grant: null }, null],
    [
      'with a full grant',
      { api_key: NEW_KEY, grant: { all_spaces: true, space_ids: [], permission: 'readwrite' } },
      { allSpaces: true, spaceIds: [], permission: 'readwrite' },
    ],
    [
      'with one space, read only',
      { api_key: NEW_KEY, grant: { all_spaces: false, space_ids: ['bafy.space1'], permission: 'read' } },
      { allSpaces: false, spaceIds: ['bafy.space1'], permission: 'read' },
    ],
    [
      'with space_ids null',
      { api_key: NEW_KEY, grant: { all_spaces: true, space_ids: null, permission: 'read' } },
      { allSpaces: true, spaceIds: [], permission: 'read' },
    ],
    ['with a grant this client cannot read (unknown)', { api_key: NEW_KEY, grant: { all_spaces: 'yes', permission: 'admin' } }, null],
  ])('%s', async (_name, body, grant) => {
    const res = await answer(body);
    expect(res.apiKey).toBe((body as { api_key: string }).api_key);
    expect(res.grant).toEqual(grant);
  });

  it('a full grant is all spaces with read & write, nothing less', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(fc.string()), fc.constantFrom('read' as const, 'readwrite' as const), (allSpaces, spaceIds, permission) => {
        expect(isFullGrant({ allSpaces, spaceIds, permission })).toBe(allSpaces && permission === 'readwrite');
      }),
    );
  });
});

const alnum = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'.split(''));
const hex = fc.constantFrom(...'0123456789abcdef'.split(''));
const join = (a: string[]) => a.join('');

describe('key formats', () => {
  it('reads every new-format key as current', () => {
    fc.assert(
      fc.property(fc.array(alnum, { minLength: 40, maxLength: 60 }).map(join), fc.array(hex, { minLength: 8, maxLength: 8 }).map(join), (body, tail) => {
        expect(keyFormat(`anytype_${body}_${tail}`)).toBe('current');
      }),
    );
  });

  it('refuses new-format keys with a body or tail of the wrong size, or cut off', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(alnum, { minLength: 1, maxLength: 39 }), fc.array(alnum, { minLength: 61, maxLength: 80 })).map(join),
        (body) => {
          expect(keyFormat(`anytype_${body}_0badc0de`)).toBeUndefined();
        },
      ),
    );
    expect(keyFormat(NEW_KEY.slice(0, -1))).toBeUndefined();
    expect(keyFormat(NEW_KEY.replace('0badc0de', '0BADC0DE'))).toBeUndefined();
  });

  it('reads base64 keys as legacy', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 12, maxLength: 64 }), (bytes) => {
        const b64 = Buffer.from(bytes).toString('base64');
        expect(keyFormat(b64)).toBe('legacy');
        expect(keyFormat(Buffer.from(bytes).toString('base64url'))).toBe('legacy');
      }),
    );
    expect(keyFormat(OLD_KEY)).toBe('legacy');
  });

  it.each(['', 'short', 'has spaces in it here', 'Bearer abcdefghijklmnopqrstuvwxyz', 'ключ-ключ-ключ-ключ'])('refuses %j', (text) => {
    expect(keyFormat(text)).toBeUndefined();
  });
});
