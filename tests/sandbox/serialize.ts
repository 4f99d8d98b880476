/** Vault records → the JSON shapes the spec declares (Space, Type, Property, Tag, Object). */
import { snippetOf } from './markdown';
import type { StoredValue } from './types';
import type { VObject, VProperty, VSpace, VTag, VType } from './vault-model';

type Json = Record<string, unknown>;

const GATEWAY_URL = 'http://127.0.0.1:31006';
const NETWORK_ID = 'N83gJpVd9MuNRZAuJLZ7LiMntTThhPc6DtzWWVjb1M3PouVU';

export function spaceJson(s: VSpace): Json {
  return {
    object: s.kind,
    id: s.id,
    name: s.name,
    description: s.description,
    icon: s.icon,
    gateway_url: GATEWAY_URL,
    network_id: NETWORK_ID,
  };
}

export function propertyJson(p: VProperty): Json {
  return { object: 'property', id: p.id, key: p.key, name: p.name, format: p.format };
}

export function tagJson(t: VTag): Json {
  return { object: 'tag', id: t.id, key: t.key, name: t.name, color: t.color };
}

export function typeJson(space: VSpace, t: VType): Json {
  const properties = t.propertyKeys
    .map((k) => space.properties.find((p) => p.key === k))
    .filter((p): p is VProperty => p !== undefined)
    .map(propertyJson);
  return {
    object: 'type',
    id: t.id,
    key: t.key,
    name: t.name,
    plural_name: t.plural_name,
    icon: t.icon,
    layout: t.layout,
    archived: t.archived,
    properties,
  };
}

function valueJson(space: VSpace, p: VProperty, value: StoredValue): unknown {
  switch (p.format) {
    case 'select': {
      const tag = space.tags.find((t) => t.id === value);
      return tag ? tagJson(tag) : undefined;
    }
    case 'multi_select':
      return (Array.isArray(value) ? value : [])
        .map((id) => space.tags.find((t) => t.id === id))
        .filter((t): t is VTag => t !== undefined)
        .map(tagJson);
    case 'files':
    case 'objects':
      return Array.isArray(value) ? value : [];
    default:
      return value;
  }
}

function propertyValues(space: VSpace, o: VObject): Json[] {
  const values: Record<string, StoredValue> = {
    ...o.properties,
    created_date: new Date(o.createdAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    last_modified_date: new Date(o.modifiedAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  const out: Json[] = [];
  for (const [key, value] of Object.entries(values)) {
    const p = space.properties.find((x) => x.key === key);
    if (!p || value === null) continue;
    const v = valueJson(space, p, value);
    if (v === undefined) continue;
    out.push({ ...propertyJson(p), [p.format]: v });
  }
  return out;
}

export function objectJson(space: VSpace, o: VObject, withBody: boolean): Json {
  const type = space.types.find((t) => t.key === o.typeKey);
  const json: Json = {
    object: 'object',
    id: o.id,
    name: o.name,
    archived: o.archived,
    space_id: o.spaceId,
    snippet: snippetOf(o.markdown),
    layout: type?.layout ?? 'basic',
    type: type ? typeJson(space, type) : null,
    properties: propertyValues(space, o),
  };
  // The server leaves `icon` out rather than sending null (a null icon fails the spec's own schema).
  if (o.icon) json.icon = o.icon;
  if (withBody) json.markdown = o.markdown;
  return json;
}
