/** @module A refusal the WPay API answers with an envelope (HTTP status, retcode, retmsg). */
import { REFUSALS, type Refusal } from '@wpay/protocol';

/**
 * A refusal the API answers with an envelope: HTTP status, retcode and retmsg
 * (docs/protocol-defaults.md, "Errors"). Messages never carry secrets. Documented refusals are
 * made with {@link refuse}, so their HTTP status and retcode come from `@wpay/protocol`.
 *
 * @example
 * ```ts
 * throw new ApiError(405, '405', 'method: use POST for /checkout/w-payment/hpp');
 * ```
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly httpStatus: number,
    readonly retcode: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A documented refusal (`REFUSALS` of `@wpay/protocol`) with its HTTP status and retcode.
 *
 * @example
 * ```ts
 * throw refuse('notFound', 'trxNo: no payment TRX123'); // 404, retcode '404'
 * ```
 */
export function refuse(refusal: Refusal, message: string): ApiError {
  const { httpStatus, retcode } = REFUSALS[refusal];
  return new ApiError(httpStatus, retcode, message);
}
