/**
 * Why a failed clip failed, in the popup's words where its target is gone: the clip was kept
 * while Anytype was closed, and meanwhile its space or collection was deleted. Anytype's answer
 * then names neither ("could not find that item", or an internal error for a space it does not
 * know), so the popup compares the target with what Anytype has now and names what is missing,
 * from the names it saw last time.
 */
import { i18n } from '#i18n';
import type { MessageOutput } from '../protocol/messages';
import type { CachedLists } from './clip-form-types';

type Failed = MessageOutput<'queue.failed'>;
type Item = { id: string; name: string };

export interface TargetsNow {
  spaces(): Promise<Item[]>;
  collections(spaceId: string): Promise<Item[]>;
}

export async function explainFailed(failed: Failed, known: CachedLists | undefined, now: TargetsNow): Promise<Failed> {
  if (failed.length === 0) return failed;
  const spaceName = (id: string) => known?.spaces.find((s) => s.id === id)?.name;
  const collectionName = (spaceId: string, id: string) => known?.bySpace[spaceId]?.collections.find((c) => c.id === id)?.name;
  let spaces: Item[];
  try {
    spaces = await now.spaces();
  } catch {
    return failed; // Anytype cannot say what it has: Anytype's own words stand
  }
  const collections = new Map<string, Promise<Item[] | undefined>>();
  const collectionsOf = (spaceId: string) => {
    if (!collections.has(spaceId)) collections.set(spaceId, now.collections(spaceId).catch(() => undefined));
    return collections.get(spaceId) as Promise<Item[] | undefined>;
  };
  return Promise.all(
    failed.map(async (clip) => {
      const { spaceId, collectionId } = clip;
      if (!spaceId) return clip;
      if (!spaces.some((s) => s.id === spaceId)) {
        const name = spaceName(spaceId);
        return { ...clip, message: name ? i18n.t('queue.gone.space', { name }) : i18n.t('queue.gone.unnamedSpace') };
      }
      if (!collectionId) return clip;
      const there = await collectionsOf(spaceId);
      if (!there || there.some((c) => c.id === collectionId)) return clip;
      const name = collectionName(spaceId, collectionId);
      const space = spaceName(spaceId) ?? spaces.find((s) => s.id === spaceId)?.name ?? '';
      return {
        ...clip,
        message: name ? i18n.t('queue.gone.collection', { name, space }) : i18n.t('queue.gone.unnamedCollection', { space }),
      };
    }),
  );
}
