// @vitest-environment node
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ConnectionDraftSchema } from '../../../lib/protocol/messages';

describe('the connection draft', () => {
  it('says why a nameless connection is refused', () => {
    const parsed = v.safeParse(ConnectionDraftSchema, { name: '   ', baseUrl: 'http://127.0.0.1:31009' });
    expect(parsed.success).toBe(false);
    expect(parsed.issues?.map((issue) => issue.message)).toEqual(['Every connection needs a name.']);
  });

  it('says why an address off this computer is refused', () => {
    const parsed = v.safeParse(ConnectionDraftSchema, { name: 'Desktop', baseUrl: 'http://example.com:31009' });
    expect(parsed.success).toBe(false);
    expect(parsed.issues?.map((issue) => issue.message)).toEqual([
      'Anytype runs on this computer: use http://127.0.0.1:<port>',
    ]);
  });

  it('takes a named loopback connection, trimmed', () => {
    expect(v.parse(ConnectionDraftSchema, { name: ' Desktop ', baseUrl: 'http://127.0.0.1:31009' })).toEqual({
      name: 'Desktop',
      baseUrl: 'http://127.0.0.1:31009',
    });
  });
});
