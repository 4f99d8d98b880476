/**
 * The properties of a space, as read recently. A create needs them only to decide which page
 * metadata the space can hold; reading them again right before every create put a round trip
 * between Save and the create. The popup reads them anyway when it opens (the tag list), so a
 * clip saved from it finds them here.
 *
 * Kept per client (a new key or endpoint is a new client, so nothing carries over) and only for a
 * while; a create refused with a stale list is sent once more with a fresh one (anytype-delivery).
 */

export interface SpaceProperty {
  id: string;
  key: string;
  format?: string;
}

export interface PropertiesClient {
  properties: { list(spaceId: string): Promise<SpaceProperty[]> };
}

export interface SpaceProperties {
  /** Asks Anytype now, and keeps the answer. */
  fetch(client: PropertiesClient, spaceId: string): Promise<SpaceProperty[]>;
  /** The answer kept for this client and space if it is recent enough, else undefined. */
  kept(client: PropertiesClient, spaceId: string): SpaceProperty[] | undefined;
}

export const PROPERTIES_MAX_AGE_MS = 5 * 60_000;

export function createSpaceProperties(options: { maxAgeMs?: number; now?: () => number } = {}): SpaceProperties {
  const maxAge = options.maxAgeMs ?? PROPERTIES_MAX_AGE_MS;
  const now = options.now ?? Date.now;
  const byClient = new WeakMap<PropertiesClient, Map<string, { at: number; list: SpaceProperty[] }>>();

  return {
    async fetch(client, spaceId) {
      const list = await client.properties.list(spaceId);
      const spaces = byClient.get(client) ?? new Map();
      byClient.set(client, spaces);
      spaces.set(spaceId, { at: now(), list });
      return list;
    },
    kept(client, spaceId) {
      const entry = byClient.get(client)?.get(spaceId);
      return entry !== undefined && now() - entry.at <= maxAge ? entry.list : undefined;
    },
  };
}
