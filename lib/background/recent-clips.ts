/**
 * The clip last saved from each tab, so the in-page panel of that tab (and no other) can add
 * tags or a collection to it. Kept in session storage: it outlives the worker, not the browser,
 * and content scripts cannot read it.
 */
import * as v from 'valibot';
import type { SessionAreaLike } from '../pairing/pending-challenge';

const RecentClipSchema = v.object({
  spaceId: v.string(),
  objectId: v.string(),
  tagNames: v.array(v.string()),
  collectionId: v.optional(v.string()),
  savedAt: v.number(),
});
export type RecentClip = v.InferOutput<typeof RecentClipSchema>;

const slot = (tabId: number) => `panel:tab:${tabId}`;
/** The panel is for right after the save; an hour later, changes belong in Anytype itself. */
const MAX_AGE_MS = 60 * 60 * 1000;

export function createRecentClips(area: SessionAreaLike, now: () => number = Date.now) {
  return {
    async get(tabId: number): Promise<RecentClip | undefined> {
      const parsed = v.safeParse(RecentClipSchema, (await area.get(slot(tabId)))[slot(tabId)]);
      if (!parsed.success || now() - parsed.output.savedAt > MAX_AGE_MS) return undefined;
      return parsed.output;
    },
    async set(tabId: number, clip: Omit<RecentClip, 'savedAt'>): Promise<void> {
      await area.set({ [slot(tabId)]: { ...clip, savedAt: now() } satisfies RecentClip });
    },
  };
}
export type RecentClips = ReturnType<typeof createRecentClips>;
