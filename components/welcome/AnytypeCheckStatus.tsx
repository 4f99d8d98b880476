import { i18n } from '#i18n';
import type { CheckView } from '../../lib/welcome/check-view';

interface AnytypeCheckStatusProps {
  view: CheckView;
  onRetry(): void;
  onOpenSettings(): void;
}

/** The live line: a status region, so each change of answer is read out once. */
export function AnytypeCheckStatus({ view, onRetry, onOpenSettings }: AnytypeCheckStatusProps) {
  const toneClass = view.tone === 'ok' ? 'connected' : view.tone === 'problem' ? 'alert' : 'note';
  return (
    <section class={`welcome-check welcome-check-${view.tone}`} aria-labelledby="welcome-check-heading">
      <h2 id="welcome-check-heading">{i18n.t('welcome.check.heading')}</h2>
      <p role="status" class={toneClass}>
        {view.text}
      </p>
      {(view.retry || view.settings) && (
        <div class="actions">
          {view.retry && (
            <button type="button" class="primary" onClick={onRetry}>
              {i18n.t('common.tryAgain')}
            </button>
          )}
          {view.settings && (
            <button type="button" onClick={onOpenSettings}>
              {i18n.t('common.openSettings')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
