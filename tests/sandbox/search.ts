/**
 * Search as the spec's SearchRequest defines it: `query` on name and snippet, `types`, a recursive
 * `filters` expression of format-specific conditions, and `sort`. "source equals URL" is
 * {filters:{operator:'and',conditions:[{property_key:'source',condition:'eq',url:'https://…'}]}}.
 */
import { badRequest } from './errors';
import { snippetOf } from './markdown';
import type { StoredValue } from './types';
import type { PropertyFormat, VObject, VSpace } from './vault-model';

export interface SearchBody {
  query?: string;
  types?: string[];
  filters?: FilterExpression;
  sort?: { property_key?: string; direction?: 'asc' | 'desc' };
}

interface FilterExpression {
  operator?: 'and' | 'or';
  conditions?: Record<string, unknown>[];
  filters?: FilterExpression[];
}

export type Hit = { space: VSpace; obj: VObject };
type Predicate = (hit: Hit) => boolean;

const VALUE_FIELDS = ['text', 'number', 'select', 'multi_select', 'date', 'files', 'checkbox', 'url', 'email', 'phone', 'objects'];
const STRING_FORMATS: PropertyFormat[] = ['text', 'url', 'email', 'phone'];
const LIST_FORMATS: PropertyFormat[] = ['multi_select', 'files', 'objects'];
const CONDITIONS: Record<string, string[]> = {
  string: ['eq', 'ne', 'contains', 'ncontains', 'in', 'nin', 'empty', 'nempty'],
  number: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'empty', 'nempty'],
  date: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'empty', 'nempty'],
  checkbox: ['eq', 'ne'],
  select: ['eq', 'ne', 'in', 'nin', 'empty', 'nempty'],
  list: ['eq', 'ne', 'in', 'nin', 'all', 'contains', 'ncontains', 'empty', 'nempty'],
};

function group(format: PropertyFormat): string {
  if (STRING_FORMATS.includes(format)) return 'string';
  if (LIST_FORMATS.includes(format)) return 'list';
  return format;
}

/** The format a key has in the searched spaces; `name` is the object's own title. */
function formatOf(key: string, spaces: VSpace[]): PropertyFormat {
  if (key === 'name') return 'text';
  const p = spaces.flatMap((s) => s.properties).find((x) => x.key === key);
  if (!p) throw badRequest(`unknown property key in filter: "${key}"`);
  return p.format;
}

function fieldValue(hit: Hit, key: string): StoredValue | undefined {
  if (key === 'name') return hit.obj.name;
  if (key === 'created_date') return new Date(hit.obj.createdAt).toISOString();
  if (key === 'last_modified_date') return new Date(hit.obj.modifiedAt).toISOString();
  return hit.obj.properties[key];
}

function isEmpty(v: StoredValue | undefined): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Tag filters may name a tag by id or key; the vault stores ids. */
function tagIds(hit: Hit, refs: string[]): string[] {
  return refs.map((r) => hit.space.tags.find((t) => t.key === r)?.id ?? r);
}

function compare(a: number, b: number, condition: string): boolean {
  const table: Record<string, boolean> = { eq: a === b, ne: a !== b, gt: a > b, gte: a >= b, lt: a < b, lte: a <= b };
  return table[condition] ?? false;
}

