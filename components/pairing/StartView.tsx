import { i18n } from '#i18n';
interface StartViewProps {
  busy: boolean;
  onConnect(): void;
  onUseKey(): void;
}

export function StartView({ busy, onConnect, onUseKey }: StartViewProps) {
  return (
    <section aria-labelledby="start-heading">
      <h2 id="start-heading">{i18n.t('pairing.start.heading')}</h2>
      <p>{i18n.t('pairing.start.body')}</p>
      {busy && <p class="note">{i18n.t('pairing.start.waiting')}</p>}
      <div class="actions">
        <button type="button" class="primary" onClick={onConnect} disabled={busy}>
          {i18n.t('pairing.start.connect')}
        </button>
        <button type="button" onClick={onUseKey} disabled={busy}>
          {i18n.t('pairing.start.useKey')}
        </button>
      </div>
    </section>
  );
}
