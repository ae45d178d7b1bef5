import type { CheckoutPayload } from './collect-payload.js';
import type { PaymentStatus, ServerError } from './wire-contract.js';

/** What every widget event shares: a typed `detail`, bubbling out of shadow roots. */
abstract class WpayEvent<Detail> extends Event {
  readonly detail: Detail;

  constructor(type: string, detail: Detail, cancelable = false) {
    super(type, { bubbles: true, composed: true, cancelable });
    this.detail = detail;
  }
}

/**
 * `wpay-checkout`'s detail: the request body, which listeners may edit or replace.
 *
 * @example
 * ```ts
 * const detail: WpayCheckoutDetail = { payload: { sku: 'tee-42' } };
 * ```
 */
export interface WpayCheckoutDetail {
  payload: CheckoutPayload;
}

/**
 * Fired by `<wpay-button>` when the shopper activates it, before any request. Cancel it
 * (`preventDefault()`) to stop the checkout; edit or replace `event.detail.payload` to change
 * what is sent.
 *
 * @example
 * ```ts
 * button.addEventListener('wpay-checkout', (event) => {
 *   event.detail.payload.quantity = Number(quantityInput.value);
 * });
 * ```
 */
export class WpayCheckoutEvent extends WpayEvent<WpayCheckoutDetail> {
  constructor(detail: WpayCheckoutDetail) {
    super('wpay-checkout', detail, true);
  }
}

/**
 * `wpay-redirect`'s detail: where the shopper is about to go.
 *
 * @example
 * ```ts
 * const detail: WpayRedirectDetail = { url: 'https://openapi.stablelink.app/hpp/abc', trxNo: 'TRX1' };
 * ```
 */
export interface WpayRedirectDetail {
  /** The hosted payment page, already checked by the redirect policy. */
  url: string;
  /** WPay's transaction number, when the merchant's server sent it. */
  trxNo?: string;
}

/**
 * Fired by `<wpay-button>` when the merchant's server answered with a safe redirect URL, just
 * before navigating. Cancel it to navigate yourself (the button becomes idle again).
 *
 * @example
 * ```ts
 * button.addEventListener('wpay-redirect', (event) => {
 *   analytics.track('checkout_redirect', { trxNo: event.detail.trxNo });
 * });
 * ```
 */
export class WpayRedirectEvent extends WpayEvent<WpayRedirectDetail> {
  constructor(detail: WpayRedirectDetail) {
    super('wpay-redirect', detail, true);
  }
}

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
 * `wpay-error`'s detail.
 *
 * @example
 * ```ts
 * const detail: WpayErrorDetail = { code: 'http', message: 'Payment could not start. Try again.', status: 502 };
 * ```
 */
export interface WpayErrorDetail {
  code: WpayErrorCode;
  /** The translated message shown to the shopper. */
  message: string;
  /** The HTTP status, when the server answered. */
  status?: number;
  /** The server's JSON error, when it sent one. */
  serverError?: ServerError;
}

/**
 * Fired by `<wpay-button>` when a checkout fails (the button is usable again), and by
 * `<wpay-return>` when the payment's status cannot be confirmed.
 *
 * @example
 * ```ts
 * document.addEventListener('wpay-error', (event) => {
 *   monitoring.capture(`wpay ${event.detail.code}`, { status: event.detail.status });
 * });
 * ```
 */
export class WpayErrorEvent extends WpayEvent<WpayErrorDetail> {
  constructor(detail: WpayErrorDetail) {
    super('wpay-error', detail);
  }
}

/**
 * Fired by `<wpay-return>` each time the merchant's server reports the payment's status; the
 * last one has `detail.final === true` (unless polling gave up first).
 *
 * @example
 * ```ts
 * returnEl.addEventListener('wpay-status', (event) => {
 *   if (event.detail.final && event.detail.outcome === 'succeeded') clearCart();
 * });
 * ```
 */
export class WpayStatusEvent extends WpayEvent<PaymentStatus> {
  constructor(detail: PaymentStatus) {
    super('wpay-status', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wpay-checkout': WpayCheckoutEvent;
    'wpay-redirect': WpayRedirectEvent;
    'wpay-error': WpayErrorEvent;
    'wpay-status': WpayStatusEvent;
  }
}
