import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { CODE_PATTERN } from '../../lib/pairing/controller';

interface CodeFormProps {
  busy: boolean;
  /** Seconds left to approve the request in Anytype; undefined when not known. */
  approvalSecondsLeft?: number;
  lapsed?: boolean;
  onPair(code: string): void;
  onCancel(): void;
  onConnect(): void;
}

/** m:ss, the way a countdown is read. */
export function formatSecondsLeft(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function CodeForm({ busy, approvalSecondsLeft, lapsed, onPair, onCancel, onConnect }: CodeFormProps) {
  const [code, setCode] = useState('');
  const complete = CODE_PATTERN.test(code);
  const waiting = !lapsed && approvalSecondsLeft !== undefined && approvalSecondsLeft > 0;
  return (
    <form
      aria-labelledby="code-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (complete) onPair(code);
      }}
    >
      <h2 id="code-heading">{i18n.t('pairing.code.heading')}</h2>
      {waiting && (
        <p class="approve" role="status">
          <strong>{i18n.t('pairing.approve.heading')}</strong>{' '}
          <span class="clock">
            {i18n.t('pairing.approve.timeLeft', { time: formatSecondsLeft(approvalSecondsLeft ?? 0) })}
          </span>
        </p>
      )}
      <p>{i18n.t('pairing.code.body')}</p>
      <label for="pairing-code">{i18n.t('pairing.code.label')}</label>
      <input
        id="pairing-code"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{4}"
        minLength={4}
        maxLength={4}
        required
        value={code}
        onInput={(event) => {
          const digits = event.currentTarget.value.replace(/\D/g, '').slice(0, 4);
          // Written back at once: when the cleaned value equals the state, Preact would not redraw it.
          event.currentTarget.value = digits;
          setCode(digits);
          // The 4th digit is the whole code: it is sent at once (Pair stays for a code pasted while busy).
          if (CODE_PATTERN.test(digits) && digits !== code && !busy) onPair(digits);
        }}
        // biome-ignore lint/a11y/noAutofocus: the code is the only thing to type here
        autoFocus
      />
      <div class="actions">
        <button type="submit" class="primary" disabled={busy || !complete}>
          {i18n.t('pairing.code.pair')}
        </button>
        {lapsed && (
          <button type="button" onClick={onConnect} disabled={busy}>
            {i18n.t('pairing.code.connectAgain')}
          </button>
        )}
        <button type="button" onClick={onCancel} disabled={busy}>
          {i18n.t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
