/** Error answers in the server's shape: {"object":"error","status":N,"code":"…","message":"…"}. */

export interface ErrorBody {
  object: 'error';
  status: number;
  code: string;
  message: string;
}

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'object_not_found',
  410: 'resource_gone',
  429: 'rate_limit_exceeded',
  500: 'internal_server_error',
};

export function errorBody(status: number, message: string, code?: string): ErrorBody {
  return { object: 'error', status, code: code ?? CODES[status] ?? 'internal_server_error', message };
}

/**
 * Thrown by handlers. `clientFault` marks a request the spec allows but the server refuses (unknown
 * property key, tag that does not exist, ...): answered 400 even where the operation declares no 400,
 * the way the server's request binding does.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly clientFault: boolean;
  /**
   * Answered by the server's middleware, not the operation (scope and pairing refusals of 2026):
   * sent with this status even where the operation declares none, checked against this component.
   */
  readonly component: string | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    message: string,
    opts: { code?: string; clientFault?: boolean; component?: string; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.code = opts.code;
    this.clientFault = opts.clientFault ?? status === 400;
    this.component = opts.component;
    this.headers = opts.headers ?? {};
  }

  body(): ErrorBody {
    return errorBody(this.status, this.message, this.code);
  }
}

export const badRequest = (message: string): ApiError => new ApiError(400, message);
export const notFound = (message: string): ApiError => new ApiError(404, message, { clientFault: false });
