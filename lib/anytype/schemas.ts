/**
 * Valibot schemas for the responses the client parses, written from openapi-2025-11-08.yaml.
 * Response schemas are lenient where real servers drift (older Desktop builds, new enum values):
 * only ids are required, unknown fields are dropped, enums that grow are read as plain strings.
 * Request (input) schemas, at the end, are strict: they are what this extension sends.
 */
import * as v from 'valibot';
import { GrantWireSchema } from './grants';

const str = v.optional(v.string());
/** Missing or null reads as '' / [], so callers get a plain value. */
const strDefault = v.optional(v.union([v.string(), v.pipe(v.null(), v.transform(() => ''))]), '');
function listOf<TItem extends v.GenericSchema>(item: TItem) {
  const empty = (): v.InferOutput<TItem>[] => [];
  return v.optional(v.union([v.array(item), v.pipe(v.null(), v.transform(empty))]), empty);
}
const strList = v.optional(v.nullable(v.array(v.string())));

export const TAG_COLORS = [
  'grey',
  'yellow',
  'orange',
  'red',
  'pink',
  'purple',
  'blue',
  'ice',
  'teal',
  'lime',
] as const;
export type TagColor = (typeof TAG_COLORS)[number];

/** EmojiIcon | FileIcon | NamedIcon, read as one flat object so an unknown format still parses. */
export const IconSchema = v.nullish(
  v.object({ format: str, emoji: str, file: str, name: str, color: str }),
);
export type Icon = v.InferOutput<typeof IconSchema>;

export const PaginationSchema = v.object({
  total: v.optional(v.number()),
  offset: v.optional(v.number(), 0),
  limit: v.optional(v.number()),
  has_more: v.optional(v.boolean(), false),
});

export const ErrorBodySchema = v.object({
  object: str,
  status: v.optional(v.number()),
  code: str,
  message: str,
  // The limit validator answers `{"error": "..."}` instead of the usual shape.
  error: str,
});

/**
 * Space `object` is `anytype.space` / `anytype.chatspace` (also `anytype.onetoone`, a direct-message
 * chat) on new builds; builds before Desktop 0.55 said `space` / `chat`.
 */
const CHAT_SPACE_OBJECTS = new Set(['anytype.chatspace', 'anytype.onetoone', 'chat', 'chatspace']);

export const SpaceSchema = v.pipe(
  v.object({
    id: v.string(),
    name: strDefault,
    object: v.optional(v.string(), 'space'),
    description: str,
    icon: IconSchema,
    gateway_url: str,
    network_id: str,
  }),
  v.transform((space) => ({ ...space, isChat: CHAT_SPACE_OBJECTS.has(space.object) })),
);
export type Space = v.InferOutput<typeof SpaceSchema>;

export const TagSchema = v.object({
  id: v.string(),
  key: str,
  name: strDefault,
  // The spec's Color enum; read as a string so a new color does not break parsing.
  color: str,
  object: str,
});
export type Tag = v.InferOutput<typeof TagSchema>;

export const PropertySchema = v.object({
  id: v.string(),
  key: v.optional(v.string(), ''),
  name: strDefault,
  // text | number | select | multi_select | date | files | checkbox | url | email | phone | objects
  format: v.optional(v.string(), ''),
  object: str,
});
export type Property = v.InferOutput<typeof PropertySchema>;

/**
 * PropertyWithValue is a oneOf keyed by `format`; read as one object where the value field that
 * matches `format` is set. Values can be null on real servers for empty properties.
 */
export const PropertyValueSchema = v.object({
  id: str,
  key: v.optional(v.string(), ''),
  name: str,
  format: v.optional(v.string(), ''),
  object: str,
  text: v.nullish(v.string()),
  number: v.nullish(v.number()),
  select: v.nullish(TagSchema),
  multi_select: v.nullish(v.array(TagSchema)),
  date: v.nullish(v.string()),
  files: strList,
  checkbox: v.nullish(v.boolean()),
  url: v.nullish(v.string()),
  email: v.nullish(v.string()),
  phone: v.nullish(v.string()),
  objects: strList,
});
export type PropertyValue = v.InferOutput<typeof PropertyValueSchema>;

