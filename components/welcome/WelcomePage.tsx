import { i18n } from '#i18n';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { type CheckState, type CheckTimers, createAnytypeCheck, type ProbeAnswer } from '../../lib/welcome/anytype-check';
import { checkView } from '../../lib/welcome/check-view';
import { useDocumentLang } from '../document-lang';
import { AnytypeCheckStatus } from './AnytypeCheckStatus';

export interface WelcomeDeps {
  /** `anytype.probe` through the background. */
  probe(): Promise<ProbeAnswer>;
  openSettings(): void;
  timers: CheckTimers;
  /** Whether the page is on screen, and a way to hear when that changes (returns the unsubscribe). */
  visibility: { visible(): boolean; onShown(listener: () => void): () => void };
}

function Section({ id, heading, children }: { id: string; heading: string; children: preact.ComponentChildren }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {children}
    </section>
  );
}

export function WelcomePage({ deps }: { deps: WelcomeDeps }) {
  useDocumentLang(i18n.t('welcome.title'));
  const [state, setState] = useState<CheckState>({ phase: 'checking' });
  const check = useMemo(
    () => createAnytypeCheck({ probe: deps.probe, timers: deps.timers, visible: deps.visibility.visible, onChange: setState }),
    [deps],
  );
  useEffect(() => {
    check.start();
    const unsubscribe = deps.visibility.onShown(() => check.shown());
    return () => {
      unsubscribe();
      check.stop();
    };
  }, [check, deps]);

  return (
    <main class="welcome">
      <header>
        <h1>{i18n.t('welcome.title')}</h1>
        <p class="welcome-lead">{i18n.t('welcome.lead')}</p>
      </header>
      <AnytypeCheckStatus view={checkView(state)} onRetry={() => check.retry()} onOpenSettings={deps.openSettings} />
      <Section id="welcome-pin" heading={i18n.t('welcome.pin.heading')}>
        <p>{i18n.t('welcome.pin.body')}</p>
        <ul>
          <li>{i18n.t('welcome.pin.chrome')}</li>
          <li>{i18n.t('welcome.pin.firefox')}</li>
        </ul>
        <p class="note">{i18n.t('welcome.pin.keys')}</p>
      </Section>
      <Section id="welcome-pair" heading={i18n.t('welcome.pair.heading')}>
        <ol>
          <li>{i18n.t('welcome.pair.start')}</li>
          <li>{i18n.t('welcome.pair.connect')}</li>
          <li>{i18n.t('welcome.pair.approve')}</li>
          <li>{i18n.t('welcome.pair.code')}</li>
        </ol>
        <p>{i18n.t('welcome.pair.key')}</p>
      </Section>
      <Section id="welcome-privacy" heading={i18n.t('welcome.privacy.heading')}>
        <ul>
          <li>{i18n.t('welcome.privacy.local')}</li>
          <li>{i18n.t('welcome.privacy.pages')}</li>
          <li>{i18n.t('welcome.privacy.key')}</li>
        </ul>
      </Section>
      <p>
        <button type="button" class="link-button" onClick={deps.openSettings}>
          {i18n.t('common.openSettings')}
        </button>
      </p>
    </main>
  );
}
