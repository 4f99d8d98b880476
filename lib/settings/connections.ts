/**
 * The Anytype endpoints the extension knows (Desktop, headless anytype-cli, a custom port) and
 * which one is active. Keys are not here: they live in the vault, under the connection's id.
 */
import { i18n } from '../node-safe-i18n';
import * as v from 'valibot';
import { type ServerFeatures, ServerFeaturesSchema } from '../anytype/features';
import { KeyGrantSchema } from '../anytype/grants';

export const LOOPBACK_URL = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d{1,5}$/;

/**
 * What is known about the key kept for a connection (never the key itself, which is in the vault):
 * what Anytype said it may reach and when it stopped working, when known.
 */
export const KeyInfoSchema = v.object({
  /** null: the build did not say (before 2026, or a pasted key). */
  grant: v.nullable(KeyGrantSchema),
  /** When the key stops working, when Anytype said so. */
  expiresAt: v.optional(v.number()),
  /** When Anytype first answered that the key has expired. */
  expiredAt: v.optional(v.number()),
});
export type KeyInfo = v.InferOutput<typeof KeyInfoSchema>;

export const ConnectionSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/)),
  name: v.pipe(v.string(), v.maxLength(80)),
  baseUrl: v.pipe(v.string(), v.regex(LOOPBACK_URL, () => i18n.t('options.backup.errors.loopbackOnly'))),
  key: v.optional(KeyInfoSchema),
  /** What the install said it offers (lib/anytype/features.ts), read after pairing and when its version changes. */
  features: v.optional(ServerFeaturesSchema),
});
export type Connection = v.InferOutput<typeof ConnectionSchema>;

/**
 * 1: `{connections: [{id, name, baseUrl}], activeId}` without `version`. 2 adds `key` and
 * `features` to a connection; a version 1 value reads as is (neither known), and is written back as 2.
 */
export const CONNECTION_SETTINGS_VERSION = 2;

export const ConnectionSettingsSchema = v.object({
  version: v.optional(v.number()),
  connections: v.pipe(v.array(ConnectionSchema), v.minLength(1)),
  activeId: v.string(),
});
export type ConnectionSettings = v.InferOutput<typeof ConnectionSettingsSchema>;

export function defaultConnectionSettings(desktopUrl: string): ConnectionSettings {
  return {
    version: CONNECTION_SETTINGS_VERSION,
    connections: [{ id: 'desktop', name: 'Anytype Desktop', baseUrl: desktopUrl }],
    activeId: 'desktop',
  };
}

export function activeConnection(settings: ConnectionSettings): Connection {
  return settings.connections.find((c) => c.id === settings.activeId) ?? settings.connections[0]!;
}

/** Reads stored settings; anything missing or malformed falls back to the defaults rather than breaking the popup. */
export function parseConnectionSettings(stored: unknown, desktopUrl: string): ConnectionSettings {
  const parsed = v.safeParse(ConnectionSettingsSchema, stored);
  if (!parsed.success) return defaultConnectionSettings(desktopUrl);
  // Key info a later version wrote in a shape this one does not know is dropped, never the endpoints.
  return { ...parsed.output, version: CONNECTION_SETTINGS_VERSION };
}

/** The settings with `id`'s features replaced. */
export function withFeatures(settings: ConnectionSettings, id: string, features: ServerFeatures): ConnectionSettings {
  return { ...settings, connections: settings.connections.map((c) => (c.id === id ? { ...c, features } : c)) };
}

/** The settings with `id`'s key info replaced (undefined: forgotten). */
export function withKeyInfo(settings: ConnectionSettings, id: string, key: KeyInfo | undefined): ConnectionSettings {
  return {
    ...settings,
    connections: settings.connections.map((c) => {
      if (c.id !== id) return c;
      const { key: _old, ...rest } = c;
      return key === undefined ? rest : { ...rest, key };
    }),
  };
}
