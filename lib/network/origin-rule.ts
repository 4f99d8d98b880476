/**
 * Newer Anytype builds answer 403 to any request whose Origin is not loopback, and both
 * browsers send chrome-extension://… or moz-extension://… on POST. A declarativeNetRequest rule
 * sets Origin to the API's own origin, for the extension's own requests only: without
 * `initiatorDomains`, a web page's requests to the API would pass the server's check too
 * (tests/e2e/proxy/page-origin.e2e.ts: a page's own fetch keeps its Origin in both browsers).
 *
 * The rule's safety rests on the manifest as well: with declarativeNetRequestWithHostAccess a rule
 * acts only where the extension has host access, and host_permissions are loopback only. So a rule
 * built from a tampered connection URL still cannot forge an Origin towards any other host. Widening
 * host_permissions widens this rule: tests/unit/manifest/ and `npm run lint:manifest` fail on it.
 *
 * The same rule sends `Connection: close`, so each request to Anytype has a connection of its own.
 * Both browsers send a request again by themselves, POST included, when a reused keep-alive
 * connection closes before any byte of the answer: a create whose connection Anytype drops after
 * making the object would then be made twice, and the extension would see only the second answer.
 * On a fresh connection the browser does not resend; fetch rejects, and the queue treats the
 * create as in doubt and looks for the object before sending it again (lib/queue). Loopback
 * connections cost next to nothing. Tests: tests/unit/queue/dropped-connection.test.ts (a model of
 * the browsers' resend), tests/e2e/clip/dropped-create.e2e.ts (both browsers).
 */

/** The parts of a DNR rule we use; Firefox lacks the enum objects, so the values are plain strings. */
export interface OriginRule {
  id: number;
  priority: number;
  action: {
    type: 'modifyHeaders';
    requestHeaders: { header: 'origin' | 'connection'; operation: 'set'; value: string }[];
  };
  condition: {
    urlFilter: string;
    initiatorDomains: string[];
    resourceTypes: ('xmlhttprequest' | 'other')[];
  };
}

/** One request per connection: see above for why (a dropped create would be resent by the browser). */
export const OWN_CONNECTION = { header: 'connection', operation: 'set', value: 'close' } as const;

/** Rule ids this module owns; every update replaces all of them. */
export const ORIGIN_RULE_ID_BASE = 100;
export const ORIGIN_RULE_ID_MAX = 199;

export function buildOriginRules(apiBaseUrls: readonly string[], extensionBaseUrl: string): OriginRule[] {
  const extensionHost = new URL(extensionBaseUrl.replace(/^[a-z-]+:/, 'http:')).host;
  const origins = [...new Set(apiBaseUrls.map((url) => new URL(url).origin))];
  return origins.slice(0, ORIGIN_RULE_ID_MAX - ORIGIN_RULE_ID_BASE + 1).map((origin, index) => ({
    id: ORIGIN_RULE_ID_BASE + index,
    priority: 1,
    action: { type: 'modifyHeaders', requestHeaders: [{ header: 'origin', operation: 'set', value: origin }, { ...OWN_CONNECTION }] },
    condition: {
      urlFilter: `|${origin}/`,
      initiatorDomains: [extensionHost],
      resourceTypes: ['xmlhttprequest', 'other'],
    },
  }));
}

export function ownedRuleIds(existingIds: readonly number[]): number[] {
  return existingIds.filter((id) => id >= ORIGIN_RULE_ID_BASE && id <= ORIGIN_RULE_ID_MAX);
}
