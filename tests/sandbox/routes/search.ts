/** POST /v1/search (all spaces) and /v1/spaces/{space_id}/search. */
import { type Hit, type SearchBody, search } from '../search';
import { objectJson } from '../serialize';
import type { VSpace } from '../vault-model';
import { bodyOf, type HandlerContext, ok, paginate, param, type RouteTable } from './context';

function answer(ctx: HandlerContext, spaces: VSpace[]) {
  const hits: Hit[] = spaces.flatMap((space) => ctx.vault.liveObjects(space).map((obj) => ({ space, obj })));
  const found = search(hits, bodyOf(ctx) as SearchBody, spaces);
  return ok(paginate(found.map((h) => objectJson(h.space, h.obj, false)), ctx.page));
}

export const searchRoutes: RouteTable = {
  search_global: (ctx) => answer(ctx, ctx.vault.spaces),
  search_space: (ctx) => answer(ctx, [ctx.vault.space(param(ctx, 'space_id'))]),
};
