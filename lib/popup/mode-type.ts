/**
 * Bookmark mode picks the bookmark type: choosing it puts the space's bookmark type in the Type
 * picker, and another mode brings back the type the person had, unless they picked a type
 * themselves while in Bookmark mode (their pick stands). Pure: the reducer and listsPatch apply it.
 */
import type { PageMode } from '../capture/schema';
import { BOOKMARK_TYPE_KEY } from '../anytype/type-keys';
import type { ClipFormState } from './clip-form-types';

type ModeTypeState = Pick<ClipFormState, 'typeKey' | 'bookmarkSwap'>;
type ModeTypePart = Pick<ClipFormState, 'typeKey' | 'bookmarkSwap'>;

/** The person's own type: the one Bookmark mode stands in for, else the one shown. */
export function ownType(state: ModeTypeState): string | undefined {
  return state.bookmarkSwap ? state.bookmarkSwap.before : state.typeKey;
}

/**
 * The Type picker in `mode` over `types`, given the person's own type. Bookmark mode shows the
 * bookmark type where the space has one and the person has not picked a type in this mode.
 */
export function typeForMode(
  mode: PageMode,
  types: readonly { key: string }[],
  own: string | undefined,
  pickedInBookmark: boolean,
): ModeTypePart {
  const swap =
    mode === 'bookmark' && !pickedInBookmark && own !== BOOKMARK_TYPE_KEY && types.some((t) => t.key === BOOKMARK_TYPE_KEY);
  return swap ? { typeKey: BOOKMARK_TYPE_KEY, bookmarkSwap: { before: own } } : { typeKey: own, bookmarkSwap: undefined };
}

/** The state's type part after the mode becomes `mode` (the templates go with a type that changed). */
export function modeChanged(state: ClipFormState, mode: PageMode): Partial<ClipFormState> {
  // A pick made in Bookmark mode holds while the mode stays Bookmark; leaving it ends the pick's hold.
  const pickedInBookmark = mode === 'bookmark' && state.mode === 'bookmark' && state.typePickedInBookmark === true;
  const part = typeForMode(mode, state.types, ownType(state), pickedInBookmark);
  const changed = part.typeKey !== state.typeKey;
  return {
    ...part,
    typePickedInBookmark: pickedInBookmark || undefined,
    ...(changed ? { templateId: undefined, templates: [] } : {}),
  };
}

/** The person picks a type: it is theirs, in Bookmark mode too (it stays when the mode changes). */
export function typePicked(state: ClipFormState, typeKey: string | undefined): Partial<ClipFormState> {
  return {
    typeKey,
    templateId: undefined,
    templates: [],
    bookmarkSwap: undefined,
    typePickedInBookmark: state.mode === 'bookmark' || undefined,
  };
}
