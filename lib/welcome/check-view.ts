/** What the welcome page says about Anytype for each state of its check, and which buttons it offers. */
import { i18n } from '../node-safe-i18n';
import type { CheckState } from './anytype-check';

export interface CheckView {
  tone: 'pending' | 'ok' | 'problem';
  text: string;
  /** Try again. */
  retry: boolean;
  /** Open settings: the address may be another program's. */
  settings: boolean;
}

export function checkView(state: CheckState): CheckView {
  if (state.phase === 'checking') return { tone: 'pending', text: i18n.t('welcome.check.checking'), retry: false, settings: false };
  if (state.phase === 'failed') return { tone: 'problem', text: i18n.t('welcome.check.failed'), retry: true, settings: false };
  const { answer } = state;
  switch (answer.state) {
    case 'found':
      return {
        tone: 'ok',
        text: i18n.t(answer.paired ? 'welcome.check.foundPaired' : 'welcome.check.found', { url: answer.baseUrl }),
        retry: false,
        settings: false,
      };
    case 'not_anytype':
      return { tone: 'problem', text: i18n.t('welcome.check.notAnytype', { url: answer.baseUrl }), retry: true, settings: true };
    default:
      return { tone: 'problem', text: i18n.t('welcome.check.notRunning'), retry: true, settings: false };
  }
}
