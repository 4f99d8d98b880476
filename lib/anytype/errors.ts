/**
 * One error type for every way a call to Anytype can fail. `kind` is what the person must do
 * differently, so each kind has exactly one message that names the next step.
 */
import { i18n } from '../node-safe-i18n';

export const ERROR_KINDS = [
  'offline',
  'unauthorized',
  'origin_rejected',
  'rate_limited',
  'pairing_failed',
  'pairing_unavailable',
  'pairing_denied',
  'pairing_not_approved',
  'pairing_lapsed',
  'scoped_key',
  'key_expired',
  'bad_request',
  'not_found',
  'server',
] as const;

export type AnytypeErrorKind = (typeof ERROR_KINDS)[number];

// English, as in locales/en.yml (a unit test keeps the two equal). The extension pages and the
// background ask the browser's i18n for the person's language; Node (e2e tests, tools) has neither
// the `#i18n` alias nor `browser.i18n`, so there the English text is used as it is.
const ENGLISH: Record<AnytypeErrorKind, string> = {
  offline: 'Anytype is not running. Start Anytype Desktop, then try again.',
  unauthorized: 'Anytype no longer accepts this connection. Pair again from the extension popup.',
  origin_rejected:
    'Anytype refused the extension. Reload the extension so it can set up its connection, or update it.',
  rate_limited: 'Anytype is busy. The extension will try again in a moment.',
  pairing_failed: 'That code did not work. Check the 4-digit code Anytype shows and try again.',
  pairing_unavailable: 'Anytype will not start another pairing. Restart Anytype Desktop, then click Connect again.',
  pairing_denied:
    'The request was denied in Anytype, and Anytype refuses the extension until it restarts. Restart Anytype Desktop, then click Connect.',
  pairing_not_approved: 'Approve the request in Anytype first, then enter the code it shows. This did not cost a try.',
  pairing_lapsed: 'The request was not approved in time. Click Connect again and approve it in Anytype.',
  scoped_key:
    'This key can only reach some spaces or cannot write. Pair again and choose All spaces and Read & write.',
  key_expired: 'This key has expired. Pair again from the extension popup.',
  bad_request: 'Anytype did not accept what was sent. Check the space, type and tags, then try again.',
  not_found: 'Anytype could not find that item. It may have been deleted; refresh and try again.',
  server: 'Anytype reported an internal error. Try again; if it keeps happening, restart Anytype Desktop.',
};

export function userMessage(kind: AnytypeErrorKind): string {
  try {
    return i18n.t(`errors.${kind}`) || ENGLISH[kind];
  } catch {
    return ENGLISH[kind];
  }
}

export interface AnytypeErrorDetails {
  status?: number;
  /** The server's own `code`/`message`, for logs; never shown instead of the user message. */
  serverMessage?: string;
  /** True when the request may have reached the server (timeout or 5xx after sending). */
  mayHaveApplied?: boolean;
  cause?: unknown;
}

export class AnytypeError extends Error {
  readonly kind: AnytypeErrorKind;
  readonly status?: number;
  readonly serverMessage?: string;
  readonly mayHaveApplied: boolean;

  constructor(kind: AnytypeErrorKind, details: AnytypeErrorDetails = {}) {
    super(userMessage(kind), details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'AnytypeError';
    this.kind = kind;
    this.status = details.status;
    this.serverMessage = details.serverMessage;
    this.mayHaveApplied = details.mayHaveApplied ?? false;
  }
}

export function isAnytypeError(value: unknown): value is AnytypeError {
  return value instanceof AnytypeError;
}
