/**
 * Reading an imported settings file part by part: every connection, the defaults and every site
 * rule that can be read is imported, and each one that cannot is refused alone, with its place in
 * the file ("rule 3", "connection 2") and why, in the person's words. Only a file that is not ours
 * at all (another format, a newer version) is refused whole.
 *
 * What the file does not carry (a part refused whole, say the site rules not being a list) is left
 * as it is stored: an import never loses what the person had for a mistake in the file.
 */
import { i18n } from '../node-safe-i18n';
import * as v from 'valibot';
import { type Connection, ConnectionSchema, type ConnectionSettings, CONNECTION_SETTINGS_VERSION } from './connections';
import { type ClipPreset, ClipPresetSchema, MAX_SITE_RULES, parseSitePattern, type SiteRule, SiteRuleSchema } from './site-rules';
import { SETTINGS_FILE_FORMAT } from './settings-file';
import { problemOf } from './versioned-item';

export interface ImportRefusal {
  /** Where in the file: "rule 3", "connection 2", "defaults"… (numbered from 1, as people count). */
  where: string;
  problem: string;
}

export interface SettingsImport {
  /** The connections read, or undefined when none could be (the stored ones stay). */
  connections?: ConnectionSettings;
  /** undefined: refused (the stored defaults stay). */
  defaults?: ClipPreset;
  /** undefined: refused as a whole (the stored rules stay). */
  siteRules?: SiteRule[];
  refused: ImportRefusal[];
}

