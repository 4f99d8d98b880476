import { checkId } from './ids';
import {
  type AnyObject,
  type CreateObjectInput,
  CreateObjectInputSchema,
  ObjectResponseSchema,
  type UpdateObjectInput,
  UpdateObjectInputSchema,
} from './schemas';
import { parseInput, type Transport } from './transport';

export interface ObjectsApi {
  /**
   * Creates an object. Takes the type's key. A 500 here may come after the object was made
   * (`mayHaveApplied`): look for it before sending again.
   */
  create(spaceId: string, input: CreateObjectInput): Promise<AnyObject>;
  get(spaceId: string, objectId: string): Promise<AnyObject>;
  /** `markdown` replaces the whole body. */
  update(spaceId: string, objectId: string, input: UpdateObjectInput): Promise<AnyObject>;
}

/** Drops undefined and null fields: the server answers `icon: null` with a 400. */
function compact<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== null)) as Partial<T>;
}

export function objectsApi(t: Transport): ObjectsApi {
  return {
    async create(spaceId, input) {
      const body = compact(parseInput(CreateObjectInputSchema, input, 'object'));
      if (body.template_id !== undefined) checkId(body.template_id, 'template_id');
      const res = await t.request({
        method: 'POST',
        path: '/v1/spaces/{space_id}/objects',
        params: { space_id: spaceId },
        body,
        schema: ObjectResponseSchema,
      });
      return res.object;
    },

    async get(spaceId, objectId) {
      const res = await t.request({
        method: 'GET',
        path: '/v1/spaces/{space_id}/objects/{object_id}',
        params: { space_id: spaceId, object_id: objectId },
        schema: ObjectResponseSchema,
      });
      return res.object;
    },

    async update(spaceId, objectId, input) {
      const body = compact(parseInput(UpdateObjectInputSchema, input, 'object update'));
      const res = await t.request({
        method: 'PATCH',
        path: '/v1/spaces/{space_id}/objects/{object_id}',
        params: { space_id: spaceId, object_id: objectId },
        body,
        schema: ObjectResponseSchema,
      });
      return res.object;
    },
  };
}
