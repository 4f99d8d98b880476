/** Errors are announced to screen readers as they appear. Text only: messages may quote a server. */
export function Alert({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="alert" class="alert">
      {message}
    </p>
  );
}

export function Note({ message }: { message?: string }) {
  if (!message) return null;
  return <p class="note">{message}</p>;
}
