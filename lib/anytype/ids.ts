import { AnytypeError } from './errors';

/**
 * Anytype ids are CIDs (`bafyrei…`), space ids (`bafyrei….23me69r569oi1`), participant ids
 * (`_participant_…`) and short keys. All of them fit this ASCII pattern. Anything else, in
 * particular `.`/`..`, slashes, `?`, `#`, `%`, whitespace and non-ASCII, would let a value
 * change which route is called, so it is refused before a URL is built.
 */
const ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
export const MAX_ID_LENGTH = 256;

export function isValidId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= MAX_ID_LENGTH &&
    ID_PATTERN.test(value) &&
    // The pattern already refuses a leading dot; this keeps the intent explicit.
    value !== '.' &&
    value !== '..'
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