export type SettingsImportResult = { ok: true; read: SettingsImport } | { ok: false; error: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const place = {
  connections: () => i18n.t('options.backup.place.connections'),
  connection: (n: number) => i18n.t('options.backup.place.connection', { n: String(n) }),
  active: () => i18n.t('options.backup.place.active'),
  clip: () => i18n.t('options.backup.place.clip'),
  defaults: () => i18n.t('options.backup.place.defaults'),
  siteRules: () => i18n.t('options.backup.place.siteRules'),
  rule: (n: number) => i18n.t('options.backup.place.rule', { n: String(n) }),
};

function readConnections(stored: unknown, refused: ImportRefusal[]): ConnectionSettings | undefined {
  if (!isRecord(stored) || !Array.isArray(stored.connections)) {
    refused.push({ where: place.connections(), problem: i18n.t('options.backup.errors.noConnections') });
    return undefined;
  }
  const kept: Connection[] = [];
  stored.connections.forEach((entry: unknown, index) => {
    const where = place.connection(index + 1);
    const parsed = v.safeParse(ConnectionSchema, entry);
    if (!parsed.success) refused.push({ where, problem: problemOf(parsed.issues) });
    else if (parsed.output.name.trim() === '') refused.push({ where, problem: i18n.t('options.backup.errors.unnamed') });
    else if (kept.some((c) => c.id === parsed.output.id)) refused.push({ where, problem: i18n.t('options.backup.errors.duplicateIds') });
    else kept.push(parsed.output);
  });
  const first = kept[0];
  if (!first) {
    refused.push({ where: place.connections(), problem: i18n.t('options.backup.errors.noConnections') });
    return undefined;
  }
  let activeId = typeof stored.activeId === 'string' ? stored.activeId : '';
  if (!kept.some((c) => c.id === activeId)) {
    refused.push({ where: place.active(), problem: i18n.t('options.backup.errors.activeFallback', { name: first.name }) });
    activeId = first.id;
  }
  return { version: CONNECTION_SETTINGS_VERSION, connections: kept, activeId };
}

/** Why a rule cannot be read: the pattern's own words when the pattern is the problem. */
function ruleProblem(entry: unknown, issues: readonly v.BaseIssue<unknown>[]): string {
  if (isRecord(entry) && typeof entry.pattern === 'string') {
    const pattern = parseSitePattern(entry.pattern);
    if ('error' in pattern) return `${i18n.t('options.backup.place.pattern')}: ${pattern.error}`;
  }
  return problemOf(issues);
}

function readSiteRules(stored: unknown, refused: ImportRefusal[]): SiteRule[] | undefined {
  if (stored === undefined) return [];
  if (!Array.isArray(stored)) {
    refused.push({ where: place.siteRules(), problem: i18n.t('options.backup.errors.notAList') });
    return undefined;
  }
  const kept: SiteRule[] = [];
  stored.forEach((entry: unknown, index) => {
    const where = place.rule(index + 1);
    const parsed = v.safeParse(SiteRuleSchema, entry);
    if (!parsed.success) refused.push({ where, problem: ruleProblem(entry, parsed.issues) });
    else if (kept.some((rule) => rule.id === parsed.output.id)) refused.push({ where, problem: i18n.t('options.backup.errors.ruleSameId') });
    else if (kept.length >= MAX_SITE_RULES) refused.push({ where, problem: i18n.t('options.backup.errors.tooManyRules', { max: String(MAX_SITE_RULES) }) });
    else kept.push(parsed.output);
  });
  return kept;
}

/** Reads a parsed settings file; refuses it whole only when it is not a settings file this version reads. */
export function readSettingsImport(data: unknown): SettingsImportResult {
  if (!isRecord(data) || data.format !== SETTINGS_FILE_FORMAT) return { ok: false, error: i18n.t('options.backup.errors.notSettings') };
  if (data.version !== 1) {
    const newer = typeof data.version === 'number' && data.version > 1;
    return {
      ok: false,
      error: newer
        ? i18n.t('options.backup.errors.newer')
        : i18n.t('options.backup.errors.invalid', { where: 'version', problem: String(data.version) }),
    };
  }
  const refused: ImportRefusal[] = [];
  const connections = readConnections(data.connections, refused);
  let defaults: ClipPreset | undefined;
  let siteRules: SiteRule[] | undefined;
  if (data.clip === undefined) {
    // A file without quick clip settings changes none.
  } else if (!isRecord(data.clip)) {
    refused.push({ where: place.clip(), problem: i18n.t('options.backup.errors.notSettingsPart') });
  } else {
    const parsed = v.safeParse(ClipPresetSchema, data.clip.defaults ?? {});
    if (parsed.success) defaults = parsed.output;
    else refused.push({ where: place.defaults(), problem: problemOf(parsed.issues) });
    siteRules = readSiteRules(data.clip.siteRules, refused);
  }
  return { ok: true, read: { connections, defaults, siteRules, refused } };
}

/** "rule 3: pattern: Enter a site…", one line per refused part. */
export function refusalLines(refused: readonly ImportRefusal[]): string[] {
  return refused.map((r) => `${r.where}: ${r.problem}`);
}

/** What an import did, as the background answers it. */
export const ImportReportSchema = v.object({
  imported: v.object({ connections: v.number(), defaults: v.boolean(), siteRules: v.optional(v.number()) }),
  refused: v.array(v.object({ where: v.string(), problem: v.string() })),
});
export type ImportReport = v.InferOutput<typeof ImportReportSchema>;

export function reportOf(read: SettingsImport): ImportReport {
  return {
    imported: {
      connections: read.connections?.connections.length ?? 0,
      defaults: read.defaults !== undefined,
      ...(read.siteRules === undefined ? {} : { siteRules: read.siteRules.length }),
    },
    refused: read.refused,
  };
}

/** Did the file bring anything at all? */
export function importsAnything(read: SettingsImport): boolean {
  return read.connections !== undefined || read.defaults !== undefined || read.siteRules !== undefined;
}

/** The sentence the options page shows after an import: what came in, then each part refused. */
export function importSummary(report: ImportReport): { imported: string; refused: string[] } {
  const parts: string[] = [];
  if (report.imported.connections > 0) parts.push(i18n.t('options.backup.counts.connections', report.imported.connections));
  if (report.imported.defaults) parts.push(i18n.t('options.backup.importedDefaults'));
  if (report.imported.siteRules !== undefined) parts.push(i18n.t('options.backup.counts.rules', report.imported.siteRules));
  return { imported: i18n.t('options.backup.importedParts', { parts: parts.join(', ') }), refused: refusalLines(report.refused) };
}
