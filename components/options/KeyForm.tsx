import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { Alert } from '../Alert';

interface KeyFormProps {
  idPrefix: string;
  onSubmit(apiKey: string): Promise<string | undefined>;
  onCancel(): void;
}

/** A key created in Desktop Settings › API Keys; the background tries it once before keeping it. */
export function KeyForm({ idPrefix, onSubmit, onCancel }: KeyFormProps) {
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<string>();
  return (
    <form
      class="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit(apiKey).then((problem) => {
          setError(problem);
          if (!problem) {
            setApiKey('');
            onCancel();
          }
        });
      }}
    >
      <div class="field">
        <label for={`${idPrefix}-key`}>{i18n.t('pairing.key.label')}</label>
        <input
          id={`${idPrefix}-key`}
          type="password"
          autoComplete="off"
          spellcheck={false}
          value={apiKey}
          onInput={(e) => setApiKey(e.currentTarget.value)}
        />
      </div>
      <Alert message={error} />
      <div class="actions">
        <button type="submit" class="primary">
          {i18n.t('pairing.key.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {i18n.t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
