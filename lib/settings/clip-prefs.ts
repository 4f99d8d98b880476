/**
 * The choices a person made last time (space, type per space, mode), so the next clip starts
 * where they left off. Kept in extension storage; nothing here is secret.
 */
import * as v from 'valibot';
import { PageModeSchema, type PageMode } from '../capture/schema';
import type { StorageAreaLike } from '../keys/vault';

export const ClipPrefsSchema = v.object({
  spaceId: v.optional(v.string()),
  typeKeyBySpace: v.optional(v.record(v.string(), v.string()), {}),
  collectionBySpace: v.optional(v.record(v.string(), v.string()), {}),
  mode: v.optional(PageModeSchema, 'article'),
});
export type ClipPrefs = v.InferOutput<typeof ClipPrefsSchema>;

const SLOT = 'prefs:clip';

export function createClipPrefsStore(area: StorageAreaLike) {
  return {
    async load(): Promise<ClipPrefs> {
      const parsed = v.safeParse(ClipPrefsSchema, (await area.get(SLOT))[SLOT] ?? {});
      return parsed.success ? parsed.output : v.parse(ClipPrefsSchema, {});
    },
    /** Stores the choice and answers the choices as now stored. */
    async remember(choice: { spaceId: string; typeKey: string; collectionId?: string; mode: PageMode }): Promise<ClipPrefs> {
      const prefs = await this.load();
      const collectionBySpace = { ...prefs.collectionBySpace };
      if (choice.collectionId) collectionBySpace[choice.spaceId] = choice.collectionId;
      else delete collectionBySpace[choice.spaceId];
      const next: ClipPrefs = {
        spaceId: choice.spaceId,
        typeKeyBySpace: { ...prefs.typeKeyBySpace, [choice.spaceId]: choice.typeKey },
        collectionBySpace,
        mode: choice.mode,
      };
      await area.set({ [SLOT]: next });
      return next;
    },
  };
}
export type ClipPrefsStore = ReturnType<typeof createClipPrefsStore>;
