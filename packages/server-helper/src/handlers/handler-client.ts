/**
 * The parts of the `WPay` client the handlers use, as structural types: a `WPay` instance fits,
 * and so does a test double.
 *
 * @module
 */

/** What the checkout handler asks WPay to create (wpay-api.md §5). */
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

/** The created hosted-page session (the fields the handler needs). */
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

/** A payment as the status handler reads it. */
export interface PaymentLike {
  trxNo: string;
  mchOrderNo?: string | null | undefined;
  status: string;
  amount?: unknown;
  currency?: string | null | undefined;
}

/** A page of payments. */
export interface PaymentPageLike {
  records: readonly PaymentLike[];
  total?: number | undefined;
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
