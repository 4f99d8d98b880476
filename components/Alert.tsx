/** Errors are announced to screen readers as they appear. Text only: messages may quote a server. */
export function Alert({ message, action }: { message?: string; action?: { label: string; onAct(): void } }) {
  if (!message) return null;
  if (!action) {
    return (
      <p role="alert" class="alert">
        {message}
      </p>
    );
  }
  // The way on sits with the message: every error says what to do and offers the button for it.
  return (
    <div class="alert-box">
      <p role="alert" class="alert">
        {message}
      </p>
      <button type="button" onClick={action.onAct}>
        {action.label}
      </button>
    </div>
  );
}

export function Note({ message }: { message?: string }) {
  if (!message) return null;
  return <p class="note">{message}</p>;
}
