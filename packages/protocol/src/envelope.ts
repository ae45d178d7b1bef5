/**
 * WPay's response envelope and its retcodes (wpay-api.md §4, docs/protocol-defaults.md "Errors").
 *
 * @module
 */
import { deepFreeze } from './deep-freeze.js';

/**
 * The envelope of every answer: `{ retcode, retmsg, retdata }`. `retcode` arrives as the string
 * `"200"` or the number `200`: compare it as a string.
 *
 * @example
 * ```ts
 * const answer: Envelope<{ trxNo: string }> = { retcode: '200', retmsg: 'success', retdata: { trxNo: 'TRX1' } };
 * ```
 */
export interface Envelope<Data = unknown> {
  retcode: string | number;
  retmsg?: string | null;
  retdata?: Data;
  /** Present on the token answer [doc]. */
  success?: boolean;
}

/**
 * The retcode of a success [doc]: any other retcode is an API error, whatever the HTTP status.
 *
 * @example
 * ```ts
 * String(answer.retcode) === SUCCESS_RETCODE; // true for "200" and 200
 * ```
 */
export const SUCCESS_RETCODE = '200';

/**
 * Every refusal with its HTTP status and retcode, when it happens and what its `retmsg` names.
 * `missingSignature` (`00006`) and `orderNumberFormat` (`00008`) are [twin]; the rest are
 * [default]s (WPay publishes no table). A client decides success by retcode only.
 *
 * @example
 * ```ts
 * REFUSALS.signatureMismatch.retcode; // '00007'
 * ```
 */
export const REFUSALS = deepFreeze({
  auth: {
    httpStatus: 401,
    retcode: '401',
    when: 'missing / unknown / expired / superseded access token; bad token request (grant, key, secret, refresh token)',
    retmsg: 'the reason',
  },
  missingSignature: {
    httpStatus: 401,
    retcode: '00006',
    when: 'missing signature or timestamp header',
    retmsg: 'the header',
  },
  signatureMismatch: {
    httpStatus: 401,
    retcode: '00007',
    when: 'wrong signature',
    retmsg: '"signature mismatch"',
  },
  timestampSkew: {
    httpStatus: 401,
    retcode: '00009',
    when: 'timestamp outside ±2 min',
    retmsg: 'the skew',
  },
  invalidField: {
    httpStatus: 400,
    retcode: '400',
    when: 'invalid field(s)',
    retmsg: 'every bad field: `amount: …; currency: …`',
  },
  orderNumberFormat: {
    httpStatus: 400,
    retcode: '00008',
    when: '`mchOrderNo` not 1–64 chars of `[A-Za-z0-9_-]`',
    retmsg: 'the field',
  },
  conflict: {
    httpStatus: 409,
    retcode: '409',
    when: '`mchOrderNo` re-used with different content',
    retmsg: 'the field',
  },
  notFound: {
    httpStatus: 404,
    retcode: '404',
    when: 'unknown `trxNo` / `id`',
    retmsg: 'the identifier',
  },
  notRefundable: {
    httpStatus: 422,
    retcode: '422',
    when: 'refund above what is refundable, or of an unpaid payment',
    retmsg: 'the amounts',
  },
} as const);

/**
 * The name of a refusal.
 *
 * @example
 * ```ts
 * const refusal: Refusal = 'notFound';
 * ```
 */
export type Refusal = keyof typeof REFUSALS;

/**
 * Retcodes meaning "bad or expired token": drop the token and retry once [default].
 *
 * @example
 * ```ts
 * AUTH_ERROR_RETCODES.includes(String(answer.retcode));
 * ```
 */
export const AUTH_ERROR_RETCODES: readonly string[] = deepFreeze([REFUSALS.auth.retcode]);

/**
 * HTTP statuses meaning the same as {@link AUTH_ERROR_RETCODES} [default].
 *
 * @example
 * ```ts
 * AUTH_ERROR_HTTP_STATUSES.includes(response.status);
 * ```
 */
export const AUTH_ERROR_HTTP_STATUSES: readonly number[] = deepFreeze([REFUSALS.auth.httpStatus]);

/**
 * Retcodes of signature refusals: missing header, mismatch, clock skew.
 *
 * @example
 * ```ts
 * SIGNATURE_ERROR_RETCODES; // ['00006', '00007', '00009']
 * ```
 */
export const SIGNATURE_ERROR_RETCODES: readonly string[] = deepFreeze([
  REFUSALS.missingSignature.retcode,
  REFUSALS.signatureMismatch.retcode,
  REFUSALS.timestampSkew.retcode,
]);
