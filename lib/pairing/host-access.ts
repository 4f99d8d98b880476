/**
 * Whether the extension may reach an Anytype endpoint, for the popup's "Grant access" gate and the
 * options page's connection cards alike. The manifest asks for every loopback port, but Firefox lets
 * people withhold or revoke that access; without it every call to Anytype fails.
 *
 * When the browser cannot answer (the check throws: an API missing in an old browser, a pattern it
 * cannot parse), the answer is "yes, as granted at install". This answer grants nothing (the browser
 * enforces host access on every request itself); it only decides whether to put a gate in front of
 * the person. A check that throws has a request that throws too, so "no" would be a gate nobody can
 * open; "yes" lets the first call to Anytype fail, if it must, with a message that says what to do.
 */
export interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  request(permissions: { origins: string[] }): Promise<boolean>;
}

export interface HostAccess {
  has(baseUrl: string): Promise<boolean>;
  /** Must be called from a click handler: browsers only show the prompt for a user gesture. */
  request(baseUrl: string): Promise<boolean>;
}

/**
 * The manifest's host pattern that covers this endpoint. Firefox match patterns cannot carry a port,
 * and a port-less pattern covers every port in both browsers, so the port is left out.
 */
export function hostPatternFor(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

export async function hasHostAccess(permissions: PermissionsApi, baseUrl: string): Promise<boolean> {
  try {
    return await permissions.contains({ origins: [hostPatternFor(baseUrl)] });
  } catch {
    return true;
  }
}

/** A refused or failed prompt reads as "no access": the gate or the card stays and can be tried again. */
export function requestHostAccess(permissions: PermissionsApi, baseUrl: string): Promise<boolean> {
  let asking: Promise<boolean>;
  try {
    // No await before the call: the user gesture has to reach permissions.request intact.
    asking = permissions.request({ origins: [hostPatternFor(baseUrl)] });
  } catch {
    return Promise.resolve(false);
  }
  return Promise.resolve(asking).catch(() => false);
}

export function createHostAccess(permissions: PermissionsApi): HostAccess {
  return {
    has: (baseUrl) => hasHostAccess(permissions, baseUrl),
    request: (baseUrl) => requestHostAccess(permissions, baseUrl),
  };
}
