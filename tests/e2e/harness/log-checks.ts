import { expect } from 'vitest';
import { API_VERSION } from '../../../lib/anytype';
import type { LogEntry } from '../../sandbox/index';

const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/;

export function isAuthRoute(entry: LogEntry): boolean {
  return entry.path.startsWith('/v1/auth/');
}

/** Requests that need a key: every /v1 route except pairing. */
export function authorisedRequests(log: LogEntry[]): LogEntry[] {
  return log.filter((entry) => entry.path.startsWith('/v1/') && !isAuthRoute(entry));
}

export function count(log: LogEntry[], method: string, path: string): number {
  return log.filter((entry) => entry.method === method && entry.path === path).length;
}

/**
 * Newer Anytype builds refuse a non-loopback Origin. Browsers send chrome-extension:// or
 * moz-extension:// on POST; the extension's declarativeNetRequest rule must have replaced it.
 */
export function expectOriginsAccepted(log: LogEntry[]): void {
  const posts = log.filter((entry) => entry.method !== 'GET' && entry.method !== 'HEAD');
  expect(posts.length).toBeGreaterThan(0);
  for (const entry of posts) {
    const origin = entry.origin;
    expect(origin === null || LOOPBACK_ORIGIN.test(origin), `${entry.method} ${entry.path} Origin ${origin}`).toBe(true);
  }
  expect(log.filter((entry) => entry.status === 403).map((e) => `${e.method} ${e.path}`)).toEqual([]);
}

/** Every request that needs a key carried `Bearer <key>` and `Anytype-Version: 2025-11-08`, and was accepted. */
export function expectAuthorisedWith(log: LogEntry[], key: string): void {
  const authorised = authorisedRequests(log);
  expect(authorised.length).toBeGreaterThan(0);
  for (const entry of authorised) {
    const where = `${entry.method} ${entry.path}`;
    expect(entry.authorization, where).toBe(`Bearer ${key}`);
    expect(entry.status, where).toBeLessThan(400);
    expect(entry.anytypeVersion, where).toBe(API_VERSION);
  }
}

/** The key a code pairing produced, read back from the first request that used one. */
export function bearerKey(log: LogEntry[]): string {
  const first = authorisedRequests(log)[0];
  const match = /^Bearer (.+)$/.exec(first?.authorization ?? '');
  if (!match?.[1]) throw new Error('No authorised request in the sandbox log');
  return match[1];
}
