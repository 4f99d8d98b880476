/**
 * A site rule as the options page's form holds it, and why it cannot be saved: a pattern that is
 * not one, or a rule that chooses nothing (no space, type, collection or tags), which would match
 * pages and change nothing about their clips. Such a rule is refused with words saying what to
 * choose, and nothing is stored.
 */
import { i18n } from '#i18n';
import { type ClipPreset, parseSitePattern } from '../settings/site-rules';
import { cleanTagNames } from '../settings/tag-names';

export type RuleDraft = { pattern: string } & ClipPreset;

/** Whether a rule's target leaves every choice to the popup's last choices (and adds no tags). */
export function choosesNothing(preset: Partial<ClipPreset>): boolean {
  return !preset.spaceId && !preset.typeKey && !preset.collectionId && cleanTagNames(preset.tagNames ?? []).length === 0;
}

/** Why this draft cannot be saved, in the person's words; undefined when it can. */
export function ruleDraftProblem(draft: RuleDraft): string | undefined {
  const parsed = parseSitePattern(draft.pattern);
  if ('error' in parsed) return parsed.error;
  if (choosesNothing(draft)) return i18n.t('options.rules.errors.choosesNothing');
  return undefined;
}
