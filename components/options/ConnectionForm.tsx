import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { Alert } from '../Alert';

interface ConnectionFormProps {
  /** Prefix for element ids, unique on the page. */
  idPrefix: string;
  initial?: { name: string; endpoint: string };
  submitLabel: string;
  onSubmit(draft: { name: string; endpoint: string }): Promise<string | undefined>;
  onCancel?(): void;
}

/** Name and endpoint of a connection; the endpoint may be a bare port or a loopback URL. */
export function ConnectionForm({ idPrefix, initial, submitLabel, onSubmit, onCancel }: ConnectionFormProps) {
  const [name, setName] = useState(initial?.name ?? '');
  const [endpoint, setEndpoint] = useState(initial?.endpoint ?? '');
  const [error, setError] = useState<string>();
  return (
    <form
      class="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit({ name, endpoint }).then((problem) => {
          setError(problem);
          if (!problem && !initial) {
            setName('');
            setEndpoint('');
          }
        });
      }}
    >
      <div class="field">
        <label for={`${idPrefix}-name`}>{i18n.t('options.connectionForm.name')}</label>
        <input id={`${idPrefix}-name`} value={name} maxLength={80} onInput={(e) => setName(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for={`${idPrefix}-endpoint`}>{i18n.t('options.connectionForm.endpoint')}</label>
        <input
          id={`${idPrefix}-endpoint`}
          value={endpoint}
          placeholder={i18n.t('options.connectionForm.endpointPlaceholder')}
          aria-describedby={`${idPrefix}-endpoint-hint`}
          onInput={(e) => setEndpoint(e.currentTarget.value)}
        />
        <p id={`${idPrefix}-endpoint-hint`} class="note">
          {i18n.t('options.connectionForm.endpointHint')}
        </p>
      </div>
      <Alert message={error} />
      <div class="actions">
        <button type="submit" class="primary">
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
