/**
 * Firefox lets people withhold or revoke the extension's access to 127.0.0.1. Without it every
 * call to Anytype fails, so the popup checks first and offers "Grant access" instead.
 */
export interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  request(permissions: { origins: string[] }): Promise<boolean>;
}

/** The manifest's host pattern that covers this endpoint (any port). */
export function hostPatternFor(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

export async function hasHostAccess(permissions: PermissionsApi, baseUrl: string): Promise<boolean> {
  try {
    // Firefox's match patterns cannot name a port, so ask about the host pattern the manifest grants.
    return await permissions.contains({ origins: [hostPatternFor(baseUrl)] });
  } catch {
    // An API that cannot answer (old browser): assume the install-time grant holds.
    return true;
  }
}

/** Must run inside the click handler: browsers only show the prompt for a user gesture. */
export function requestHostAccess(permissions: PermissionsApi, baseUrl: string): Promise<boolean> {
  return permissions.request({ origins: [hostPatternFor(baseUrl)] }).catch(() => false);
}
