// The parts of the `WPay` client (from @wpay/server-helper) the shop uses, as structural types:
// a `WPay` instance fits, so does a test double.
import type { SafeRefundOptions, SafeRefundResult } from '@wpay/server-helper';

/** A payment, as the shop reads it from WPay. */
export interface ShopPayment {
  readonly trxNo: string;
  readonly status: string;
  readonly mchOrderNo?: string | null | undefined;
  readonly mchSubscriptionNo?: string | null | undefined;
  readonly amount: number;
  readonly currency: string;
  readonly createTime?: string | null | undefined;
}

/** A subscription, as the shop reads it from WPay. */
export interface ShopSubscription {
  readonly id: number;
  readonly mchSubscriptionNo?: string | null | undefined;
  readonly status: string;
}

/** A subscription bill, as the shop reads it from WPay. */
export interface ShopBill {
  readonly id: number;
  readonly subscriptionId: number;
  readonly amount: number;
  readonly currency: string;
  readonly status: string;
  readonly createdTime?: string | null | undefined;
}

/** A page of records. */
export interface ShopPage<T> {
  readonly records: readonly T[];
  readonly total?: number | undefined;
}

/**
 * What the shop needs from WPay: `wpay` itself.
 *
 * @example
 * ```ts
 * const shopWPay: ShopWPay = new WPay({ apiKey, apiSecret, signKey, baseUrl });
 * ```
 */
export interface ShopWPay {
  readonly payments: {
    retrieve(params: { trxNo: string }): Promise<ShopPayment>;
    list(params: { pageNum: number; pageSize: number }): Promise<ShopPage<ShopPayment>>;
  };
  readonly refunds: {
    /** A refund that never doubles: a lost answer is settled by reading the payment back. */
    createSafely(
      params: { trxNo: string; amount: string; currency?: string; reason?: string },
      options: SafeRefundOptions,
    ): Promise<SafeRefundResult>;
  };
  readonly subscriptions: {
    list(params: { page: number; size: number }): Promise<ShopPage<ShopSubscription>>;
    retrieve(params: { id: number }): Promise<ShopSubscription>;
    cancel(params: { id: number; reason?: string }): Promise<ShopSubscription>;
    bills(params: {
      subscriptionId: number;
      page: number;
      size: number;
    }): Promise<ShopPage<ShopBill>>;
  };
}
