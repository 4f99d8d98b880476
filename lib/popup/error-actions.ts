/**
 * The one button every error in the popup comes with: what the person does next. Keyed by the
 * error's kind (lib/anytype/errors.ts) or the background's code for it.
 */
export type ErrorAction = 'retry' | 'pair' | 'settings';

/** The key no longer works, or the pairing ended: only a new pairing helps. */
const PAIR: readonly string[] = [
  'unauthorized',
  'key_expired',
  'scoped_key',
  'not_paired',
  'pairing_denied',
  'pairing_lapsed',
  'pairing_unavailable',
];
/** The extension's own set-up is at fault (its Origin rule, its address for Anytype). */
const SETTINGS: readonly string[] = ['origin_rejected'];

export function errorAction(kind: string | undefined): ErrorAction {
  if (kind && PAIR.includes(kind)) return 'pair';
  if (kind && SETTINGS.includes(kind)) return 'settings';
  return 'retry';
}

/** The label of the button for each action (keys in locales/*.yml). */
export const ERROR_ACTION_LABEL = {
  retry: 'common.tryAgain',
  pair: 'common.pairAgain',
  settings: 'common.openSettings',
} as const satisfies Record<ErrorAction, string>;
