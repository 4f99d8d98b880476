import { i18n } from '#i18n';
import { useLayoutEffect } from 'preact/hooks';
import type { PageMode } from '../../lib/capture/schema';
import type { ClipFormController, ClipFormState } from '../../lib/popup/clip-form';
import { markOnce, POPUP_MARKS } from '../../lib/popup/timing-marks';
import { Alert } from '../Alert';
import { clipSettled, saveReason } from '../../lib/popup/clip-reducer';
import { ERROR_ACTION_LABEL, errorAction } from '../../lib/popup/error-actions';
import { SaveResult } from './ClipOutcome';
import { ClipPreview } from './ClipPreview';
import { SaveBar } from './SaveBar';
import { SelectField } from './SelectField';
import { SuccessCard } from './SuccessCard';
import { TagInput } from './TagInput';

const MODES: PageMode[] = ['article', 'selection', 'fullpage', 'bookmark'];

/** What the popup around the form does for an error's action that is not the form's own. */
export interface ClipFormExits {
  onPair?(): void;
  onSettings?(): void;
}

interface ClipFormProps extends ClipFormExits {
  state: ClipFormState;
  controller: ClipFormController;
}

export function ClipForm({ state, controller, onPair, onSettings }: ClipFormProps) {
  const saveUsable = saveReason(state) === undefined;
  // Marked when the task that drew Save enabled has finished (its microtasks are the first thing
  // after it), since a click waits for that task too: the moment a DOM observer would report.
  useLayoutEffect(() => {
    if (saveUsable) queueMicrotask(() => markOnce(POPUP_MARKS.saveUsable));
  }, [saveUsable]);
  if (state.result && clipSettled(state)) {
    return <SuccessCard state={state} result={state.result} onClipAgain={controller.clipAgain} />;
  }
  const action = errorAction(state.errorCode);
  const onAct = action === 'pair' ? onPair : action === 'settings' ? onSettings : () => void controller.retry();
  return (
    <form
      class="clip-form"
      aria-labelledby="clip-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (saveUsable) void controller.save();
      }}
      // Ctrl+Enter (Cmd+Enter on a Mac) saves from any field, the note and the tag field included.
      onKeyDown={(event) => {
        if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
        event.preventDefault();
        if (saveUsable) void controller.save();
      }}
    >
      <h2 id="clip-heading">{i18n.t('clip.heading')}</h2>
      {state.offline && (
        <p class="note offline" role="status">
          {i18n.t('clip.offline')}
        </p>
      )}
      {state.pageLimit === 'bookmarkOnly' && (
        <p class="note" role="status">
          {i18n.t('clip.limits.bookmarkOnly')}
        </p>
      )}
      {state.siteRule && <p class="note">{i18n.t('clip.siteRule', { pattern: state.siteRule })}</p>}
      <div class="field">
        <label for="clip-title">{i18n.t('clip.title')}</label>
        <input id="clip-title" value={state.title} onInput={(e) => controller.setTitle(e.currentTarget.value)} />
      </div>
      <SelectField
        id="clip-mode"
        label={i18n.t('clip.mode')}
        value={state.mode}
        disabled={state.pageLimit !== undefined}
        options={MODES.map((mode) => ({ value: mode, label: i18n.t(`clip.modes.${mode}`) }))}
        onChange={(mode) => void controller.setMode((mode ?? 'article') as PageMode)}
      />
      <SelectField
        id="clip-space"
        label={i18n.t('clip.space')}
        value={state.spaceId}
        options={state.spaces.map((s) => ({ value: s.id, label: s.name || i18n.t('clip.untitledSpace') }))}
        onChange={(id) => id && void controller.selectSpace(id)}
      />
      <SelectField
        id="clip-type"
        label={i18n.t('clip.type')}
        value={state.typeKey}
        options={state.types.map((t) => ({ value: t.key, label: t.name || t.key }))}
        onChange={(key) => void controller.selectType(key)}
      />
      {/* Always shown (disabled when the type has none) so the form does not move under the pointer. */}
      <SelectField
        id="clip-template"
        label={i18n.t('clip.template')}
        value={state.templateId}
        emptyLabel={i18n.t('clip.noTemplate')}
        disabled={state.templates.length === 0}
        options={state.templates.map((t) => ({ value: t.id, label: t.name }))}
        onChange={controller.setTemplate}
      />
      <SelectField
        id="clip-collection"
        label={i18n.t('clip.collection')}
        value={state.collectionId}
        emptyLabel={i18n.t('common.none')}
        options={state.collections.map((c) => ({ value: c.id, label: c.name }))}
        onChange={controller.setCollection}
      />
      <TagInput
        selected={state.tagNames}
        suggestions={state.tags.map((t) => t.name)}
        onAdd={controller.addTag}
        onRemove={controller.removeTag}
      />
      <div class="field">
        <label for="clip-note">{i18n.t('clip.note')}</label>
        <textarea id="clip-note" rows={2} value={state.note} onInput={(e) => controller.setNote(e.currentTarget.value)} />
      </div>
      <ClipPreview preview={state.preview} error={state.previewError} bookmark={state.mode === 'bookmark'} />
      {state.result && <SaveResult result={state.result} />}
      <Alert message={state.error} action={onAct && { label: i18n.t(ERROR_ACTION_LABEL[action]), onAct }} />
      {/* Last in the form, so that it sticks to the bottom of the popup however long the form is; the already-clipped notice is in it. */}
      <SaveBar state={state} onRetry={() => void controller.retry()} />
    </form>
  );
}
