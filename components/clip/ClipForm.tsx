import type { PageMode } from '../../lib/capture/schema';
import type { ClipFormController, ClipFormState } from '../../lib/popup/clip-form';
import { Alert } from '../Alert';
import { ExistingNotice, SaveResult } from './ClipOutcome';
import { SelectField } from './SelectField';
import { TagInput } from './TagInput';

const MODES: { value: PageMode; label: string }[] = [
  { value: 'article', label: 'Article' },
  { value: 'selection', label: 'Selection' },
  { value: 'fullpage', label: 'Full page' },
  { value: 'bookmark', label: 'Bookmark' },
];

export function ClipForm({ state, controller }: { state: ClipFormState; controller: ClipFormController }) {
  const busy = state.loading || state.saving;
  return (
    <form
      class="clip-form"
      aria-labelledby="clip-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void controller.save();
      }}
    >
      <h2 id="clip-heading">Clip this page</h2>
      <div class="field">
        <label for="clip-title">Title</label>
        <input id="clip-title" value={state.title} onInput={(e) => controller.setTitle(e.currentTarget.value)} />
      </div>
      <SelectField
        id="clip-mode"
        label="Mode"
        value={state.mode}
        options={MODES}
        onChange={(mode) => void controller.setMode((mode ?? 'article') as PageMode)}
      />
      <SelectField
        id="clip-space"
        label="Space"
        value={state.spaceId}
        options={state.spaces.map((s) => ({ value: s.id, label: s.name || 'Untitled space' }))}
        onChange={(id) => id && void controller.selectSpace(id)}
      />
      <SelectField
        id="clip-type"
        label="Type"
        value={state.typeKey}
        options={state.types.map((t) => ({ value: t.key, label: t.name || t.key }))}
        onChange={(key) => void controller.selectType(key)}
      />
      {state.templates.length > 0 && (
        <SelectField
          id="clip-template"
          label="Template"
          value={state.templateId}
          emptyLabel="No template"
          options={state.templates.map((t) => ({ value: t.id, label: t.name }))}
          onChange={controller.setTemplate}
        />
      )}
      <SelectField
        id="clip-collection"
        label="Collection"
        value={state.collectionId}
        emptyLabel="None"
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
        <label for="clip-note">Note</label>
        <textarea id="clip-note" rows={2} value={state.note} onInput={(e) => controller.setNote(e.currentTarget.value)} />
      </div>
      {state.existing && <ExistingNotice existing={state.existing} />}
      <section class="preview" aria-label="Preview">
        {state.preview ? (
          <>
            {state.preview.selectionEmpty && <p class="note">Nothing is selected: the article will be saved.</p>}
            <p class="preview-text">{state.preview.previewText || 'Only the address and details of this page will be saved.'}</p>
          </>
        ) : (
          <p class="note">{state.previewError ?? 'Reading the page…'}</p>
        )}
      </section>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || !state.spaceId}>
          {state.saving ? 'Saving…' : 'Save to Anytype'}
        </button>
      </div>
      {state.result && <SaveResult result={state.result} />}
      <Alert message={state.error} />
    </form>
  );
}
