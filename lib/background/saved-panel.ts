/**
 * What a quick clip shows in the page once Anytype has the object: the "Saved to Anytype" panel,
 * filled from the save's answer and the target it used, and the tab's recent clip that the panel's
 * later changes (tags, collection) apply to. Nothing is shown for a clip without an object to open
 * (queued or refused): the notification has said what happened to it.
 */
import type { MessageOutput } from '../protocol/messages';
import { panelHeading } from './panel-heading';
import type { PanelInit } from './panel-injector';
import type { QuickTarget } from './quick-clip';
import type { RecentClips } from './recent-clips';

type SaveResult = MessageOutput<'clip.submit'>;

/** The panel's contents, or undefined when there is nothing in Anytype to point at. */
export function panelInitFor(result: SaveResult, target: QuickTarget): PanelInit | undefined {
  if (!result.objectId || !result.openUrl) return undefined;
  return {
    heading: panelHeading(target),
    spaceId: result.spaceId,
    openUrl: result.openUrl,
    tagNames: target.tagNames ?? [],
    collectionId: target.collectionId,
  };
}

export interface SavedPanelDeps {
  recent: Pick<RecentClips, 'set'>;
  show(tabId: number, init: PanelInit): Promise<void>;
}

/** Quick clip's afterSave: remembers the tab's clip first, so the panel's first change finds it. */
export function createAfterQuickSave(deps: SavedPanelDeps) {
  return async function afterSave(tabId: number, result: SaveResult, target: QuickTarget): Promise<void> {
    const init = panelInitFor(result, target);
    if (!init || !result.objectId) return;
    await deps.recent.set(tabId, {
      spaceId: result.spaceId,
      objectId: result.objectId,
      tagNames: init.tagNames,
      collectionId: init.collectionId,
    });
    await deps.show(tabId, init);
  };
}
