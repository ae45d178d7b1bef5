/** @module The API's success and error envelopes (wpay-api.md §4). */
import { SUCCESS_RETCODE } from '@wpay/protocol';
/**
 * The success envelope of wpay-api.md §4.
 *
 * @example
 * ```ts
 * okEnvelope({ trxNo: 'TRX1' }); // { retcode: '200', retmsg: 'success', retdata: { trxNo: 'TRX1' } }
 * ```
 */
export function okEnvelope(retdata: unknown): Record<string, unknown> {
  return { retcode: SUCCESS_RETCODE, retmsg: 'success', retdata };
}

/**
 * The error envelope: a non-200 retcode and its message.
 *
 * @example
 * ```ts
 * errorEnvelope('404', 'trxNo: no payment TRX1');
 * ```
 */
export function errorEnvelope(retcode: string, retmsg: string): Record<string, unknown> {
  return { retcode, retmsg, retdata: null };
}
