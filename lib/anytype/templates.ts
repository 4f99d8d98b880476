import { collectAll } from './pagination';
import { ObjectSchema, paginated, type Template } from './schemas';
import type { Transport } from './transport';

const TemplatePageSchema = paginated(ObjectSchema);

export interface TemplatesApi {
  /** Templates of a type; takes the type's id (not its key). */
  list(spaceId: string, typeId: string): Promise<Template[]>;
}

export function templatesApi(t: Transport): TemplatesApi {
  return {
    list: (spaceId, typeId) =>
      collectAll((offset, limit) =>
        t.request({
          method: 'GET',
          path: '/v1/spaces/{space_id}/types/{type_id}/templates',
          params: { space_id: spaceId, type_id: typeId },
          query: { offset, limit },
          schema: TemplatePageSchema,
        }),
      ),
  };
}
