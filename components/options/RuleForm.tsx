import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import type { ClipSettingsState, RuleDraft } from '../../lib/options/clip-settings-controller';
import { Alert } from '../Alert';
import { TargetFields } from './TargetFields';

interface RuleFormProps {
  idPrefix: string;
  initial?: RuleDraft;
  submitLabel: string;
  lists: ClipSettingsState;
  onSpaceChosen(spaceId: string): void;
  onSubmit(draft: RuleDraft): Promise<string | undefined>;
  onCancel?(): void;
}

const EMPTY: RuleDraft = { pattern: '', tagNames: [] };

export function RuleForm({ idPrefix, initial, submitLabel, lists, onSpaceChosen, onSubmit, onCancel }: RuleFormProps) {
  const [draft, setDraft] = useState<RuleDraft>(initial ?? EMPTY);
  const [error, setError] = useState<string>();
  return (
    <form
      class="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit(draft).then((problem) => {
          setError(problem);
          if (!problem && !initial) setDraft(EMPTY);
        });
      }}
    >
      <div class="field">
        <label for={`${idPrefix}-pattern`}>{i18n.t('options.rules.pattern')}</label>
        <input
          id={`${idPrefix}-pattern`}
          value={draft.pattern}
          placeholder={i18n.t('options.rules.patternPlaceholder')}
          aria-describedby={`${idPrefix}-pattern-hint`}
          onInput={(e) => setDraft({ ...draft, pattern: e.currentTarget.value })}
        />
        <p id={`${idPrefix}-pattern-hint`} class="note">
          {i18n.t('options.rules.patternHint')}
        </p>
      </div>
      <TargetFields
        idPrefix={idPrefix}
        value={draft}
        lists={lists}
        onChange={(target) => setDraft({ ...draft, ...target })}
        onSpaceChosen={onSpaceChosen}
      />
      <Alert message={error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={lists.busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {i18n.t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
