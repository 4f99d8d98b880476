/**
 * What the popup makes of the connection status: whether the clip form is usable, and the
 * popup's own words for a problem (Anytype's words are written for every context, e.g. a
 * notification, and may point to "the extension popup" the person is already in).
 */
import { i18n } from '#i18n';
import type { PairingState } from '../pairing/controller';

type Status = NonNullable<PairingState['status']>;
type Problem = NonNullable<Status['problem']>;

/** Problems that pass by themselves: a clip saved meanwhile waits in the queue and is sent after. */
const CLIPS_WAIT: readonly Problem['kind'][] = ['offline', 'rate_limited', 'server'];

/** Whether Anytype can be reached now, as far as the popup knows ('unknown' until it answered). */
export type Reach = 'up' | 'down' | 'unknown';

export function canClipWith(state: PairingState): boolean {
  const problem = state.status?.problem;
  return state.step === 'connected' && (!problem || CLIPS_WAIT.includes(problem.kind));
}

export function reachOf(state: PairingState): Reach {
  if (state.step !== 'connected' || !state.status) return 'unknown';
  if (state.status.problem?.kind === 'offline') return 'down';
  return state.status.problem === undefined && state.status.spaceCount !== undefined ? 'up' : 'unknown';
}

const POPUP_WORDS: Partial<Record<Problem['kind'], string>> = {
  offline: 'popup.problems.offline',
  unauthorized: 'popup.problems.unauthorized',
  key_expired: 'popup.problems.keyExpired',
};

/** The state with the popup's wording for the problem, where it has its own. */
export function inPopupWords(state: PairingState): PairingState {
  const problem = state.status?.problem;
  const key = problem && POPUP_WORDS[problem.kind];
  if (!state.status || !problem || !key) return state;
  return { ...state, status: { ...state.status, problem: { ...problem, message: i18n.t(key as 'popup.problems.offline') } } };
}
