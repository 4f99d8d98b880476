/** The in-page panel's heading after a quick clip: where it went and as what, in the person's language. */
import { i18n } from '#i18n';

/** A type key as a label when the type's own name is not at hand (`web_clip` → "Web clip"). */
export function typeLabel(key: string): string {
  return key.replace(/_/g, ' ').replace(/^./, (first) => first.toUpperCase());
}

export function panelHeading(target: { spaceName?: string; typeKey: string }): string {
  const saved = target.spaceName ? i18n.t('quick.savedTo', { space: target.spaceName }) : i18n.t('quick.savedToAnytype');
  return `${saved} · ${typeLabel(target.typeKey)}`;
}
