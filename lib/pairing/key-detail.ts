/**
 * One line on what the kept key holds: its grant (all spaces / n spaces, read & write / read only)
 * and its expiry, each only when known. The popup's connected view and the options page both show it.
 */
import { i18n } from '../node-safe-i18n';
import type { KeyGrant } from '../anytype/grants';

export interface KeyFacts {
  grant?: KeyGrant | null;
  expiresAt?: number;
  expiredAt?: number;
}

function day(ms: number): string {
  return new Date(ms).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function grantText(grant: KeyGrant): string {
  const spaces = grant.allSpaces
    ? i18n.t('pairing.key.grantAll')
    : i18n.t('pairing.key.spaces', grant.spaceIds.length);
  const permission = grant.permission === 'readwrite' ? i18n.t('pairing.key.readWrite') : i18n.t('pairing.key.readOnly');
  return i18n.t('pairing.key.grant', { spaces, permission });
}

/** undefined when nothing is known beyond "a key is kept". */
export function keyDetail(facts: KeyFacts): string | undefined {
  const parts: string[] = [];
  if (facts.grant) parts.push(grantText(facts.grant));
  if (facts.expiredAt !== undefined) parts.push(i18n.t('pairing.key.expired', { date: day(facts.expiredAt) }));
  else if (facts.expiresAt !== undefined) parts.push(i18n.t('pairing.key.expires', { date: day(facts.expiresAt) }));
  return parts.length > 0 ? parts.join(' · ') : undefined;
}
