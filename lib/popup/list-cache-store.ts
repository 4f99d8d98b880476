/** The clip form's list cache in session storage: extension-only, gone when the browser closes. */
import * as v from 'valibot';
import { SpaceSummarySchema, TagSummarySchema, TypeSummarySchema } from '../protocol/messages';
import type { SessionAreaLike } from '../pairing/pending-challenge';
import type { ListCache } from './clip-form';

const Item = v.object({ id: v.string(), name: v.string() });
const ListCacheSchema = v.object({
  spaces: v.array(SpaceSummarySchema),
  bySpace: v.record(
    v.string(),
    v.object({ types: v.array(TypeSummarySchema), collections: v.array(Item), tags: v.array(TagSummarySchema) }),
  ),
});

const SLOT = 'cache:lists';

export function createListCacheStore(area: SessionAreaLike): ListCache {
  return {
    async load() {
      const parsed = v.safeParse(ListCacheSchema, (await area.get(SLOT))[SLOT]);
      return parsed.success ? parsed.output : undefined;
    },
    async save(value) {
      await area.set({ [SLOT]: value });
    },
  };
}
