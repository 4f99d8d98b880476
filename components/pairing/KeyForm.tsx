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
      <h2 id="key-heading">Use an API key</h2>
      <p>Create a key in Anytype Desktop › Settings › API Keys and paste it here.</p>
      <label for="api-key">API key</label>
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
          Save key
        </button>
        <button type="button" onClick={onBack} disabled={busy}>
          Back
        </button>
      </div>
    </form>
  );
}
