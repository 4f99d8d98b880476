/**
 * The clip form's state transitions that need nothing but the state: what the person types and
 * picks, the life of one Save, and why Save cannot be pressed now. Pure, so a generated sequence
 * of actions can check them (tests/unit/popup/clip-reducer.test.ts); lib/popup/clip-form.ts does
 * the asking (lists, preview, Save) and feeds the answers through `patch`.
 */
import type { PageMode } from '../capture/schema';
import { cleanTagNames, MAX_TAGS } from '../settings/tag-names';
import type { ClipFormState } from './clip-form-types';
import { modeChanged, typePicked } from './mode-type';

export type ClipAction =
  | { type: 'title'; title: string }
  | { type: 'note'; note: string }
  | { type: 'collection'; collectionId: string | undefined }
  | { type: 'template'; templateId: string | undefined }
  /** The person's pick of a type (never an answer that arrives: those come as `patch`). */
  | { type: 'type'; typeKey: string | undefined }
  | { type: 'mode'; mode: PageMode }
  | { type: 'addTag'; name: string }
  | { type: 'removeTag'; name: string }
  | { type: 'saveStarted' }
  | { type: 'saveFinished'; result: NonNullable<ClipFormState['result']> }
  | { type: 'saveFailed'; error: string; errorCode?: string }
  /** After a success card: the same page again, as a new clip, with the same choices. */
  | { type: 'clipAgain' }
  /** An answer from the browser or Anytype (lists, the preview, a rule), applied as it is. */
  | { type: 'patch'; patch: Partial<ClipFormState> };

/** A form before anything has been read: loading, nothing to choose from, nothing chosen. */
export function blankClipFormState(): ClipFormState {
  return {
    loading: true,
    spaces: [],
    types: [],
    collections: [],
    tags: [],
    templates: [],
    mode: 'article',
    title: '',
    note: '',
    tagNames: [],
    saving: false,
  };
}

export function reduceClipForm(state: ClipFormState, action: ClipAction): ClipFormState {
  switch (action.type) {
    case 'title':
      return { ...state, title: action.title };
    case 'note':
      return { ...state, note: action.note };
    case 'collection':
      return { ...state, collectionId: action.collectionId };
    case 'template':
      return { ...state, templateId: action.templateId };
    case 'type':
      return { ...state, ...typePicked(state, action.typeKey) };
    case 'mode':
      if (action.mode === state.mode) return { ...state, preview: undefined };
      return { ...state, ...modeChanged(state, action.mode), mode: action.mode, preview: undefined };
    case 'addTag': {
      const tagNames = cleanTagNames([...state.tagNames, action.name]).slice(0, MAX_TAGS);
      return tagNames.length === state.tagNames.length ? state : { ...state, tagNames };
    }
    case 'removeTag':
      return { ...state, tagNames: state.tagNames.filter((t) => t !== action.name) };
    case 'saveStarted':
      return { ...state, saving: true, error: undefined, errorCode: undefined, errorFrom: undefined, result: undefined };
    case 'saveFinished':
      return { ...state, saving: false, result: action.result };
    case 'saveFailed':
      return { ...state, saving: false, error: action.error, errorCode: action.errorCode, errorFrom: 'save' };
    case 'clipAgain':
      return { ...state, result: undefined, error: undefined, errorCode: undefined, errorFrom: undefined };
    case 'patch':
      return { ...state, ...action.patch };
  }
}

/** Why Save cannot be pressed, most pressing first; Save is usable exactly when there is none. */
export type SaveBlocker = 'saving' | 'pageLimit' | 'loading' | 'noSpaces' | 'noSpace' | 'noTypes' | 'loadingTypes' | 'noType';

export function saveBlockers(state: ClipFormState): SaveBlocker[] {
  const blockers: SaveBlocker[] = [];
  if (state.saving) blockers.push('saving');
  if (state.pageLimit === 'none') blockers.push('pageLimit');
  if (state.loading && !state.spaceId) blockers.push('loading');
  if (!state.loading && state.spaces.length === 0) blockers.push('noSpaces');
  if (!state.spaceId) blockers.push('noSpace');
  else if (state.types.length === 0) blockers.push(state.typesEmpty ? 'noTypes' : 'loadingTypes');
  else if (!state.typeKey || !state.types.some((t) => t.key === state.typeKey)) blockers.push('noType');
  return blockers;
}

/** The one reason shown beside a disabled Save: the first of `saveBlockers`. */
export function saveReason(state: ClipFormState): SaveBlocker | undefined {
  return saveBlockers(state)[0];
}

/** The success card replaces the form once the clip is saved or safely kept; a failed clip stays a form (Try again). */
export function clipSettled(state: ClipFormState): boolean {
  return state.result !== undefined && state.result.state !== 'failed';
}
