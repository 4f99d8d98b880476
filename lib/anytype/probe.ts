/**
 * Is Anytype listening at an endpoint? One unauthenticated GET of its public description
 * (`/docs/openapi.json`), so no key is involved. Anytype marks every answer with `Anytype-Version`
 * (a refusal of the origin too), which tells it from another program on the port.
 */
import { normalizeBaseUrl } from './transport';

export const PROBE_PATH = '/docs/openapi.json';
/** Short: the welcome page waits for this, and a running Anytype answers at once. */
export const PROBE_TIMEOUT_MS = 5_000;

export type ProbeState = 'found' | 'not_running' | 'not_anytype';

export interface ProbeResult {
  state: ProbeState;
  /** The `Anytype-Version` answer header, when Anytype answered. */
  serverVersion?: string;
}

export interface ProbeOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const MAX_VERSION_LENGTH = 64;

/** Never throws: a refused connection, a timeout or an unusable address all read as "not running". */
export async function probeAnytype(baseUrl: string, opts: ProbeOptions = {}): Promise<ProbeResult> {
  let url: string;
  try {
    url = `${normalizeBaseUrl(baseUrl)}${PROBE_PATH}`;
  } catch {
    return { state: 'not_running' };
  }
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? PROBE_TIMEOUT_MS);
  try {
    const res = await doFetch(url, { method: 'GET', headers: { Accept: 'application/json' }, signal: controller.signal, redirect: 'manual' });
    // The body is not needed: whoever answers with Anytype's header is Anytype.
    void res.body?.cancel().catch(() => undefined);
    const version = res.headers.get('anytype-version')?.trim();
    if (!version) return { state: 'not_anytype' };
    return { state: 'found', serverVersion: version.slice(0, MAX_VERSION_LENGTH) };
  } catch {
    return { state: 'not_running' };
  } finally {
    clearTimeout(timer);
  }
}
