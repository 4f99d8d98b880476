/**
 * Loads the OpenAPI document and turns its component schemas into something Ajv 2020 can check.
 *
 * Two adjustments, both because the spec is written for Go code generators rather than validators:
 * - `$ref: '#/components/schemas/X'` becomes `spec#/$defs/X` so all schemas live in one Ajv document.
 * - Every `oneOf` in the spec lists branches whose properties are all optional, so any object would
 *   match several branches and `oneOf` would reject everything. The real server tells branches apart
 *   by their value field (`text`, `url`, `emoji`, ...). We add exactly that: each branch must carry one
 *   of the fields only it has; a branch without such a field (EmptyFilterItem) must carry none of the
 *   others'. Semantics stay the server's; only the ambiguity goes.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export type JsonSchema = { [key: string]: unknown };

export interface OpenApiParameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

export interface OpenApiOperation {
  operationId: string;
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
  security?: unknown[];
}

export interface OpenApiDocument {
  info: { version: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonSchema> };
}

const HERE = dirname(fileURLToPath(import.meta.url));
/** The official description, copied into the repository with its licence (spec/LICENSE.md). */
export const SPEC_DIR = resolve(HERE, 'spec');
export const SPEC_PATH = resolve(SPEC_DIR, 'openapi-2025-11-08.yaml');
/** What a Desktop build of December 2025 serves at GET /docs/openapi.json. */
export const SERVED_SPEC_V047_PATH = resolve(SPEC_DIR, 'served-by-desktop-v0.47.0.json');

/**
 * Parsing 6,500 lines of YAML takes a second or more, once per test worker; a JSON copy in the temp
 * directory, named by the YAML's hash, brings that to milliseconds and can never go stale.
 */
export function loadSpec(path: string = SPEC_PATH): OpenApiDocument {
  const text = readFileSync(path, 'utf8');
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const cache = join(tmpdir(), `anytype-sandbox-spec-${hash}.json`);
  try {
    return JSON.parse(readFileSync(cache, 'utf8')) as OpenApiDocument;
  } catch {
    const doc = parse(text) as OpenApiDocument;
    try {
      const tmp = `${cache}.${process.pid}`;
      writeFileSync(tmp, JSON.stringify(doc));
      renameSync(tmp, cache); // atomic, so parallel workers never read half a file
    } catch {
      // A read-only temp directory only costs speed.
    }
    return doc;
  }
}

const REF_PREFIX = '#/components/schemas/';

/** Deep copy with component refs pointed at the `spec` Ajv document. */
export function rewriteRefs<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v)) as T;
  if (value && typeof value === 'object') {
    const out: JsonSchema = {};
    for (const [k, v] of Object.entries(value as JsonSchema)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(REF_PREFIX)) {
        out[k] = `spec#/$defs/${v.slice(REF_PREFIX.length)}`;
      } else {
        out[k] = rewriteRefs(v);
      }
    }
    return out as T;
  }
  return value;
}

function refName(branch: unknown): string | undefined {
  const ref = (branch as JsonSchema | undefined)?.$ref;
  return typeof ref === 'string' && ref.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : undefined;
}

function propertyNames(schema: JsonSchema | undefined): string[] {
  const props = schema?.properties;
  return props && typeof props === 'object' ? Object.keys(props) : [];
}

/** Makes one `oneOf` list discriminated by each branch's own fields (see the file comment). */
function discriminate(branches: unknown[], schemas: Record<string, JsonSchema>): unknown[] {
  const names = branches.map(refName);
  if (names.some((n) => n === undefined)) return branches;
  const fieldSets = names.map((n) => propertyNames(schemas[n as string]));
  const counts = new Map<string, number>();
  for (const fields of fieldSets) for (const f of fields) counts.set(f, (counts.get(f) ?? 0) + 1);
  const own = fieldSets.map((fields) => fields.filter((f) => counts.get(f) === 1));
  return branches.map((branch, i) => {
    const mine = own[i] ?? [];
    if (mine.length > 0) return { allOf: [branch], anyOf: mine.map((f) => ({ required: [f] })) };
    const others = own.flatMap((fields, j) => (j === i ? [] : fields));
    return { allOf: [branch], not: { anyOf: others.map((f) => ({ required: [f] })) } };
  });
}

function tighten(value: unknown, schemas: Record<string, JsonSchema>): unknown {
  if (Array.isArray(value)) return value.map((v) => tighten(v, schemas));
  if (value && typeof value === 'object') {
    const out: JsonSchema = {};
    for (const [k, v] of Object.entries(value as JsonSchema)) {
      out[k] = k === 'oneOf' && Array.isArray(v) ? discriminate(v, schemas) : tighten(v, schemas);
    }
    return out;
  }
  return value;
}

/**
 * A copy in which every object schema with `properties` refuses other fields. The spec leaves objects
 * open and the server silently drops unknown fields (`body` in a PATCH, say), so the sandbox checks
 * this variant too and records what would be dropped.
 */
export function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (!schema || typeof schema !== 'object') return schema;
  const out: JsonSchema = { ...(schema as JsonSchema) };
  const props = out.properties;
  if (props && typeof props === 'object' && !Array.isArray(props)) {
    out.properties = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, closeObjects(v)]));
    if (!('additionalProperties' in out)) out.additionalProperties = false;
  }
  for (const k of ['items', 'not']) if (k in out) out[k] = closeObjects(out[k]);
  for (const k of ['allOf', 'anyOf', 'oneOf']) if (Array.isArray(out[k])) out[k] = (out[k] as unknown[]).map(closeObjects);
  if (out.$defs && typeof out.$defs === 'object') {
    out.$defs = Object.fromEntries(Object.entries(out.$defs as JsonSchema).map(([k, v]) => [k, closeObjects(v)]));
  }
  return out;
}

/** The `spec` Ajv document: every component schema under $defs, ready to reference. */
export function buildSchemaDocument(doc: OpenApiDocument, closed = false): JsonSchema {
  const schemas = doc.components.schemas;
  const tightened = tighten(schemas, schemas) as Record<string, JsonSchema>;
  const document = { $id: 'spec', $defs: rewriteRefs(tightened) };
  return closed ? (closeObjects(document) as JsonSchema) : document;
}
