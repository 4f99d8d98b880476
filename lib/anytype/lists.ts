import { AnytypeError } from './errors';
import { checkId } from './ids';
import { AddToListResponseSchema } from './schemas';
import type { Transport } from './transport';

export interface ListsApi {
  /** Adds objects to a collection (by the collection's object id). */
  addObjects(spaceId: string, listId: string, objectIds: string[]): Promise<void>;
}

export function listsApi(t: Transport): ListsApi {
  return {
    async addObjects(spaceId, listId, objectIds) {
      if (!Array.isArray(objectIds) || objectIds.length === 0) {
        throw new AnytypeError('bad_request', { serverMessage: 'no objects to add' });
      }
      const objects = objectIds.map((id) => checkId(id, 'object id'));
      await t.request({
        method: 'POST',
        path: '/v1/spaces/{space_id}/lists/{list_id}/objects',
        params: { space_id: spaceId, list_id: listId },
        body: { objects },
        schema: AddToListResponseSchema,
      });
    },
  };
}
