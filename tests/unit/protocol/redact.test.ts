// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../lib/protocol/redact';

/** Text that holds no secret and no "bearer": the words around a secret in a log line. */
const plain = fc.stringMatching(/^[a-z .:=-]{0,20}$/).filter((text) => !/bearer/i.test(text));
const secret = fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/);

describe('the redactor', () => {
  it('replaces every occurrence of each secret of 8 characters or more', () => {
    fc.assert(
      fc.property(plain, secret, plain, secret, plain, (a, first, b, second, c) => {
        fc.pre(!first.includes(second) && !second.includes(first));
        const redact = createRedactor(() => [first, second]);
        const text = `${a}${first}${b}${second}${c}${first}`;
        expect(redact(text)).toBe(`${a}[redacted]${b}[redacted]${c}[redacted]`);
      }),
    );
  });

  it('redacts a secret of exactly 8 characters and leaves one of 7 alone', () => {
    expect(createRedactor(() => ['abcdefgh'])('key=abcdefgh.')).toBe('key=[redacted].');
    expect(createRedactor(() => ['abcdefg'])('key=abcdefg.')).toBe('key=abcdefg.');
  });

  it('skips missing and empty secrets', () => {
    const redact = createRedactor(() => [undefined, '', 'the-secret-key']);
    expect(redact('got the-secret-key back')).toBe('got [redacted] back');
    expect(createRedactor(() => [undefined])('nothing here')).toBe('nothing here');
  });

  it('asks for the secrets at each call, so a key stored later is masked too', () => {
    const secrets: string[] = [];
    const redact = createRedactor(() => secrets);
    expect(redact('value 0123456789')).toBe('value 0123456789');
    secrets.push('0123456789');
    expect(redact('value 0123456789')).toBe('value [redacted]');
  });

  it('masks every bearer token whatever its case and spacing, up to the next space, quote or comma', () => {
    const redact = createRedactor(() => []);
    expect(redact('Authorization: Bearer abc.def-123 next')).toBe('Authorization: Bearer [redacted] next');
    expect(redact('bearer tok1 and BEARER tok2')).toBe('Bearer [redacted] and Bearer [redacted]');
    expect(redact('Bearer \t  spaced')).toBe('Bearer [redacted]');
    expect(redact('{"h":"Bearer tok","x":1}')).toBe('{"h":"Bearer [redacted]","x":1}');
    expect(redact("'Bearer tok'")).toBe("'Bearer [redacted]'");
    expect(redact('Bearer tok,more')).toBe('Bearer [redacted],more');
    expect(redact('Bearer')).toBe('Bearer');
  });

  it('masks any generated bearer token and keeps the text around it', () => {
    fc.assert(
      fc.property(plain, fc.stringMatching(/^[^\s"',]{1,30}$/), plain, (before, token, after) => {
        const redact = createRedactor(() => []);
        expect(redact(`${before}Bearer ${token} ${after}`)).toBe(`${before}Bearer [redacted] ${after}`);
      }),
    );
  });
});
