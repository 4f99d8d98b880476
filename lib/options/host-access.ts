/**
 * Whether the extension may reach an endpoint. The manifest asks for every loopback port, but
 * Firefox lets people withhold host permissions, so the options page checks and, from a click,
 * asks again.
 */
import { originPatternFor } from './endpoint';

export interface PermissionsLike {
  contains(permissions: { origins?: string[] }): Promise<boolean>;
  request(permissions: { origins?: string[] }): Promise<boolean>;
}

export interface HostAccess {
  has(baseUrl: string): Promise<boolean>;
  /** Must be called from a click handler: browsers only show the prompt for a user gesture. */
  request(baseUrl: string): Promise<boolean>;
}

export function createHostAccess(permissions: PermissionsLike): HostAccess {
  return {
    async has(baseUrl) {
      try {
        return await permissions.contains({ origins: [originPatternFor(baseUrl)] });
      } catch {
        return false;
      }
    },
    request(baseUrl) {
      // No await before the call: the user gesture has to reach permissions.request intact.
      return permissions.request({ origins: [originPatternFor(baseUrl)] });
    },
  };
}
