import { i18n } from '#i18n';
import { useState } from 'preact/hooks';

interface CodeFormProps {
  busy: boolean;
  onPair(code: string): void;
  onCancel(): void;
}

export function CodeForm({ busy, onPair, onCancel }: CodeFormProps) {
  const [code, setCode] = useState('');
  return (
    <form
      aria-labelledby="code-heading"
      onSubmit={(event) => {
        event.preventDefault();
        onPair(code);
      }}
    >
      <h2 id="code-heading">{i18n.t('pairing.code.heading')}</h2>
      <p>{i18n.t('pairing.code.body')}</p>
      <label for="pairing-code">{i18n.t('pairing.code.label')}</label>
      <input
        id="pairing-code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]*"
        maxLength={4}
        value={code}
        onInput={(event) => setCode(event.currentTarget.value.replace(/\D/g, ''))}
        // biome-ignore lint/a11y/noAutofocus: the code is the only thing to type here
        autoFocus
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {i18n.t('pairing.code.pair')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {i18n.t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
