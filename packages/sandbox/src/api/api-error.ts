/** @module A refusal the WPay API answers with an envelope (HTTP status, retcode, retmsg). */
/**
 * A refusal the API answers with an envelope: HTTP status, retcode and retmsg
 * (docs/protocol-defaults.md, "Errors"). Messages never carry secrets.
 *
 * @example
 * ```ts
 * throw new ApiError(404, '404', 'trxNo: no payment TRX123');
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
