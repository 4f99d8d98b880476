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
      <h2 id="code-heading">Enter the code</h2>
      <p>Anytype Desktop shows a 4-digit code. You can close this popup to look at it; it will wait here.</p>
      <label for="pairing-code">Pairing code</label>
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
          Pair
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
