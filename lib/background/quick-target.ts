/**
 * Where a quick clip of a page goes, from what is stored and what Anytype has now: the matching
 * site rule or the defaults (lib/settings/site-rules.ts), the last choices, and the spaces, chat
 * spaces left out (a clip cannot be saved into a chat). The choice itself is chooseQuickTarget's.
 */
import { type AnytypeErrorKind, isAnytypeError } from '../anytype/errors';
import type { ClipPrefs } from '../settings/clip-prefs';
import type { ClipSettings } from '../settings/clip-settings';
import { resolveClipTarget } from '../settings/site-rules';
import { chooseQuickTarget, type QuickTarget } from './quick-clip';

export interface QuickTargetSources {
  clipSettings(): Promise<ClipSettings>;
  prefs(): Promise<ClipPrefs>;
  /** The spaces Anytype has; rejects with an 'offline' AnytypeError while it is not running. */
  spaces(): Promise<readonly { id: string; name?: string; isChat?: boolean }[]>;
}

/**
 * Failures after which the clip is still queued from the stored choices: Anytype not running, or a
 * key that needs pairing again (the queue pauses for those and sends after pairing, issue 15).
 */
const KEPT_WITHOUT_LISTS: ReadonlySet<AnytypeErrorKind> = new Set(['offline', 'unauthorized', 'key_expired', 'scoped_key']);

export function createQuickTargetResolver(sources: QuickTargetSources) {
  return async function resolveQuickTarget(pageUrl: string): Promise<QuickTarget> {
    const configured = resolveClipTarget(await sources.clipSettings(), pageUrl);
    const remembered = await sources.prefs();
    // Anytype not running: the clip still goes to the queue (lib/background/quick-clip.ts).
    const spaces = await sources.spaces().then(
      (all) => all.filter((space) => !space.isChat),
      (error: unknown) => {
        if (isAnytypeError(error) && KEPT_WITHOUT_LISTS.has(error.kind)) return undefined;
        throw error;
      },
    );
    return chooseQuickTarget({ configured, remembered, spaces });
  };
}
