/**
 * The contract between the browser (`<wpay-button>`, `<wpay-return>`) and the merchant's
 * endpoints (`checkoutHandler`, `statusHandler`): docs/architecture.md, "Widget ⇄ merchant
 * endpoints". Types only: the widget imports them without adding a byte to its files.
 *
 * @module
 */
import type { PaymentOutcome } from './payment-outcome.js';

/**
 * The checkout endpoint's success body (`200`).
 *
 * @example
 * ```ts
 * const answer: CheckoutAnswer = { redirectUrl: 'https://openapi.stablelink.app/hpp/abc', trxNo: 'TRX1' };
 * ```
 */
export interface CheckoutAnswer {
  /** The hosted payment page to send the shopper to. */
  redirectUrl: string;
  /** WPay's transaction number, when the server sends it. */
  trxNo?: string;
}

/**
 * The status endpoint's success body (`200`): what the return page shows. Only `outcome` and
 * `final` are sure to be there; a server may leave out the fields it does not know.
 *
 * @example
 * ```ts
 * const answer: StatusAnswer = { trxNo: 'TRX1', outcome: 'processing', final: false };
 * ```
 */
export interface StatusAnswer {
  outcome: PaymentOutcome;
  /** `true` when the outcome can no longer change: stop polling. */
  final: boolean;
  trxNo?: string;
  mchOrderNo?: string;
  /** WPay's payment status (`PAID`…). */
  status?: string;
  /** In major units, as WPay sent it. */
  amount?: number | string;
  currency?: string;
}

/**
 * One bad field of an error answer.
 *
 * @example
 * ```ts
 * const field: ErrorField = { path: 'sku', message: 'unknown product' };
 * ```
 */
export interface ErrorField {
  /** Dotted path, e.g. `sku` or `items.0.qty`. */
  path: string;
  message: string;
}

/**
 * The error of every non-2xx answer: a machine code, a human message and, for bad input, the
 * fields at fault.
 *
 * @example
 * ```ts
 * const error: ErrorDetail = { code: 'invalid_body', message: 'sku: required' };
 * ```
 */
export interface ErrorDetail {
  code: string;
  message: string;
  fields?: ErrorField[];
}

/**
 * The body of every non-2xx answer of the merchant's endpoints: `{ "error": { … } }`.
 *
 * @example
 * ```ts
 * const body: ErrorBody = { error: { code: 'invalid_body', message: 'sku: required', fields: [{ path: 'sku', message: 'required' }] } };
 * ```
 */
export interface ErrorBody {
  error: ErrorDetail;
}

/**
 * The header that names one checkout intent, so a retried or double-clicked request answers
 * the same session.
 *
 * @example
 * ```ts
 * const header: IdempotencyKeyHeader = 'Idempotency-Key';
 * ```
 */
export type IdempotencyKeyHeader = 'Idempotency-Key';
