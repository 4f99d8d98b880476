/**
 * Clipping without the popup (context menu, keyboard command): the target comes from the
 * matching site rule, else the last choices, else the first space; the outcome is told by a
 * notification, which never takes focus from the page.
 */
import { i18n } from '#i18n';
import { BOOKMARK_TYPE_KEY } from '../anytype/type-keys';
import type { ClipMode } from '../capture/schema';
import type { ClipPrefs } from '../settings/clip-prefs';
import type { MessageOutput } from '../protocol/messages';
import { ProtocolFailure } from '../protocol/router';
import type { ClipRequest } from './clip-service';

export interface QuickTarget {
  spaceId: string;
  spaceName?: string;
  typeKey: string;
  collectionId?: string;
  tagNames?: string[];
}

/** What decides a quick clip's target: the options' rule or defaults, last time's choices, the spaces. */
export interface QuickTargetInputs {
  configured: { spaceId?: string; typeKey?: string; collectionId?: string; tagNames?: string[] };
  remembered: Pick<ClipPrefs, 'spaceId' | 'typeKeyBySpace' | 'collectionBySpace'>;
  /** The spaces Anytype has now; undefined while Anytype is not running. */
  spaces?: readonly { id: string; name?: string }[];
}

/**
 * A matching site rule first, then the options' defaults, then what was chosen last time. While
 * Anytype is not running nobody can say which spaces exist, so the configured or remembered one is
 * trusted: the clip waits in the queue, and a space gone by then makes it fail visibly there.
 */
export function chooseQuickTarget({ configured, remembered, spaces }: QuickTargetInputs): QuickTarget {
  const space = spaces
    ? (spaces.find((s) => s.id === configured.spaceId) ?? spaces.find((s) => s.id === remembered.spaceId) ?? spaces[0])
    : { id: configured.spaceId ?? remembered.spaceId, name: undefined };
  if (!space?.id) throw new Error(i18n.t(spaces ? 'background.noSpace' : 'background.noSpaceOffline'));
  const sameSpace = configured.spaceId === undefined || configured.spaceId === space.id;
  return {
    spaceId: space.id,
    spaceName: space.name,
    typeKey: (sameSpace && configured.typeKey) || remembered.typeKeyBySpace[space.id] || 'page',
    collectionId: (sameSpace && configured.collectionId) || remembered.collectionBySpace[space.id],
    tagNames: configured.tagNames,
  };
}

export interface QuickClipDeps {
  clipTab(tabId: number, request: ClipRequest): Promise<MessageOutput<'clip.submit'>>;
  resolveTarget(pageUrl: string, mode: ClipMode): Promise<QuickTarget>;
  notify(notice: { title: string; message: string }): void;
  /** After a save, e.g. to show the in-page panel; failures there never undo the save. */
  afterSave?(tabId: number, result: MessageOutput<'clip.submit'>, target: QuickTarget): Promise<void>;
}

export interface QuickClipTab {
  id?: number;
  url?: string;
  title?: string;
}

const WEB_URL = /^https?:\/\//i;

export function createQuickClip(deps: QuickClipDeps) {
  return {
    async run(tab: QuickClipTab | undefined, mode: ClipMode, targetUrl?: string): Promise<void> {
      try {
        if (tab?.id === undefined || !tab.url) throw new ProtocolFailure('no_tab', i18n.t('quick.noTab'));
        if ((mode === 'link' || mode === 'image') && (!targetUrl || !WEB_URL.test(targetUrl))) {
          throw new ProtocolFailure('invalid_message', i18n.t('quick.webOnly'));
        }
        const target = await deps.resolveTarget(tab.url, mode);
        const typeKey = mode === 'link' ? BOOKMARK_TYPE_KEY : target.typeKey;
        const result = await deps.clipTab(tab.id, {
          mode,
          spaceId: target.spaceId,
          typeKey,
          collectionId: target.collectionId,
          tagNames: target.tagNames?.length ? target.tagNames : undefined,
          title: '',
          targetUrl,
        });
        const where = target.spaceName
          ? i18n.t('quick.savedTo', { space: target.spaceName })
          : i18n.t('quick.savedToAnytype');
        if (result.state === 'done') deps.notify({ title: where, message: tab.title || tab.url });
        else if (result.state === 'queued') deps.notify({ title: i18n.t('quick.kept'), message: result.message ?? '' });
        else deps.notify({ title: i18n.t('quick.notSaved'), message: result.message ?? i18n.t('quick.notAccepted') });
        // The target as saved: a link is a bookmark whatever the rule's type.
        if (result.state === 'done' && deps.afterSave) await deps.afterSave(tab.id, result, { ...target, typeKey }).catch(() => undefined);
      } catch (error) {
        const message = error instanceof Error ? error.message : i18n.t('quick.failed');
        deps.notify({ title: i18n.t('quick.notSaved'), message });
      }
    },
  };
}

export type QuickClip = ReturnType<typeof createQuickClip>;
