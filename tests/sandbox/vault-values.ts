/** Checks `properties: [{key, <format>: value}]` from a create/update against the space, like the server. */
import { badRequest } from './errors';
import type { StoredValue } from './types';
import type { PropertyFormat, VProperty, VSpace } from './vault-model';

const VALUE_FIELDS: PropertyFormat[] = [
  'text',
  'number',
  'select',
  'multi_select',
  'date',
  'files',
  'checkbox',
  'url',
  'email',
  'phone',
  'objects',
];

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/;

function tagIdFor(space: VSpace, p: VProperty, ref: unknown): string {
  const tag =
    typeof ref === 'string'
      ? space.tags.find((t) => t.propertyKey === p.key && (t.id === ref || t.key === ref))
      : undefined;
  if (!tag) throw badRequest(`tag "${String(ref)}" does not exist for property "${p.key}"; create it first`);
  return tag.id;
}

function stringList(p: VProperty, value: unknown): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw badRequest(`property "${p.key}" needs an array of strings`);
  }
  return value as string[];
}

function convert(space: VSpace, p: VProperty, value: unknown): StoredValue {
  switch (p.format) {
    case 'text':
    case 'url':
    case 'email':
    case 'phone':
      if (typeof value !== 'string') throw badRequest(`property "${p.key}" needs a string`);
      return value;
    case 'number':
      if (typeof value !== 'number') throw badRequest(`property "${p.key}" needs a number`);
      return value;
    case 'checkbox':
      if (typeof value !== 'boolean') throw badRequest(`property "${p.key}" needs a boolean`);
      return value;
    case 'date':
      if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value))) {
        throw badRequest(`property "${p.key}" needs an RFC 3339 date or YYYY-MM-DD`);
      }
      return value;
    case 'select':
      return tagIdFor(space, p, value);
    case 'multi_select':
      return stringList(p, value).map((ref) => tagIdFor(space, p, ref));
    case 'files':
    case 'objects':
      return stringList(p, value);
  }
}

export function resolveProperties(space: VSpace, items: unknown): Record<string, StoredValue> {
  const out: Record<string, StoredValue> = {};
  if (items === undefined) return out;
  if (!Array.isArray(items)) throw badRequest('properties must be an array');
  for (const item of items as Record<string, unknown>[]) {
    const key = item?.key;
    const p = space.properties.find((x) => x.key === key);
    if (!p) throw badRequest(`unknown property key: "${String(key)}"`);
    if (p.readOnly) throw badRequest(`property "${p.key}" is read-only`);
    const given = VALUE_FIELDS.filter((f) => f in item);
    if (given.length !== 1 || given[0] !== p.format) {
      throw badRequest(`property "${p.key}" has format ${p.format}; send {"key":"${p.key}","${p.format}":…}`);
    }
    out[p.key] = convert(space, p, item[p.format]);
  }
  return out;
}
