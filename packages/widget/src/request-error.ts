import type { ErrorDetail, ErrorField } from '@wpay/protocol';
import type { WpayErrorDetail } from './events.js';

/**
 * Why a request to the merchant's server failed:
 * - `network`: the server could not be reached (offline, DNS, CORS, connection reset);
 * - `timeout`: no complete answer within the element's `timeout`;
 * - `http`: the server answered with a non-2xx status;
 * - `invalid-response`: a 2xx answer that is not the JSON the contract promises;
 * - `blocked-redirect`: the redirect URL was refused by the redirect policy (`<wpay-button>` only);
 * - `missing-identifier`: the return page's URL carries neither `trxNo` nor `mchOrderNo`
 *   (`<wpay-return>` only);
 * - `missing-endpoint`: `<wpay-return>` has no `status-endpoint` (a mistake in the page, also
 *   reported to the element's `logger`).
 *
 * @example
 * ```ts
 * button.addEventListener('wpay-error', (event) => {
 *   const code: WpayErrorCode = event.detail.code;
 * });
 * ```
 */
export type WpayErrorCode =
  | 'network'
  | 'timeout'
  | 'http'
  | 'invalid-response'
  | 'blocked-redirect'
  | 'missing-identifier'
  | 'missing-endpoint';

/**
 * One entry of the `fields` list of the merchant server's JSON error: `@wpay/protocol`'s
 * `ErrorField`.
 *
 * @example
 * ```ts
 * const field: ServerFieldError = { path: 'sku', message: 'unknown product' };
 * ```
 */
export type ServerFieldError = ErrorField;

/**
 * The merchant server's JSON error body: `{ "error": { code, message, fields? } }` (the inner
 * object, `@wpay/protocol`'s `ErrorDetail`).
 *
 * @example
 * ```ts
 * const error: ServerError = { code: 'invalid_body', message: 'sku: required', fields: [{ path: 'sku', message: 'required' }] };
 * ```
 */
export type ServerError = ErrorDetail;

/**
 * A failed request to the merchant's server. `code` says what went wrong; `status` and
 * `serverError` are set when the server answered. `aborted` marks a request cancelled by the
 * element itself (removed from the page, page restored from the back-forward cache): it is not
 * reported to the shopper.
 *
 * @example
 * ```ts
 * throw new WpayRequestError('http', { status: 502 });
 * ```
 */
export class WpayRequestError extends Error {
  readonly code: WpayErrorCode | 'aborted';
  readonly status: number | undefined;
  readonly serverError: ServerError | undefined;

  constructor(
    code: WpayErrorCode | 'aborted',
    { status, serverError }: { status?: number; serverError?: ServerError | undefined } = {},
  ) {
    super(code);
    this.code = code;
    this.status = status;
    this.serverError = serverError;
  }
}

/**
 * The `wpay-error` detail for a failure, with `message` shown to the shopper. A request the
 * element aborted itself reads as `network`.
 *
 * @example
 * ```ts
 * errorDetail(new WpayRequestError('http', { status: 502 }), 'Please try again.');
 * // { code: 'http', message: 'Please try again.', status: 502 }
 * ```
 */
export function errorDetail(error: WpayRequestError, message: string): WpayErrorDetail {
  const detail: WpayErrorDetail = {
    code: error.code === 'aborted' ? 'network' : error.code,
    message,
  };
  if (error.status !== undefined) detail.status = error.status;
  if (error.serverError) detail.serverError = error.serverError;
  return detail;
}

/**
 * `error` if it is a {@link WpayRequestError}, else a `network` one: whatever else a request
 * throws (a `TypeError` from `fetch`, say) means the server could not be reached.
 *
 * @example
 * ```ts
 * asRequestError(new TypeError('Failed to fetch')).code; // 'network'
 * ```
 */
export function asRequestError(error: unknown): WpayRequestError {
  return error instanceof WpayRequestError ? error : new WpayRequestError('network');
}
