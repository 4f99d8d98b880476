/** Spaces: list and get. */
import { spaceJson } from '../serialize';
import { ok, paginate, param, type RouteTable } from './context';

export const spaceRoutes: RouteTable = {
  list_spaces: (ctx) => ok(paginate(ctx.vault.spaces.map(spaceJson), ctx.page)),
  get_space: (ctx) => ok({ space: spaceJson(ctx.vault.space(param(ctx, 'space_id'))) }),
};