export const ObjectTypeSchema = v.object({
  id: v.string(),
  key: v.optional(v.string(), ''),
  name: strDefault,
  plural_name: str,
  // basic | profile | action | note | bookmark | set | collection | participant | chat …
  layout: str,
  archived: v.optional(v.boolean()),
  icon: IconSchema,
  object: str,
  properties: listOf(PropertySchema),
});
export type ObjectType = v.InferOutput<typeof ObjectTypeSchema>;

/** Object and ObjectWithBody in one: `markdown` is only present on get/create/update answers. */
export const ObjectSchema = v.object({
  id: v.string(),
  name: strDefault,
  space_id: str,
  object: str,
  layout: str,
  archived: v.optional(v.boolean()),
  snippet: str,
  markdown: str,
  icon: IconSchema,
  // Null when the type was deleted.
  type: v.nullish(ObjectTypeSchema),
  properties: listOf(PropertyValueSchema),
});
export type AnyObject = v.InferOutput<typeof ObjectSchema>;
/** Templates are objects of the template type. */
export type Template = AnyObject;

export function paginated<TItem extends v.GenericSchema>(item: TItem) {
  return v.object({
    data: listOf(item),
    pagination: v.optional(PaginationSchema, { offset: 0, has_more: false }),
  });
}

export interface Page<T> {
  data: T[];
  pagination: { total?: number; offset: number; limit?: number; has_more: boolean };
}

export const SpaceResponseSchema = v.object({ space: SpaceSchema });
export const ObjectResponseSchema = v.object({ object: ObjectSchema });
export const TagResponseSchema = v.object({ tag: TagSchema });
export const ChallengeResponseSchema = v.object({ challenge_id: v.pipe(v.string(), v.minLength(1)) });
/**
 * Builds of 2026 add `grant` (null when the build does not say); one that this client cannot read
 * counts as unknown rather than failing a pairing that did succeed.
 */
export const ApiKeyResponseSchema = v.object({
  api_key: v.pipe(v.string(), v.minLength(1)),
  grant: v.fallback(v.optional(v.nullable(GrantWireSchema)), null),
});
/** Adding objects to a list answers a bare JSON string (a confirmation message). */
export const AddToListResponseSchema = v.string();

// ---------------------------------------------------------------------------------------------
// Inputs. Strict: a mistake here is ours, and the server answers unknown keys with a 400.

const nonEmpty = v.pipe(v.string(), v.minLength(1));
const key = v.pipe(v.string(), v.minLength(1), v.maxLength(256));

/** PropertyLinkWithValue: one value field per property format; select values are tag ids or keys. */
export const PropertyInputSchema = v.union([
  v.strictObject({ key, text: v.string() }),
  v.strictObject({ key, number: v.number() }),
  v.strictObject({ key, select: nonEmpty }),
  v.strictObject({ key, multi_select: v.array(nonEmpty) }),
  v.strictObject({ key, date: nonEmpty }),
  v.strictObject({ key, files: v.array(nonEmpty) }),
  v.strictObject({ key, checkbox: v.boolean() }),
  v.strictObject({ key, url: v.string() }),
  v.strictObject({ key, email: v.string() }),
  v.strictObject({ key, phone: v.string() }),
  v.strictObject({ key, objects: v.array(nonEmpty) }),
]);
export type PropertyInput = v.InferOutput<typeof PropertyInputSchema>;

/** An icon to set. Never null: `icon: null` is a 400, so "no icon" means leaving the field out. */
export const IconInputSchema = v.union([
  v.strictObject({ format: v.literal('emoji'), emoji: nonEmpty }),
  v.strictObject({ format: v.literal('file'), file: nonEmpty }),
  v.strictObject({ format: v.literal('icon'), name: nonEmpty, color: v.optional(v.picklist(TAG_COLORS)) }),
]);
export type IconInput = v.InferOutput<typeof IconInputSchema>;

