/**
 * The parts of the `WPay` client the handlers use, as structural types: a `WPay` instance fits,
 * and so does a test double.
 *
 * @module
 */

/**
 * What the checkout handler asks WPay to create (wpay-api.md §5).
 *
 * @example
 * ```ts
 * const sent: CheckoutSessionRequest[] = [];
 * const client: CheckoutClient = { checkout: { create: async (request) => {
 *   sent.push(request);
 *   return { trxNo: 'TRX1', redirectUrl: 'https://pay.example/1' };
 * } } };
 * ```
 */
export interface CheckoutSessionRequest {
  mchOrderNo: string;
  amount: string | number;
  currency: string;
  payMode: string;
  successUrl: string;
  cancelUrl: string;
  description?: string | undefined;
  customerEmail?: string | undefined;
  mchSubscriptionNo?: string | undefined;
  intervalUnit?: string | undefined;
  intervalCount?: number | undefined;
}

/**
 * The created hosted-page session (the fields the handler needs).
 *
 * @example
 * ```ts
 * const session: CheckoutSessionLike = { trxNo: 'TRX1', redirectUrl: 'https://pay.example/1' };
 * ```
 */
export interface CheckoutSessionLike {
  trxNo: string;
  redirectUrl: string;
}

/**
 * Creates hosted-page sessions: `wpay` itself.
 *
 * @example
 * ```ts
 * const client: CheckoutClient = wpay;
 * ```
 */
export interface CheckoutClient {
  checkout: { create(request: CheckoutSessionRequest): Promise<CheckoutSessionLike> };
}

/**
 * A payment as the status handler reads it.
 *
 * @example
 * ```ts
 * const payment: PaymentLike = { trxNo: 'TRX1', mchOrderNo: 'order_1', status: 'PAID', amount: 19.99, currency: 'USD' };
 * ```
 */
export interface PaymentLike {
  trxNo: string;
  mchOrderNo?: string | null | undefined;
  status: string;
  amount?: unknown;
  currency?: string | null | undefined;
}

/**
 * A page of payments.
 *
 * @example
 * ```ts
 * const list = async (): Promise<PaymentPageLike> => ({ records: [payment], total: 1 });
 * ```
 */
export interface PaymentPageLike {
  records: readonly PaymentLike[];
  total?: number | undefined;
  /** The page size the server used (it may cap the one asked for). */
  pageSize?: number | undefined;
}

/**
 * Reads payments: `wpay` itself.
 *
 * @example
 * ```ts
 * const client: PaymentsClient = wpay;
 * ```
 */
export interface PaymentsClient {
  payments: {
    retrieve(params: { trxNo: string }): Promise<PaymentLike>;
    list(params: { pageNum: number; pageSize: number }): Promise<PaymentPageLike>;
  };
}
