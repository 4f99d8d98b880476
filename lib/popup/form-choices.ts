/**
 * Which space, type and collection the clip form starts from, given the lists and what was
 * chosen last time. Pure, so the form can compute its first state before anything renders.
 */
import type { ClipPrefs } from '../settings/clip-prefs';

type Item = { id: string; name: string };

const PREFERRED_TYPES = ['page', 'bookmark', 'note'];

/** Last time's space if it is still there, else the first. */
export function pickSpace(spaces: readonly Item[], remembered: ClipPrefs): string | undefined {
  return spaces.find((s) => s.id === remembered.spaceId)?.id ?? spaces[0]?.id;
}

/**
 * The type and collection for `spaceId`: what is chosen now if the lists still have it, else
 * what was remembered for that space, else a sensible type.
 */
export function choicesIn(
  spaceId: string,
  lists: { types: readonly { key: string }[]; collections: readonly Item[] },
  remembered: ClipPrefs,
  current: { spaceId?: string; typeKey?: string; collectionId?: string },
): { typeKey?: string; collectionId?: string } {
  const { types, collections } = lists;
  const keep = (key: string | undefined) => (key && types.some((t) => t.key === key) ? key : undefined);
  const typeKey =
    keep(current.spaceId === spaceId ? current.typeKey : undefined) ??
    keep(remembered.typeKeyBySpace[spaceId]) ??
    PREFERRED_TYPES.map((key) => keep(key)).find(Boolean) ??
    types[0]?.key;
  const collectionId = collections.find((c) => c.id === (current.collectionId ?? remembered.collectionBySpace[spaceId]))?.id;
  return { typeKey, collectionId };
}