export const CreateObjectInputSchema = v.strictObject({
  type_key: key,
  name: v.optional(v.string()),
  /** Markdown. */
  body: v.optional(v.string()),
  /** null means no icon: the field is then left out, since `icon: null` is a 400. */
  icon: v.nullish(IconInputSchema),
  properties: v.optional(v.array(PropertyInputSchema)),
  template_id: v.optional(nonEmpty),
});
export type CreateObjectInput = v.InferInput<typeof CreateObjectInputSchema>;

export const UpdateObjectInputSchema = v.strictObject({
  name: v.optional(v.string()),
  /** Replaces the whole body. */
  markdown: v.optional(v.string()),
  /** null means no icon: the field is then left out, since `icon: null` is a 400. */
  icon: v.nullish(IconInputSchema),
  properties: v.optional(v.array(PropertyInputSchema)),
  type_key: v.optional(key),
});
export type UpdateObjectInput = v.InferInput<typeof UpdateObjectInputSchema>;

export const CreateTagInputSchema = v.strictObject({
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(1000)),
  color: v.optional(v.picklist(TAG_COLORS)),
});
export type CreateTagInput = v.InferInput<typeof CreateTagInputSchema>;

export const FILTER_CONDITIONS = [
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'ncontains',
  'in',
  'nin',
  'all',
  'empty',
  'nempty',
] as const;
export type FilterCondition = (typeof FILTER_CONDITIONS)[number];

const condition = v.picklist(FILTER_CONDITIONS);
const propertyKey = key;

/** FilterItem: one value field per property format, or none for `empty`/`nempty`. */
export const FilterItemSchema = v.union([
  v.strictObject({ property_key: propertyKey, condition, text: v.string() }),
  v.strictObject({ property_key: propertyKey, condition, number: v.number() }),
  v.strictObject({ property_key: propertyKey, condition, select: nonEmpty }),
  v.strictObject({ property_key: propertyKey, condition, multi_select: v.array(nonEmpty) }),
  v.strictObject({ property_key: propertyKey, condition, date: nonEmpty }),
  v.strictObject({ property_key: propertyKey, condition, checkbox: v.boolean() }),
  v.strictObject({ property_key: propertyKey, condition, files: v.array(nonEmpty) }),
  v.strictObject({ property_key: propertyKey, condition, url: v.string() }),
  v.strictObject({ property_key: propertyKey, condition, email: v.string() }),
  v.strictObject({ property_key: propertyKey, condition, phone: v.string() }),
  v.strictObject({ property_key: propertyKey, condition, objects: v.array(nonEmpty) }),
  v.strictObject({ property_key: propertyKey, condition: v.picklist(['empty', 'nempty']) }),
]);
export type FilterItem = v.InferOutput<typeof FilterItemSchema>;

/** FilterExpression: `conditions` and nested `filters`, combined with `operator` (and by default). */
export interface FilterExpression {
  operator?: 'and' | 'or';
  conditions?: FilterItem[];
  filters?: FilterExpression[];
}
export const FilterExpressionSchema: v.GenericSchema<FilterExpression> = v.strictObject({
  operator: v.optional(v.picklist(['and', 'or'])),
  conditions: v.optional(v.array(FilterItemSchema)),
  filters: v.optional(v.array(v.lazy(() => FilterExpressionSchema))),
});

export const SearchInputSchema = v.strictObject({
  /** Matches names and snippets only. */
  query: v.optional(v.string()),
  /** Type keys; file-layout types are left out unless listed. */
  types: v.optional(v.array(key)),
  filters: v.optional(FilterExpressionSchema),
  sort: v.optional(
    v.strictObject({
      property_key: v.optional(v.picklist(['created_date', 'last_modified_date', 'last_opened_date', 'name'])),
      direction: v.optional(v.picklist(['asc', 'desc'])),
    }),
  ),
});
export type SearchInput = v.InferInput<typeof SearchInputSchema>;
