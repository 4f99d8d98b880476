/** Objects of a space: list, create, get, update (markdown replaces the body), delete (archive). */
import { ApiError } from '../errors';
import { objectJson } from '../serialize';
import type { CreateObjectInput, UpdateObjectInput } from '../vault';
import { bodyOf, ok, paginate, param, type RouteTable } from './context';

export const objectRoutes: RouteTable = {
  list_objects: (ctx) => {
    const s = ctx.vault.space(param(ctx, 'space_id'));
    // One of the dynamic filters the spec describes: ?type=<type key>.
    const type = ctx.query.type;
    const objects = ctx.vault
      .liveObjects(s)
      .filter((o) => type === undefined || o.typeKey === type)
      .sort((a, b) => b.modifiedAt - a.modifiedAt);
    return ok(paginate(objects.map((o) => objectJson(s, o, false)), ctx.page));
  },
  create_object: (ctx) => {
    const s = ctx.vault.space(param(ctx, 'space_id'));
    if (ctx.faults.rejectCreates > 0) {
      ctx.faults.rejectCreates--;
      throw new ApiError(400, 'invalid object: the body could not be read', { clientFault: true });
    }
    const obj = ctx.vault.createObject(s, bodyOf(ctx) as unknown as CreateObjectInput);
    if (ctx.faults.failAfterCreate > 0) {
      // Desktop makes the object, then fails while pasting the body: the object exists anyway.
      ctx.faults.failAfterCreate--;
      throw new ApiError(500, 'failed to paste markdown into object', { clientFault: false });
    }
    if (ctx.faults.dropAfterCreate > 0) {
      ctx.faults.dropAfterCreate--;
      return { ...ok({ object: objectJson(s, obj, true) }, 201), drop: ctx.faults.dropPoint };
    }
    return ok({ object: objectJson(s, obj, true) }, 201);
  },
  get_object: (ctx) => {
    const s = ctx.vault.space(param(ctx, 'space_id'));
    return ok({ object: objectJson(s, ctx.vault.object(s, param(ctx, 'object_id')), true) });
  },
  update_object: (ctx) => {
    const s = ctx.vault.space(param(ctx, 'space_id'));
    const obj = ctx.vault.updateObject(s, param(ctx, 'object_id'), bodyOf(ctx) as UpdateObjectInput);
    return ok({ object: objectJson(s, obj, true) });
  },
  delete_object: (ctx) => {
    const s = ctx.vault.space(param(ctx, 'space_id'));
    return ok({ object: objectJson(s, ctx.vault.deleteObject(s, param(ctx, 'object_id')), true) });
  },
};
