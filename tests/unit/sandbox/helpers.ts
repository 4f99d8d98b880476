/** Shared helpers for the sandbox's own tests: start one, call it like the extension would. */
import { type Sandbox, type SandboxOptions, startSandbox } from '../../sandbox/index';

export const VERSION_HEADER = { 'Anytype-Version': '2025-11-08' };

export interface Answer {
  status: number;
  headers: Headers;
  json: unknown;
  text: string;
}

export type Caller = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer>;

export function caller(sb: Sandbox, key?: string): Caller {
  return async (method, path, body, headers = {}) => {
    const res = await fetch(`${sb.url}${path}`, {
      method,
      headers: {
        ...VERSION_HEADER,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(key ? { Authorization: `Bearer ${key}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: res.status, headers: res.headers, json, text };
  };
}

/** A running sandbox plus an authorised caller; closes itself in afterEach through `stop`. */
export async function withKey(opts: SandboxOptions = {}): Promise<{ sb: Sandbox; call: Caller; key: string; spaceId: string }> {
  const sb = await startSandbox(opts);
  const key = await sb.control.issueKey('tests');
  const spaces = await sb.control.spaces();
  const first = spaces.find((s) => !s.isChat);
  if (!first) throw new Error('sandbox has no normal space');
  return { sb, call: caller(sb, key), key, spaceId: first.id };
}

/** Narrowing accessor for JSON answers in tests. */
export function field<T>(value: unknown, ...path: (string | number)[]): T {
  let v: unknown = value;
  for (const p of path) v = (v as Record<string | number, unknown> | undefined)?.[p];
  return v as T;
}
