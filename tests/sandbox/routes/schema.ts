/** Types, templates, properties and tags of a space. */
import { notFound } from '../errors';
import { objectJson, propertyJson, tagJson, typeJson } from '../serialize';
import type { VSpace } from '../vault-model';
import { bodyOf, type HandlerContext, ok, paginate, param, type RouteTable } from './context';

function spaceOf(ctx: HandlerContext): VSpace {
  return ctx.vault.space(param(ctx, 'space_id'));
}

function typeOf(ctx: HandlerContext, space: VSpace) {
  const t = space.types.find((x) => x.id === param(ctx, 'type_id'));
  if (!t) throw notFound(`type "${param(ctx, 'type_id')}" not found`);
  return t;
}

function propertyOf(ctx: HandlerContext, space: VSpace) {
  const p = space.properties.find((x) => x.id === param(ctx, 'property_id'));
  if (!p) throw notFound(`property "${param(ctx, 'property_id')}" not found`);
  return p;
}

export const schemaRoutes: RouteTable = {
  list_types: (ctx) => {
    const s = spaceOf(ctx);
    return ok(paginate(s.types.filter((t) => !t.archived).map((t) => typeJson(s, t)), ctx.page));
  },
  get_type: (ctx) => {
    const s = spaceOf(ctx);
    return ok({ type: typeJson(s, typeOf(ctx, s)) });
  },
  list_templates: (ctx) => {
    const s = spaceOf(ctx);
    const t = typeOf(ctx, s);
    const templates = ctx.vault.liveObjects(s, true).filter((o) => o.typeKey === t.key);
    return ok(paginate(templates.map((o) => objectJson(s, o, false)), ctx.page));
  },
  get_template: (ctx) => {
    const s = spaceOf(ctx);
    const t = typeOf(ctx, s);
    const o = s.objects.get(param(ctx, 'template_id'));
    if (!o?.isTemplate || o.typeKey !== t.key) throw notFound(`template "${param(ctx, 'template_id')}" not found`);
    return ok({ template: objectJson(s, o, true) });
  },
  list_properties: (ctx) => ok(paginate(spaceOf(ctx).properties.map(propertyJson), ctx.page)),
  get_property: (ctx) => {
    const s = spaceOf(ctx);
    return ok({ property: propertyJson(propertyOf(ctx, s)) });
  },
  list_tags: (ctx) => {
    const s = spaceOf(ctx);
    const p = propertyOf(ctx, s);
    return ok(paginate(s.tags.filter((t) => t.propertyKey === p.key).map(tagJson), ctx.page));
  },
  get_tag: (ctx) => {
    const s = spaceOf(ctx);
    const p = propertyOf(ctx, s);
    const tag = s.tags.find((t) => t.id === param(ctx, 'tag_id') && t.propertyKey === p.key);
    if (!tag) throw notFound(`tag "${param(ctx, 'tag_id')}" not found`);
    return ok({ tag: tagJson(tag) });
  },
  create_tag: (ctx) => {
    const s = spaceOf(ctx);
    const b = bodyOf(ctx);
    const tag = ctx.vault.createTag(s, param(ctx, 'property_id'), {
      name: String(b.name),
      color: String(b.color),
      key: typeof b.key === 'string' ? b.key : undefined,
    });
    return ok({ tag: tagJson(tag) }, 201);
  },
};
