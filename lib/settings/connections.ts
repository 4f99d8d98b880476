/**
 * The Anytype endpoints the extension knows (Desktop, headless anytype-cli, a custom port) and
 * which one is active. Keys are not here: they live in the vault, under the connection's id.
 */
import { i18n } from '../node-safe-i18n';
import * as v from 'valibot';

export const LOOPBACK_URL = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d{1,5}$/;

export const ConnectionSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/)),
  name: v.pipe(v.string(), v.maxLength(80)),
  baseUrl: v.pipe(v.string(), v.regex(LOOPBACK_URL, () => i18n.t('options.backup.errors.loopbackOnly'))),
});
export type Connection = v.InferOutput<typeof ConnectionSchema>;

export const ConnectionSettingsSchema = v.object({
  connections: v.pipe(v.array(ConnectionSchema), v.minLength(1)),
  activeId: v.string(),
});
export type ConnectionSettings = v.InferOutput<typeof ConnectionSettingsSchema>;

export function defaultConnectionSettings(desktopUrl: string): ConnectionSettings {
  return { connections: [{ id: 'desktop', name: 'Anytype Desktop', baseUrl: desktopUrl }], activeId: 'desktop' };
}

export function activeConnection(settings: ConnectionSettings): Connection {
  return settings.connections.find((c) => c.id === settings.activeId) ?? settings.connections[0]!;
}

/** Reads stored settings; anything missing or malformed falls back to the defaults rather than breaking the popup. */
export function parseConnectionSettings(stored: unknown, desktopUrl: string): ConnectionSettings {
  const parsed = v.safeParse(ConnectionSettingsSchema, stored);
  return parsed.success ? parsed.output : defaultConnectionSettings(desktopUrl);
}
