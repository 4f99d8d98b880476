/** What every route handler gets and returns. */
import type { Auth } from '../auth';
import type { DropPoint, Faults } from '../types';
import type { Vault } from '../vault';

export interface Page {
  offset: number;
  limit: number;
}

export interface HandlerContext {
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  page: Page;
  vault: Vault;
  auth: Auth;
  faults: Faults;
}

export interface HandlerResult {
  status: number;
  body: unknown;
  /** The work is done, but the connection drops while answering (where: see Faults.dropPoint). */
  drop?: DropPoint;
}

export type Handler = (ctx: HandlerContext) => HandlerResult | Promise<HandlerResult>;

/** Handlers by the spec's operationId. */
export type RouteTable = Record<string, Handler>;

export function paginate<T>(items: T[], page: Page): { data: T[]; pagination: Record<string, number | boolean> } {
  const data = items.slice(page.offset, page.offset + page.limit);
  return {
    data,
    pagination: {
      total: items.length,
      offset: page.offset,
      limit: page.limit,
      has_more: page.offset + data.length < items.length,
    },
  };
}

export function ok(body: unknown, status = 200): HandlerResult {
  return { status, body };
}

/** The JSON body as a record; schema validation already ran, so this only narrows the type. */
export function bodyOf(ctx: HandlerContext): Record<string, unknown> {
  const b = ctx.body;
  return b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
}

export function param(ctx: HandlerContext, name: string): string {
  return ctx.params[name] ?? '';
}
