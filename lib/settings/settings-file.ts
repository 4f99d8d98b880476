/**
 * The settings file people export and import. It holds connections (names and loopback URLs)
 * and quick clip settings, and never an API key: the file is built field by field from the
 * schemas below, which have no place for one, and keys stay in the background's vault.
 */
import { i18n } from '../node-safe-i18n';
import * as v from 'valibot';
import { ClipSettingsSchema, type ClipSettings } from './clip-settings';
import { ConnectionSettingsSchema, type ConnectionSettings } from './connections';

export const SETTINGS_FILE_FORMAT = 'clip-to-anytype-settings';
export const MAX_SETTINGS_FILE_BYTES = 1_000_000;

const UniqueConnections = v.pipe(
  ConnectionSettingsSchema,
  v.check((s) => new Set(s.connections.map((c) => c.id)).size === s.connections.length, () => i18n.t('options.backup.errors.duplicateIds')),
  v.check((s) => s.connections.some((c) => c.id === s.activeId), () => i18n.t('options.backup.errors.activeMissing')),
  v.check((s) => s.connections.every((c) => c.name.trim() !== ''), () => i18n.t('options.backup.errors.unnamed')),
);

export const SettingsFileSchema = v.object({
  format: v.literal(SETTINGS_FILE_FORMAT),
  version: v.literal(1),
  exportedAt: v.optional(v.string()),
  connections: UniqueConnections,
  clip: ClipSettingsSchema,
});
export type SettingsFile = v.InferOutput<typeof SettingsFileSchema>;

export function buildSettingsFile(connections: ConnectionSettings, clip: ClipSettings, now = new Date()): SettingsFile {
  // Parsing drops any field the schemas do not list, so nothing extra can ride along.
  return v.parse(SettingsFileSchema, {
    format: SETTINGS_FILE_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    connections,
    clip,
  });
}

export type SettingsFileResult = { ok: true; file: SettingsFile } | { ok: false; error: string };

/** Validates a parsed file, with a message that says what is wrong (never the file's content). */
export function validateSettingsFile(data: unknown): SettingsFileResult {
  const parsed = v.safeParse(SettingsFileSchema, data);
  if (parsed.success) return { ok: true, file: parsed.output };
  const issue = parsed.issues[0];
  const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
  if (path === 'format' || (path === '' && !isObject(data))) {
    return { ok: false, error: i18n.t('options.backup.errors.notSettings') };
  }
  if (path === 'version') return { ok: false, error: i18n.t('options.backup.errors.newer') };
  return { ok: false, error: i18n.t('options.backup.errors.invalid', { where: path || i18n.t('options.backup.errors.wholeFile'), problem: issue.message }) };
}

/** Parses the text of a file as far as JSON and its size; what it holds is read by ./settings-import.ts. */
export function parseSettingsFileData(text: string): { ok: true; data: unknown } | { ok: false; error: string } {
  if (text.length > MAX_SETTINGS_FILE_BYTES) return { ok: false, error: i18n.t('options.backup.tooLarge') };
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch {
    return { ok: false, error: i18n.t('options.backup.errors.notJson') };
  }
}

/** Parses the text of a file; JSON errors become the same kind of clear message. */
export function parseSettingsFileText(text: string): SettingsFileResult {
  if (text.length > MAX_SETTINGS_FILE_BYTES) return { ok: false, error: i18n.t('options.backup.tooLarge') };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: i18n.t('options.backup.errors.notJson') };
  }
  return validateSettingsFile(data);
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
