// The merchant server's answers to the widget, as the widget names them: aliases of
// `@wpay/protocol`'s browser contract (types only: no byte added to the widget's files). The
// parsers (response-guards.ts), the request error (request-error.ts) and the events (events.ts)
// all read these from here, so none of them imports another for a type.
import type { CheckoutAnswer, ErrorDetail, ErrorField, StatusAnswer } from '@wpay/protocol';

/**
 * The checkout endpoint's success body: `@wpay/protocol`'s `CheckoutAnswer`.
 *
 * @example
 * ```ts
 * const response: CheckoutResponse = { redirectUrl: 'https://openapi.stablelink.app/hpp/abc', trxNo: 'TRX1' };
 * ```
 */
export type CheckoutResponse = CheckoutAnswer;

/**
 * What the return page shows, derived by the merchant's server from the payment's status.
 *
 * @example
 * ```ts
 * const outcome: PaymentOutcome = 'succeeded';
 * ```
 */
export type { PaymentOutcome } from '@wpay/protocol';

/**
 * The status endpoint's success body (see docs/architecture.md, "Widget ⇄ merchant endpoints"):
 * `{ status, outcome, final }` to one identifier, plus `trxNo`, `mchOrderNo`, `amount` and
 * `currency` to the proven pair. Optional fields are omitted when unknown (`null` reads as absent).
 * `@wpay/protocol`'s `StatusAnswer`.
 *
 * @example
 * ```ts
 * const status: PaymentStatus = { trxNo: 'TRX1', outcome: 'processing', final: false };
 * ```
 */
export type PaymentStatus = StatusAnswer;

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
