/**
 * Which space, type and collection the clip form starts from, given the lists, the site rule for
 * the page and what was chosen last time. Pure, so the form can compute its first state before
 * anything renders.
 */
import type { ClipPrefs } from '../settings/clip-prefs';
import type { SiteRule } from '../settings/site-rules';
import { cleanTagNames, MAX_TAGS } from '../settings/tag-names';
import { BOOKMARK_TYPE_KEY } from '../anytype/type-keys';
import type { ClipFormState, SpaceLists } from './clip-form-types';
import { ownType, typeForMode } from './mode-type';

type Item = { id: string; name: string };

/** What a site rule asks for (lib/settings/site-rules.ts); every part optional. */
export interface RuleChoice {
  spaceId?: string;
  typeKey?: string;
  collectionId?: string;
}

const PREFERRED_TYPES = ['page', BOOKMARK_TYPE_KEY, 'note'];

/** The rule's space if it is still there, else last time's if it is, else the first. */
export function pickSpace(spaces: readonly Item[], remembered: ClipPrefs, rule?: RuleChoice): string | undefined {
  const there = (id: string | undefined) => (id ? spaces.find((s) => s.id === id)?.id : undefined);
  return there(rule?.spaceId) ?? there(remembered.spaceId) ?? spaces[0]?.id;
}

/**
 * The rule's type and collection for `spaceId`: type keys and collections belong to a space, so
 * a rule naming another space says nothing about this one (as for quick clip).
 */
export function ruleIn(spaceId: string, rule: RuleChoice | undefined): { typeKey?: string; collectionId?: string } {
  if (!rule || (rule.spaceId !== undefined && rule.spaceId !== spaceId)) return {};
  return { typeKey: rule.typeKey, collectionId: rule.collectionId };
}

/**
 * The type and collection for `spaceId`: what is chosen now if the lists still have it, else
 * the site rule's if the space has it, else what was remembered for that space, else a sensible type.
 */
export function choicesIn(
  spaceId: string,
  lists: { types: readonly { key: string }[]; collections: readonly Item[] },
  remembered: ClipPrefs,
  current: { spaceId?: string; typeKey?: string; collectionId?: string },
  rule?: RuleChoice,
): { typeKey?: string; collectionId?: string } {
  const { types, collections } = lists;
  const ruled = ruleIn(spaceId, rule);
  const keep = (key: string | undefined) => (key && types.some((t) => t.key === key) ? key : undefined);
  const typeKey =
    keep(current.spaceId === spaceId ? current.typeKey : undefined) ??
    keep(ruled.typeKey) ??
    keep(remembered.typeKeyBySpace[spaceId]) ??
    PREFERRED_TYPES.map((key) => keep(key)).find(Boolean) ??
    types[0]?.key;
  const listed = (id: string | undefined) => (id ? collections.find((c) => c.id === id)?.id : undefined);
  // A collection chosen now is kept or dropped, never swapped for another.
  const collectionId =
    current.collectionId !== undefined
      ? listed(current.collectionId)
      : (listed(ruled.collectionId) ?? listed(remembered.collectionBySpace[spaceId]));
  return { typeKey, collectionId };
}

/**
 * The state for a space's lists; `reload` when the templates must be asked for (again). Only
 * what the person picked (`picked`) is kept as is: the rest follows from the rule and last time's
 * choices, so lists or a rule that arrive later give the same answer as if they had been there at once.
 * In Bookmark mode the space's bookmark type stands in for that type (lib/popup/mode-type.ts).
 */
export function listsPatch(
  state: ClipFormState,
  picked: { type: boolean; collection: boolean },
  spaceId: string,
  lists: SpaceLists,
  remembered: ClipPrefs,
  rule: RuleChoice | undefined,
): { next: Partial<ClipFormState>; reload: boolean } {
  const current = {
    spaceId: state.spaceId,
    typeKey: picked.type ? ownType(state) : undefined,
    collectionId: picked.collection ? state.collectionId : undefined,
  };
  const choice = choicesIn(spaceId, lists, remembered, current, rule);
  const shown = typeForMode(state.mode, lists.types, choice.typeKey, state.typePickedInBookmark === true);
  const typeKey = shown.typeKey;
  // "None" picked by the person is a choice too.
  const collectionId = picked.collection ? lists.collections.find((c) => c.id === state.collectionId)?.id : choice.collectionId;
  const reload = typeKey !== state.typeKey || state.templates.length === 0;
  const type = reload ? { typeKey, templateId: undefined, templates: [] } : {};
  return { next: { ...lists, collectionId, bookmarkSwap: shown.bookmarkSwap, ...type }, reload };
}

/** A rule's tags as the form keeps them. */
export const ruleTagNames = (rule: SiteRule): string[] => cleanTagNames(rule.tagNames).slice(0, MAX_TAGS);

/** The rule's pattern when some of it is used: a rule whose space is gone gives only its tags. */
export function ruleHintFor(rule: SiteRule | undefined, spaces: readonly Item[]): string | undefined {
  if (!rule) return undefined;
  const spaceUsed = !rule.spaceId || spaces.length === 0 || spaces.some((s) => s.id === rule.spaceId);
  return spaceUsed || rule.tagNames.length > 0 ? rule.pattern : undefined;
}
