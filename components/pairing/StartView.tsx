import { i18n } from '#i18n';
interface StartViewProps {
  busy: boolean;
  /** Anytype denied the extension: Connect sends nothing until the person says it restarted. */
  denied?: boolean;
  onConnect(): void;
  onRestarted(): void;
  onUseKey(): void;
}

export function StartView({ busy, denied, onConnect, onRestarted, onUseKey }: StartViewProps) {
  return (
    <section aria-labelledby="start-heading">
      <h2 id="start-heading">{i18n.t('pairing.start.heading')}</h2>
      <p>{i18n.t('pairing.start.body')}</p>
      {busy && <p class="note">{i18n.t('pairing.start.waiting')}</p>}
      <div class="actions">
        <button type="button" class="primary" onClick={onConnect} disabled={busy}>
          {i18n.t('pairing.start.connect')}
        </button>
        {denied && (
          <button type="button" onClick={onRestarted} disabled={busy}>
            {i18n.t('pairing.start.restarted')}
          </button>
        )}
        <button type="button" onClick={onUseKey} disabled={busy}>
          {i18n.t('pairing.start.useKey')}
        </button>
      </div>
    </section>
  );
}
