import { collectAll } from './pagination';
import { CreateTagInputSchema, paginated, TAG_COLORS, type Tag, type TagColor, TagResponseSchema, TagSchema } from './schemas';
import { parseInput, type Transport } from './transport';

const TagPageSchema = paginated(TagSchema);

export interface TagsApi {
  /** Every tag of a select or multi-select property (by the property's id). */
  list(spaceId: string, propertyId: string): Promise<Tag[]>;
  /** Creates a tag; without a color, one is picked from the name so the same name always looks the same. */
  create(spaceId: string, propertyId: string, input: { name: string; color?: TagColor }): Promise<Tag>;
}

/** The spec requires a color; a stable pick from the name beats all-grey tags. */
export function colorForName(name: string): TagColor {
  let hash = 0;
  for (const ch of name.toLowerCase()) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return TAG_COLORS[hash % TAG_COLORS.length] ?? 'grey';
}

export function tagsApi(t: Transport): TagsApi {
  return {
    async list(spaceId, propertyId) {
      const params = { space_id: spaceId, property_id: propertyId };
      const path = '/v1/spaces/{space_id}/properties/{property_id}/tags' as const;
      // The spec gives this route no offset/limit; ask plainly first and page only if the server says there is more.
      const first = await t.request({ method: 'GET', path, params, schema: TagPageSchema });
      if (!first.pagination.has_more || first.data.length === 0) return first.data;
      const rest = await collectAll((offset, limit) =>
        t.request({ method: 'GET', path, params, query: { offset: offset + first.data.length, limit }, schema: TagPageSchema }),
      );
      return [...first.data, ...rest];
    },

    async create(spaceId, propertyId, input) {
      const { name, color } = parseInput(CreateTagInputSchema, input, 'tag');
      const res = await t.request({
        method: 'POST',
        path: '/v1/spaces/{space_id}/properties/{property_id}/tags',
        params: { space_id: spaceId, property_id: propertyId },
        body: { name, color: color ?? colorForName(name) },
        schema: TagResponseSchema,
      });
      return res.tag;
    },
  };
}
