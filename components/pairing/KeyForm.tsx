import { i18n } from '#i18n';
import { useState } from 'preact/hooks';

interface KeyFormProps {
  busy: boolean;
  onSave(key: string): void;
  onBack(): void;
}

export function KeyForm({ busy, onSave, onBack }: KeyFormProps) {
  const [key, setKey] = useState('');
  return (
    <form
      aria-labelledby="key-heading"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(key);
      }}
    >
      <h2 id="key-heading">{i18n.t('pairing.key.heading')}</h2>
      <p>{i18n.t('pairing.key.body')}</p>
      <label for="api-key">{i18n.t('pairing.key.label')}</label>
      <input
        id="api-key"
        name="apiKey"
        type="password"
        autoComplete="off"
        spellcheck={false}
        value={key}
        onInput={(event) => setKey(event.currentTarget.value)}
        // biome-ignore lint/a11y/noAutofocus: the key is the only thing to type here
        autoFocus
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {i18n.t('pairing.key.save')}
        </button>
        <button type="button" onClick={onBack} disabled={busy}>
          {i18n.t('common.back')}
        </button>
      </div>
    </form>
  );
}
