import { collectAll } from './pagination';
import { type ObjectType, ObjectTypeSchema, paginated } from './schemas';
import type { Transport } from './transport';

const TypePageSchema = paginated(ObjectTypeSchema);

export interface TypesApi {
  /** Every type in the space. Create objects with a type's `key`; templates take its `id`. */
  list(spaceId: string): Promise<ObjectType[]>;
}

export function typesApi(t: Transport): TypesApi {
  return {
    list: (spaceId) =>
      collectAll((offset, limit) =>
        t.request({
          method: 'GET',
          path: '/v1/spaces/{space_id}/types',
          params: { space_id: spaceId },
          query: { offset, limit },
          schema: TypePageSchema,
        }),
      ),
  };
}
