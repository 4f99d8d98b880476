// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { statusText } from '../../../lib/options/connections-controller';
import { parseEndpoint } from '../../../lib/options/endpoint';

describe('endpoint input', () => {
  it.each([
    ['31012', 'http://127.0.0.1:31012'],
    [' 31009 ', 'http://127.0.0.1:31009'],
    ['http://127.0.0.1:31012', 'http://127.0.0.1:31012'],
    ['http://127.0.0.1:31012/', 'http://127.0.0.1:31012'],
    ['http://localhost:4000', 'http://localhost:4000'],
    ['http://[::1]:31009', 'http://[::1]:31009'],
  ])('%j → %s', (input, baseUrl) => {
    expect(parseEndpoint(input)).toEqual({ ok: true, baseUrl });
  });

  it.each([
    '',
    '0',
    '70000',
    'https://127.0.0.1:31009',
    'http://127.0.0.1',
    'http://127.0.0.1:31009/api',
    'http://evil.example:31009',
    'http://127.0.0.1.evil.example:31009',
    'http://127.0.0.1:31009@evil.example:80',
    'http://10.0.0.2:31009',
    'localhost:31009',
  ])('refuses %j', (input) => {
    expect(parseEndpoint(input).ok).toBe(false);
  });
});

describe('status text', () => {
  it('says what a check found', () => {
    expect(statusText({ baseUrl: 'x', paired: true, spaceCount: 3, serverVersion: '2025-11-08' })).toEqual({
      ok: true,
      text: 'Connected: 3 spaces, Anytype 2025-11-08',
    });
    expect(statusText({ baseUrl: 'x', paired: true, spaceCount: 1 }).text).toBe('Connected: 1 space');
    expect(statusText({ baseUrl: 'x', paired: true, problem: { kind: 'offline', message: 'Start Anytype.' } })).toEqual({
      ok: false,
      text: 'Start Anytype.',
    });
    expect(statusText({ baseUrl: 'x', paired: false }).ok).toBe(false);
  });
});
