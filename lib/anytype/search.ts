import { checkPage } from './pagination';
import { type AnyObject, type FilterExpression, ObjectSchema, type Page, paginated, type SearchInput, SearchInputSchema } from './schemas';
import { parseInput, type Transport } from './transport';

const ObjectPageSchema = paginated(ObjectSchema);

export interface PageRequest {
  offset?: number;
  /** 1 to 1000; default 100. */
  limit?: number;
}

export interface SearchApi {
  /** One page of matches across every space. */
  global(input: SearchInput, page?: PageRequest): Promise<Page<AnyObject>>;
  /** One page of matches in one space. */
  inSpace(spaceId: string, input: SearchInput, page?: PageRequest): Promise<Page<AnyObject>>;
}

/**
 * A filter for "objects whose url property `propertyKey` equals `url`", e.g.
 * `search.inSpace(spaceId, { filters: urlEquals('source', pageUrl) })`.
 */
export function urlEquals(propertyKey: string, url: string): FilterExpression {
  return { operator: 'and', conditions: [{ property_key: propertyKey, condition: 'eq', url }] };
}

/** Objects clipped from `url`: the bookmark `source` property holds the page address. */
export function bySourceUrl(url: string, types?: string[]): SearchInput {
  return types ? { types, filters: urlEquals('source', url) } : { filters: urlEquals('source', url) };
}

export function searchApi(t: Transport): SearchApi {
  return {
    async global(input: SearchInput, page?: PageRequest) {
      const body = parseInput(SearchInputSchema, input, 'search');
      return t.request({ method: 'POST', path: '/v1/search', query: checkPage(page), body, schema: ObjectPageSchema });
    },
    async inSpace(spaceId: string, input: SearchInput, page?: PageRequest) {
      const body = parseInput(SearchInputSchema, input, 'search');
      return t.request({
        method: 'POST',
        path: '/v1/spaces/{space_id}/search',
        params: { space_id: spaceId },
        query: checkPage(page),
        body,
        schema: ObjectPageSchema,
      });
    },
  };
}
