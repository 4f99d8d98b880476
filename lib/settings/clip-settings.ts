/**
 * Quick clip's settings: the default target and the per-site rules. Kept in `storage.local`
 * (never sync: rules name the sites a person reads), validated on every read; anything missing
 * or malformed reads as the defaults rather than breaking a clip.
 */
import * as v from 'valibot';
import type { StorageAreaLike } from '../keys/vault';
import { ClipPresetSchema, SiteRulesSchema } from './site-rules';

export const CLIP_SETTINGS_SLOT = 'settings:clip';

export const ClipSettingsSchema = v.object({
  defaults: v.optional(ClipPresetSchema, { tagNames: [] }),
  siteRules: v.optional(SiteRulesSchema, []),
});
export type ClipSettings = v.InferOutput<typeof ClipSettingsSchema>;

export function defaultClipSettings(): ClipSettings {
  return { defaults: { tagNames: [] }, siteRules: [] };
}

export function parseClipSettings(stored: unknown): ClipSettings {
  const parsed = v.safeParse(ClipSettingsSchema, stored ?? {});
  return parsed.success ? parsed.output : defaultClipSettings();
}

export function createClipSettingsStore(area: StorageAreaLike) {
  return {
    async load(): Promise<ClipSettings> {
      return parseClipSettings((await area.get(CLIP_SETTINGS_SLOT))[CLIP_SETTINGS_SLOT]);
    },
    async save(settings: ClipSettings): Promise<ClipSettings> {
      const valid = v.parse(ClipSettingsSchema, settings);
      await area.set({ [CLIP_SETTINGS_SLOT]: valid });
      return valid;
    },
  };
}
export type ClipSettingsStore = ReturnType<typeof createClipSettingsStore>;
