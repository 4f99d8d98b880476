/**
 * What builds of 2026 add to the versioned description (FACTS.md, "Anytype builds of 2026"): the key
 * answer's nullable `grant`. Nothing else is loosened: current mode validates against the spec plus
 * exactly this field, the other modes against the spec as published.
 */
import { readFileSync } from 'node:fs';
import { loadSpec, type JsonSchema, type OpenApiDocument, SERVED_SPEC_V047_PATH } from './spec-schemas';
import { SpecValidator, sharedValidator } from './spec-validator';
import type { SandboxMode } from './types';

export const GRANT_SCHEMA: JsonSchema = {
  description: 'What the key may reach (builds of 2026); null when the build does not say',
  type: ['object', 'null'],
  required: ['all_spaces', 'space_ids', 'permission'],
  properties: {
    all_spaces: { type: 'boolean' },
    space_ids: { type: 'array', items: { type: 'string' } },
    permission: { type: 'string', enum: ['read', 'readwrite'] },
  },
};

export function currentDoc(base: OpenApiDocument = loadSpec()): OpenApiDocument {
  const doc = structuredClone(base);
  const answer = doc.components.schemas.CreateApiKeyResponse as { properties: Record<string, JsonSchema> };
  answer.properties.grant = GRANT_SCHEMA;
  return doc;
}

let current: SpecValidator | undefined;
let served: unknown;

/** The validator a mode's answers are checked with. */
export function validatorFor(mode: SandboxMode): SpecValidator {
  if (mode !== 'current') return sharedValidator();
  current ??= new SpecValidator(currentDoc());
  return current;
}

/**
 * `GET /docs/openapi.json`: older modes serve what a Desktop build of December 2025 served (no files
 * endpoint); current mode serves the spec with the files endpoint and the grant.
 */
export function servedDoc(mode: SandboxMode): unknown {
  if (mode === 'current') return validatorFor('current').doc;
  served ??= JSON.parse(readFileSync(SERVED_SPEC_V047_PATH, 'utf8'));
  return served;
}

/** `GET /v2/docs/openapi.json`, current mode only: a pre-release that may change without notice. */
export const V2_DOC = {
  openapi: '3.1.0',
  info: { title: 'Anytype API v2 (pre-release)', version: '2.0.0-pre' },
  paths: {},
} as const;
