/**
 * The choices a person made last time (space, type per space, mode), so the next clip starts
 * where they left off. Kept in extension storage; nothing here is secret. Read entry by entry: a
 * choice that cannot be read is forgotten alone, the others still fill the form.
 */
import * as v from 'valibot';
import { isValidId } from '../anytype/ids';
import { PageModeSchema, type PageMode } from '../capture/schema';
import type { StorageAreaLike } from '../keys/vault';
import { type Dropped, defineVersionedItem, readPart } from './versioned-item';

const SpaceIdSchema = v.pipe(v.string(), v.check((value) => isValidId(value), 'not an Anytype id'));
const TypeKeySchema = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

export const ClipPrefsSchema = v.object({
  spaceId: v.optional(v.string()),
  typeKeyBySpace: v.optional(v.record(v.string(), v.string()), {}),
  collectionBySpace: v.optional(v.record(v.string(), v.string()), {}),
  mode: v.optional(PageModeSchema, 'article'),
});
export type ClipPrefs = v.InferOutput<typeof ClipPrefsSchema>;

export const CLIP_PREFS_SLOT = 'prefs:clip';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A per-space map, entry by entry: an entry whose space or value cannot be read is dropped alone. */
function readMap(stored: unknown, what: string, valueSchema: v.GenericSchema): { map: Record<string, string>; dropped: Dropped[] } {
  const map: Record<string, string> = {};
  if (stored === undefined) return { map, dropped: [] };
  if (!isRecord(stored)) return { map, dropped: [{ what, raw: stored, problem: 'not a map' }] };
  const dropped: Dropped[] = [];
  for (const [spaceId, value] of Object.entries(stored)) {
    if (isValidId(spaceId) && v.is(valueSchema, value)) map[spaceId] = value as string;
    else dropped.push({ what, raw: { [spaceId]: value }, problem: 'not a space and its choice' });
  }
  return { map, dropped };
}

export function readClipPrefs(stored: unknown): { value: ClipPrefs; dropped: Dropped[] } {
  if (!isRecord(stored)) {
    return { value: v.parse(ClipPrefsSchema, {}), dropped: stored === undefined ? [] : [{ what: 'clipPrefs', raw: stored, problem: 'not choices' }] };
  }
  const space = readPart(v.optional(SpaceIdSchema), stored.spaceId, 'choice', () => undefined);
  const types = readMap(stored.typeKeyBySpace, 'choice', TypeKeySchema);
  const collections = readMap(stored.collectionBySpace, 'choice', SpaceIdSchema);
  const mode = readPart(PageModeSchema, stored.mode, 'choice', (): PageMode => 'article');
  return {
    value: {
      ...(space.part === undefined ? {} : { spaceId: space.part }),
      typeKeyBySpace: types.map,
      collectionBySpace: collections.map,
      mode: mode.part,
    },
    dropped: [...space.dropped, ...types.dropped, ...collections.dropped, ...mode.dropped],
  };
}

export function createClipPrefsStore(area: StorageAreaLike) {
  const item = defineVersionedItem<ClipPrefs>(area, {
    key: CLIP_PREFS_SLOT,
    version: 1,
    read: readClipPrefs,
    check: (prefs) => v.parse(ClipPrefsSchema, prefs),
    fallback: () => v.parse(ClipPrefsSchema, {}),
  });
  return {
    async load(): Promise<ClipPrefs> {
      return (await item.read()).value;
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
      return item.write(next);
    },
  };
}
export type ClipPrefsStore = ReturnType<typeof createClipPrefsStore>;