function conditionPredicate(item: Record<string, unknown>, spaces: VSpace[]): Predicate {
  const key = item.property_key;
  const condition = item.condition;
  if (typeof key !== 'string' || typeof condition !== 'string') {
    throw badRequest('each filter condition needs property_key and condition');
  }
  const format = formatOf(key, spaces);
  const kind = group(format);
  if (!CONDITIONS[kind]?.includes(condition)) throw badRequest(`condition "${condition}" does not apply to ${format} property "${key}"`);
  if (condition === 'empty') return (hit) => isEmpty(fieldValue(hit, key));
  if (condition === 'nempty') return (hit) => !isEmpty(fieldValue(hit, key));
  const fields = VALUE_FIELDS.filter((f) => f in item);
  if (fields.length !== 1 || fields[0] !== format) {
    throw badRequest(`filter on "${key}" (${format}) needs {"property_key":"${key}","condition":"${condition}","${format}":…}`);
  }
  const wanted = item[format];
  switch (kind) {
    case 'string': {
      const w = String(wanted).toLowerCase();
      return (hit) => {
        const v = fieldValue(hit, key);
        const s = typeof v === 'string' ? v : '';
        if (condition === 'eq' || condition === 'in') return s === wanted;
        if (condition === 'ne' || condition === 'nin') return s !== wanted;
        const has = s.toLowerCase().includes(w);
        return condition === 'contains' ? has : !has;
      };
    }
    case 'number':
      return (hit) => {
        const v = fieldValue(hit, key);
        return typeof v === 'number' && compare(v, Number(wanted), condition);
      };
    case 'date': {
      const dayOnly = typeof wanted === 'string' && wanted.length === 10;
      const toNum = (s: string) => (dayOnly ? Date.parse(s.slice(0, 10)) : Date.parse(s));
      return (hit) => {
        const v = fieldValue(hit, key);
        return typeof v === 'string' && compare(toNum(v), toNum(String(wanted)), condition);
      };
    }
    case 'checkbox':
      return (hit) => (fieldValue(hit, key) === true) === (condition === 'eq' ? wanted === true : wanted !== true);
    case 'select':
      return (hit) => {
        const [id] = tagIds(hit, [String(wanted)]);
        const hitV = fieldValue(hit, key);
        return condition === 'eq' || condition === 'in' ? hitV === id : hitV !== id;
      };
    default: {
      const refs = Array.isArray(wanted) ? wanted.map(String) : [String(wanted)];
      return (hit) => {
        const v = fieldValue(hit, key);
        const have = Array.isArray(v) ? v : [];
        const want = format === 'multi_select' ? tagIds(hit, refs) : refs;
        const any = want.some((w) => have.includes(w));
        const all = want.every((w) => have.includes(w));
        if (condition === 'all') return all;
        if (condition === 'in' || condition === 'contains') return any;
        if (condition === 'nin' || condition === 'ncontains') return !any;
        const same = all && have.length === want.length;
        return condition === 'eq' ? same : !same;
      };
    }
  }
}

function expressionPredicate(expr: FilterExpression, spaces: VSpace[]): Predicate {
  const parts: Predicate[] = [
    ...(expr.conditions ?? []).map((c) => conditionPredicate(c, spaces)),
    ...(expr.filters ?? []).map((f) => expressionPredicate(f, spaces)),
  ];
  if (parts.length === 0) return () => true;
  return expr.operator === 'or' ? (hit) => parts.some((p) => p(hit)) : (hit) => parts.every((p) => p(hit));
}

function sortKey(hit: Hit, key: string): number | string {
  if (key === 'name') return hit.obj.name.toLowerCase();
  if (key === 'created_date') return hit.obj.createdAt;
  return hit.obj.modifiedAt;
}

export function search(hits: Hit[], body: SearchBody, spaces: VSpace[]): Hit[] {
  const filter = body.filters ? expressionPredicate(body.filters, spaces) : () => true;
  const query = (body.query ?? '').trim().toLowerCase();
  const types = body.types ?? [];
  const key = body.sort?.property_key ?? 'last_modified_date';
  const dir = body.sort?.direction === 'asc' ? 1 : -1;
  return hits
    .filter(({ space, obj }) => {
      if (types.length > 0) {
        const type = space.types.find((t) => t.key === obj.typeKey);
        if (!types.includes(obj.typeKey) && !(type && types.includes(type.id))) return false;
      }
      if (query && !obj.name.toLowerCase().includes(query) && !snippetOf(obj.markdown).toLowerCase().includes(query)) {
        return false;
      }
      return true;
    })
    .filter(filter)
    .sort((a, b) => {
      const ka = sortKey(a, key);
      const kb = sortKey(b, key);
      return ka < kb ? -dir : ka > kb ? dir : 0;
    });
}

