/**
 * Routes /v1 requests to their OpenAPI operation and checks requests and responses against it.
 * Schemas compile lazily and are cached, so starting a sandbox stays cheap.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import {
  buildSchemaDocument,
  closeObjects,
  type JsonSchema,
  loadSpec,
  type OpenApiDocument,
  type OpenApiOperation,
  rewriteRefs,
} from './spec-schemas';

export interface RouteMatch {
  method: string;
  template: string;
  op: OpenApiOperation;
  params: Record<string, string>;
}

interface CompiledRoute {
  method: string;
  template: string;
  segments: string[];
  literalCount: number;
  op: OpenApiOperation;
}

export interface RequestInput {
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** undefined when no body was sent. */
  bodyText: string | undefined;
}

export interface RequestCheck {
  /** Path and query parameters that break the spec. */
  paramErrors: string[];
  /** Header parameters (the required Anytype-Version); the server ignores them, so only recorded. */
  headerErrors: string[];
  bodyErrors: string[];
  /** Fields the spec does not define; the server drops them silently, so only recorded. */
  unknownFields: string[];
  body: unknown;
}

function makeAjv(coerce: boolean, specDoc: JsonSchema): Ajv2020 {
  // strict off: the spec carries `example`, `x-enum-*` and OpenAPI's `nullable` (which Ajv honours).
  // validateSchema off: checking the whole spec against the meta-schema costs ~200 ms per instance,
  // and a broken schema still fails loudly when it is compiled.
  const ajv = new Ajv2020({ strict: false, allErrors: true, coerceTypes: coerce, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema(specDoc);
  return ajv;
}

function describe(errors: ErrorObject[] | null | undefined, where: string): string {
  if (!errors || errors.length === 0) return `${where} is invalid`;
  return errors
    .slice(0, 4)
    .map((e) => {
      const extra = (e.params as { additionalProperty?: string }).additionalProperty;
      const what = extra === undefined ? (e.message ?? 'is invalid') : `has field "${extra}", which the spec does not define`;
      return `${where}${e.instancePath} ${what}`;
    })
    .join('; ');
}

let shared: SpecValidator | undefined;

/** One validator per process: loading and compiling the spec is the slow part of starting a sandbox. */
export function sharedValidator(): SpecValidator {
  shared ??= new SpecValidator();
  return shared;
}

export class SpecValidator {
  readonly doc: OpenApiDocument;
  private readonly routes: CompiledRoute[] = [];
  private readonly ajv: Ajv2020;
  private readonly paramAjv: Ajv2020;
  private readonly closedAjv: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(doc: OpenApiDocument = loadSpec()) {
    this.doc = doc;
    const specDoc = buildSchemaDocument(doc);
    this.ajv = makeAjv(false, specDoc);
    this.paramAjv = makeAjv(true, specDoc);
    this.closedAjv = makeAjv(false, buildSchemaDocument(doc, true));
    for (const [template, ops] of Object.entries(doc.paths)) {
      const segments = template.split('/');
      const literalCount = segments.filter((s) => !s.startsWith('{')).length;
      for (const [method, op] of Object.entries(ops)) {
        this.routes.push({ method: method.toUpperCase(), template, segments, literalCount, op });
      }
    }
    // Literal segments win over parameters (…/messages/search before …/messages/{message_id}).
    this.routes.sort((a, b) => b.literalCount - a.literalCount);
  }

  match(method: string, path: string): RouteMatch | null {
    const parts = path.split('/');
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const seg = route.segments[i] as string;
        const part = parts[i] as string;
        if (seg.startsWith('{')) {
          if (part === '') ok = false;
          else params[seg.slice(1, -1)] = safeDecode(part);
        } else if (seg !== part) ok = false;
      }
      if (ok) return { method, template: route.template, op: route.op, params };
    }
    return null;
  }

  private compile(key: string, schema: JsonSchema, flavour: 'params' | 'open' | 'closed' = 'open'): ValidateFunction {
    const cacheKey = `${flavour}:${key}`;
    let fn = this.cache.get(cacheKey);
    if (!fn) {
      const ajv = flavour === 'params' ? this.paramAjv : flavour === 'closed' ? this.closedAjv : this.ajv;
      fn = ajv.compile(rewriteRefs(flavour === 'closed' ? (closeObjects(schema) as JsonSchema) : schema));
      this.cache.set(cacheKey, fn);
    }
    return fn;
  }

  private checkParams(route: RouteMatch, where: 'path' | 'query' | 'header', values: Record<string, unknown>): string[] {
    const params = (route.op.parameters ?? []).filter((p) => p.in === where);
    if (params.length === 0) return [];
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const p of params) {
      const name = where === 'header' ? p.name.toLowerCase() : p.name;
      properties[name] = p.schema ?? {};
      if (p.required) required.push(name);
    }
    // Unknown query keys stay allowed: list routes take dynamic filters such as ?name[contains]=x.
    const schema = { type: 'object', properties, required };
    const fn = this.compile(`${route.method} ${route.template} ${where}`, schema, 'params');
    return fn({ ...values }) ? [] : [describe(fn.errors, where)];
  }

  checkRequest(route: RouteMatch, input: RequestInput): RequestCheck {
    const check: RequestCheck = {
      paramErrors: [...this.checkParams(route, 'path', route.params), ...this.checkParams(route, 'query', input.query)],
      headerErrors: this.checkParams(route, 'header', input.headers),
      bodyErrors: [],
      unknownFields: [],
      body: undefined,
    };
    if (input.bodyText !== undefined && input.bodyText !== '') {
      try {
        check.body = JSON.parse(input.bodyText);
      } catch {
        check.bodyErrors.push('body is not valid JSON');
        check.body = input.bodyText;
        return check;
      }
    }
    const spec = route.op.requestBody;
    if (!spec) return check;
    if (check.body === undefined) {
      if (spec.required) check.bodyErrors.push('body is required');
      return check;
    }
    const schema = spec.content?.['application/json']?.schema;
    if (schema) {
      const key = `${route.method} ${route.template} body`;
      const fn = this.compile(key, schema);
      if (!fn(check.body)) check.bodyErrors.push(describe(fn.errors, 'body'));
      else {
        const closed = this.compile(key, schema, 'closed');
        if (!closed(check.body)) check.unknownFields.push(describe(closed.errors, 'body'));
      }
    }
    return check;
  }

  /** null when the response matches a declared status and its schema. */
  checkResponse(route: RouteMatch, status: number, body: unknown): string | null {
    const declared = route.op.responses[String(status)];
    if (!declared) return `status ${status} is not declared for ${route.op.operationId}`;
    const schema = declared.content?.['application/json']?.schema;
    if (!schema) return body === undefined || body === null ? null : `status ${status} declares no body`;
    const key = `${route.method} ${route.template} ${status}`;
    const fn = this.compile(key, schema);
    if (!fn(body)) return describe(fn.errors, `response ${status}`);
    const closed = this.compile(key, schema, 'closed');
    return closed(body) ? null : describe(closed.errors, `response ${status}`);
  }

  /** Checks a body against a named component schema (used for answers given by middleware). */
  checkComponent(name: string, body: unknown): string | null {
    const fn = this.compile(`component ${name}`, { $ref: `#/components/schemas/${name}` });
    return fn(body) ? null : describe(fn.errors, name);
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
