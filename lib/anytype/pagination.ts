/**
 * List routes answer `{data, pagination: {total, offset, limit, has_more}}`. `collectAll` walks
 * the pages so callers get every item; the cap stops a server that keeps saying has_more.
 */
import { AnytypeError } from './errors';
import type { Page } from './schemas';

export const PAGE_SIZE = 100;
/** Far above any real vault's spaces, types, properties or tags; a guard, not a feature. */
export const MAX_ITEMS = 10_000;
/** The server's own bound on `limit`. */
export const MAX_LIMIT = 1000;

export type FetchPage<T> = (offset: number, limit: number) => Promise<Page<T>>;

export async function collectAll<T>(
  fetchPage: FetchPage<T>,
  opts: { pageSize?: number; maxItems?: number } = {},
): Promise<T[]> {
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  const maxItems = opts.maxItems ?? MAX_ITEMS;
  const items: T[] = [];
  let offset = 0;
  while (items.length < maxItems) {
    const page = await fetchPage(offset, pageSize);
    items.push(...page.data);
    // An empty page ends the walk even if has_more says otherwise, so a confused server cannot loop us.
    if (!page.pagination.has_more || page.data.length === 0) break;
    offset += page.data.length;
  }
  return items.slice(0, maxItems);
}

/** Checks a caller's page request against what the server accepts (limit 1..1000, offset >= 0). */
export function checkPage(page: { offset?: number; limit?: number } = {}): { offset: number; limit: number } {
  const offset = page.offset ?? 0;
  const limit = page.limit ?? PAGE_SIZE;
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new AnytypeError('bad_request', { serverMessage: 'offset must be a whole number, 0 or more' });
  }
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new AnytypeError('bad_request', { serverMessage: `limit must be between 1 and ${MAX_LIMIT}` });
  }
  return { offset, limit };
}
