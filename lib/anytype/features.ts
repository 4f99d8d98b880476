/**
 * What an install offers, read once per connection from its own description: `GET /docs/openapi.json`
 * (no key needed) says the API version and whether the files endpoint exists (heart v0.50.5 added it
 * without a version bump); `GET /v2/docs/openapi.json` answers where the pre-release /v2 exists.
 * Nothing depends on /v2 yet: `/v1` stays the contract.
 */
import * as v from 'valibot';
import { normalizeBaseUrl } from './transport';

export const ServerFeaturesSchema = v.object({
  /** `info.version` of the served description, e.g. `2025-11-08`. */
  apiVersion: v.optional(v.pipe(v.string(), v.maxLength(64))),
  /** The `Anytype-Version` answer header when this was read: a change means another build, read again. */
  headerVersion: v.optional(v.pipe(v.string(), v.maxLength(64))),
  files: v.boolean(),
  v2: v.boolean(),
  checkedAt: v.number(),
});
export type ServerFeatures = v.InferOutput<typeof ServerFeaturesSchema>;

const FILES_PATH = '/v1/spaces/{space_id}/files';
const DESCRIPTION_TIMEOUT_MS = 10_000;

const DescriptionSchema = v.object({
  info: v.optional(v.object({ version: v.optional(v.string()) })),
  paths: v.optional(v.record(v.string(), v.unknown())),
});

export interface DetectOptions {
  fetch?: typeof fetch;
  now?: () => number;
}

async function getJson(doFetch: typeof fetch, url: string): Promise<unknown | undefined> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), DESCRIPTION_TIMEOUT_MS);
  try {
    // No Authorization: the description is public, and the key goes nowhere it is not needed.
    const res = await doFetch(url, { method: 'GET', headers: { Accept: 'application/json' }, signal: controller.signal, redirect: 'manual' });
    if (res.status !== 200) return undefined;
    return JSON.parse(await res.text());
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/** Never throws: an install that does not answer is read as offering nothing beyond /v1. */
export async function detectFeatures(baseUrl: string, opts: DetectOptions = {}): Promise<ServerFeatures> {
  const origin = normalizeBaseUrl(baseUrl);
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const [v1, v2] = await Promise.all([getJson(doFetch, `${origin}/docs/openapi.json`), getJson(doFetch, `${origin}/v2/docs/openapi.json`)]);
  const parsed = v.safeParse(DescriptionSchema, v1);
  const description = parsed.success ? parsed.output : {};
  const files = description.paths?.[FILES_PATH];
  const version = description.info?.version;
  return {
    ...(version ? { apiVersion: version.slice(0, 64) } : {}),
    files: typeof files === 'object' && files !== null && 'post' in files,
    v2: v2 !== undefined && typeof v2 === 'object' && v2 !== null,
    checkedAt: (opts.now ?? Date.now)(),
  };
}
