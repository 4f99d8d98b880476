/**
 * Quick clip's settings: the default target and the per-site rules. Kept in `storage.local`
 * (never sync: rules name the sites a person reads), validated on every read entry by entry: a rule
 * that cannot be read is set aside alone (and the options page says so), the other rules stand.
 */
import * as v from 'valibot';
import type { StorageAreaLike } from '../keys/vault';
import { ClipPresetSchema, MAX_SITE_RULES, SiteRuleSchema, SiteRulesSchema, type ClipPreset, type SiteRule } from './site-rules';
import { cleanTagNames } from './tag-names';
import { type Dropped, defineVersionedItem, readEntries, readPart, type SetAsideEntry } from './versioned-item';

export const CLIP_SETTINGS_SLOT = 'settings:clip';

export const ClipSettingsSchema = v.object({
  defaults: v.optional(ClipPresetSchema, { tagNames: [] }),
  siteRules: v.optional(SiteRulesSchema, []),
});
export type ClipSettings = v.InferOutput<typeof ClipSettingsSchema>;

export function defaultClipSettings(): ClipSettings {
  return { defaults: { tagNames: [] }, siteRules: [] };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Version 1 trimmed tag names only; version 2 keeps them under the one clean-up rule (./tag-names.ts). */
function cleanTagsOf(target: unknown): unknown {
  if (!isRecord(target) || !Array.isArray(target.tagNames)) return target;
  const names = target.tagNames.filter((name): name is string => typeof name === 'string');
  return names.length === target.tagNames.length ? { ...target, tagNames: cleanTagNames(names) } : target;
}

export const CLIP_SETTINGS_MIGRATIONS: Record<number, (stored: unknown) => unknown> = {
  2: (stored) => {
    if (!isRecord(stored)) return stored;
    const siteRules = Array.isArray(stored.siteRules) ? stored.siteRules.map(cleanTagsOf) : stored.siteRules;
    return { ...stored, defaults: cleanTagsOf(stored.defaults), siteRules };
  },
};

/** Reads stored settings part by part and rule by rule; what cannot be read is returned apart. */
export function readClipSettings(stored: unknown): { value: ClipSettings; dropped: Dropped[] } {
  if (stored === undefined) return { value: defaultClipSettings(), dropped: [] };
  if (!isRecord(stored)) return { value: defaultClipSettings(), dropped: [{ what: 'clipSettings', raw: stored, problem: 'not settings' }] };
  const defaults = readPart(ClipPresetSchema, stored.defaults, 'defaults', (): ClipPreset => ({ tagNames: [] }));
  const rules = readEntries(SiteRuleSchema, stored.siteRules, 'siteRule');
  const seen = new Set<string>();
  const siteRules: SiteRule[] = [];
  const dropped = [...defaults.dropped, ...rules.dropped];
  for (const rule of rules.entries) {
    if (seen.has(rule.id)) dropped.push({ what: 'siteRule', raw: rule, problem: 'id: used by another rule' });
    else if (siteRules.length >= MAX_SITE_RULES) dropped.push({ what: 'siteRule', raw: rule, problem: 'more rules than kept' });
    else {
      seen.add(rule.id);
      siteRules.push(rule);
    }
  }
  return { value: { defaults: defaults.part, siteRules }, dropped };
}

/** Reads stored settings; what cannot be read is left out (see readClipSettings for what is set aside). */
export function parseClipSettings(stored: unknown): ClipSettings {
  return readClipSettings(stored).value;
}

export function createClipSettingsStore(area: StorageAreaLike, now?: () => number) {
  const item = defineVersionedItem<ClipSettings>(
    area,
    {
      key: CLIP_SETTINGS_SLOT,
      version: 2,
      migrations: CLIP_SETTINGS_MIGRATIONS,
      read: readClipSettings,
      check: (settings) => v.parse(ClipSettingsSchema, settings),
      fallback: defaultClipSettings,
    },
    now,
  );
  return {
    async load(): Promise<ClipSettings> {
      return (await item.read()).value;
    },
    /** The settings and the entries set aside (bad rules, kept as text for the person to see or export). */
    read: (): Promise<{ value: ClipSettings; setAside: SetAsideEntry[] }> => item.read(),
    save: (settings: ClipSettings): Promise<ClipSettings> => item.write(settings),
    dismissSetAside: (): Promise<void> => item.dismissSetAside(),
  };
}
export type ClipSettingsStore = ReturnType<typeof createClipSettingsStore>;
