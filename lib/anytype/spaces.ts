import { collectAll } from './pagination';
import { paginated, type Space, SpaceResponseSchema, SpaceSchema } from './schemas';
import type { Transport } from './transport';

const SpacePageSchema = paginated(SpaceSchema);

export interface SpacesApi {
  /** Every space, chat spaces included (check `isChat` to hide them). */
  list(): Promise<Space[]>;
  get(spaceId: string): Promise<Space>;
}

export function spacesApi(t: Transport): SpacesApi {
  return {
    list: () =>
      collectAll((offset, limit) =>
        t.request({ method: 'GET', path: '/v1/spaces', query: { offset, limit }, schema: SpacePageSchema }),
      ),
    get: async (spaceId) =>
      (await t.request({ method: 'GET', path: '/v1/spaces/{space_id}', params: { space_id: spaceId }, schema: SpaceResponseSchema }))
        .space,
  };
}
