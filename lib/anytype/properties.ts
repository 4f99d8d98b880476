import { collectAll } from './pagination';
import { paginated, type Property, PropertySchema } from './schemas';
import type { Transport } from './transport';

const PropertyPageSchema = paginated(PropertySchema);

export interface PropertiesApi {
  /** Every property in the space. Objects are written with a property's `key`; tags use its `id`. */
  list(spaceId: string): Promise<Property[]>;
}

export function propertiesApi(t: Transport): PropertiesApi {
  return {
    list: (spaceId) =>
      collectAll((offset, limit) =>
        t.request({
          method: 'GET',
          path: '/v1/spaces/{space_id}/properties',
          params: { space_id: spaceId },
          query: { offset, limit },
          schema: PropertyPageSchema,
        }),
      ),
  };
}
