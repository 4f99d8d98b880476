interface StartViewProps {
  busy: boolean;
  onConnect(): void;
  onUseKey(): void;
}

export function StartView({ busy, onConnect, onUseKey }: StartViewProps) {
  return (
    <section aria-labelledby="start-heading">
      <h2 id="start-heading">Connect to Anytype</h2>
      <p>Anytype Desktop must be running. Click Connect, then type the 4-digit code Anytype shows.</p>
      {busy && <p class="note">Waiting for Anytype… If it asks you to allow Clip to Anytype, approve it there.</p>}
      <div class="actions">
        <button type="button" class="primary" onClick={onConnect} disabled={busy}>
          Connect
        </button>
        <button type="button" onClick={onUseKey} disabled={busy}>
          Use an API key
        </button>
      </div>
    </section>
  );
}
