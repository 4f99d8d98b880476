/** Collections: add objects (answers a bare JSON string), views, objects in a view. */
import { badRequest, notFound } from '../errors';
import { objectJson } from '../serialize';
import type { VObject, VSpace } from '../vault-model';
import { bodyOf, type HandlerContext, ok, paginate, param, type RouteTable } from './context';

function listOf(ctx: HandlerContext): { space: VSpace; list: VObject } {
  const space = ctx.vault.space(param(ctx, 'space_id'));
  const list = space.objects.get(param(ctx, 'list_id'));
  if (!list || list.archived || (list.typeKey !== 'collection' && list.typeKey !== 'set')) {
    throw notFound(`list "${param(ctx, 'list_id')}" not found`);
  }
  return { space, list };
}

export const listRoutes: RouteTable = {
  add_list_objects: (ctx) => {
    const ids = bodyOf(ctx).objects;
    if (!Array.isArray(ids) || ids.length === 0) throw badRequest('objects must list at least one object id');
    const space = ctx.vault.space(param(ctx, 'space_id'));
    ctx.vault.addToList(space, param(ctx, 'list_id'), ids as string[]);
    return ok('Objects added successfully');
  },
  get_list_views: (ctx) => {
    const { space } = listOf(ctx);
    const view = { id: space.viewId, name: 'All', layout: 'grid', filters: [], sorts: [] };
    return ok(paginate([view], ctx.page));
  },
  get_list_objects: (ctx) => {
    const { space, list } = listOf(ctx);
    if (param(ctx, 'view_id') !== space.viewId) throw notFound(`view "${param(ctx, 'view_id')}" not found`);
    const members = list.listItems
      .map((id) => space.objects.get(id))
      .filter((o): o is VObject => o !== undefined && !o.archived);
    return ok(paginate(members.map((o) => objectJson(space, o, false)), ctx.page));
  },
};
