/**
 * Changes to a clip after it was saved (the in-page panel's tags and collection). They go
 * straight to Anytype rather than through the queue: the person is watching, and a failure is
 * shown to them in the panel instead of being retried behind their back.
 */
import { i18n } from '#i18n';
import type { AnytypeClient } from '../anytype';
import type { MessageInput, MessageOutput } from '../protocol/messages';
import { ProtocolFailure } from '../protocol/router';
import { resolveTagIds } from '../queue';
import type { RecentClips } from './recent-clips';
import { cleanTagNames, tagKey } from '../settings/tag-names';

export interface ClipAmendDeps {
  client(): Promise<AnytypeClient>;
  recent: RecentClips;
}

export function createClipAmender(deps: ClipAmendDeps) {
  return async function amend(
    tabId: number,
    input: MessageInput<'clip.amend'>,
  ): Promise<MessageOutput<'clip.amend'>> {
    const clip = await deps.recent.get(tabId);
    if (!clip) throw new ProtocolFailure('no_clip', i18n.t('background.noRecentClip'));
    const client = await deps.client();
    let { tagNames, collectionId } = clip;
    if (input.tagNames?.length || input.removeTagNames?.length) {
      const removed = new Set((input.removeTagNames ?? []).map(tagKey));
      const merged = cleanTagNames([...clip.tagNames, ...(input.tagNames ?? [])]).filter((name) => !removed.has(tagKey(name)));
      const tagIds = await resolveTagIds(client, clip.spaceId, merged);
      await client.objects.update(clip.spaceId, clip.objectId, { properties: [{ key: 'tag', multi_select: tagIds }] });
      tagNames = merged;
    }
    if (input.collectionId && input.collectionId !== clip.collectionId) {
      await client.lists.addObjects(clip.spaceId, input.collectionId, [clip.objectId]);
      collectionId = input.collectionId;
    }
    await deps.recent.set(tabId, { ...clip, tagNames, collectionId });
    return { tagNames, collectionId };
  };
}
