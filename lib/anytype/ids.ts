import { AnytypeError } from './errors';

/**
 * The one definition of an Anytype id, used by the client before it builds a URL and by the message
 * protocol before a value leaves an extension page.
 *
 * What real ids look like (the spec's examples, tests/sandbox/spec/openapi-2025-11-08.yaml):
 *  - object, type, tag and template ids are CIDs: `bafyreids36kpw5ppuwm3…`;
 *  - space ids are a CID, a dot and a suffix: `bafyreigyfkt6…psq.23me69r569oi1`;
 *  - member ids start with an underscore: `_participant_<space cid>_<suffix>_<identity>`;
 *  - short keys and the stand-ins of other builds: `67b0d3e3cda9…`, `msg-abc123`.
 * So: ASCII letters, digits, `_` and `-`, in parts joined by single dots, and a leading `_` only
 * before a letter or digit. That refuses `.`, `..` anywhere, a leading or trailing dot, slashes,
 * `?`, `#`, `%`, whitespace and non-ASCII (any of which could change which route is called), and
 * `__proto__`-like names (ids are used as record keys).
 */
export const ID_PATTERN = /^_?[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$/;
export const MAX_ID_LENGTH = 256;

export function isValidId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= MAX_ID_LENGTH &&
    ID_PATTERN.test(value)
  );
}

/** Validates an id and returns it ready for a path segment. `what` names it in the error (never the value). */
export function encodeId(value: unknown, what: string): string {
  if (!isValidId(value)) {
    throw new AnytypeError('bad_request', { serverMessage: `invalid ${what}: not an Anytype id` });
  }
  // A no-op for the allowed characters; kept so a future, looser pattern cannot leak raw text.
  return encodeURIComponent(value);
}

/** Validates an id that goes into a JSON body (no encoding needed there). */
export function checkId(value: unknown, what: string): string {
  encodeId(value, what);
  return value as string;
}
