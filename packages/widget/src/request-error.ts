import type { WpayErrorCode, WpayErrorDetail } from './events.js';
import type { ServerError } from './wire-contract.js';

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
