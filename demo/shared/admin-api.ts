// The JSON the merchant server's admin routes answer with, shared by the server and the admin page.
// Amounts are decimal strings in major units ("25.00"), next to the integer minor units.

/** An order row on the admin page. */
export interface AdminOrder {
  readonly mchOrderNo: string;
  readonly sku: string;
  readonly productName: string;
  readonly kind: 'one_time' | 'subscription';
  readonly amount: string;
  readonly currency: string;
  readonly status: string;
  /** The payment status last read from WPay by the shop, or null before any. */
  readonly wpayStatus: string | null;
  readonly trxNo: string | null;
  readonly refunded: string;
  /** What may still be refunded, in major units; "0.00" when nothing. */
  readonly refundable: string;
  readonly createdAt: string;
  readonly paidAt: string | null;
  /**
   * How the order reached its status: which entry point of the fulfilment core saw the
   * transition first (`webhook`, `return page`, `reconciled`, `admin`); null while pending.
   */
  readonly reachedVia: ReachedVia | null;
  /** The expired order this one recovers (a new session for the same purchase), or null. */
  readonly recoveredFrom: string | null;
  /** The orders that recovered this one. */
  readonly recoveredAs: readonly string[];
  /** A signed, single-use recovery link for the buyer, offered while the order is expired. */
  readonly recoveryUrl: string | null;
}

/** The admin's words for the fulfilment core's entry points. */
export type ReachedVia = 'webhook' | 'return page' | 'reconciled' | 'admin';

/** A payment as listed by WPay, beside the shop's orders. */
export interface AdminPayment {
  readonly trxNo: string;
  readonly mchOrderNo: string | null;
  readonly status: string;
  readonly amount: string;
  readonly currency: string;
  readonly createTime: string | null;
}

/** A bill of a subscription, as listed by WPay. */
export interface AdminBill {
  readonly id: number;
  readonly amount: string;
  readonly currency: string;
  readonly status: string;
  readonly createdTime: string;
}

/** A subscription row on the admin page. */
export interface AdminSubscription {
  readonly mchSubscriptionNo: string;
  readonly wpayId: number | null;
  readonly sku: string;
  readonly productName: string;
  readonly status: string;
  readonly amount: string;
  readonly currency: string;
  readonly interval: string;
  readonly createdAt: string;
  /** WPay's bills, or null when WPay could not be asked (see `billsError`). */
  readonly bills: readonly AdminBill[] | null;
  readonly billsError?: string;
}

/** One POST to the webhook endpoint, whatever became of it (a row of the shop's webhook log). */
export interface AdminDelivery {
  readonly id: number;
  readonly receivedAt: string;
  /** As claimed by the body; trustworthy only when `verified`. */
  readonly eventId: string | null;
  readonly eventType: string | null;
  /** What the shop answered. */
  readonly httpStatus: number;
  /** Whether the signature checked out. */
  readonly verified: boolean;
  /** The error code the shop answered with, when it refused the delivery. */
  readonly note: string | null;
}

/** `GET /api/admin/state`. */
export interface AdminState {
  readonly mode: 'sandbox' | 'real';
  /** The embedded sandbox's dashboard (where its clock is moved), or null with real WPay. */
  readonly sandboxDashboard: string | null;
  readonly orders: readonly AdminOrder[];
  /** WPay's payment list, or an error message when WPay could not be asked. */
  readonly payments:
    | { readonly ok: true; readonly records: readonly AdminPayment[] }
    | {
        readonly ok: false;
        readonly error: string;
      };
  readonly subscriptions: readonly AdminSubscription[];
  readonly deliveries: readonly AdminDelivery[];
}

/** `POST /api/admin/refunds`, when WPay accepted the refund. */
export interface AdminRefundResult {
  /** WPay's refund number; null when the refund was confirmed by reading the payment back. */
  readonly refundNo: string | null;
  /**
   * How it was confirmed: WPay answered (`refunded`), its lost answer was settled by reading the
   * payment back (`confirmed_by_readback`), or an earlier attempt had gone through (`already_refunded`).
   */
  readonly outcome: 'refunded' | 'confirmed_by_readback' | 'already_refunded';
  /** An earlier, unsettled refund of the order was resumed instead of making a new one. */
  readonly resumed: boolean;
  /** What was refunded, in major units ("5.00"). */
  readonly amount: string;
  readonly currency: string;
  /** The order after the refund, or null if it vanished meanwhile. */
  readonly order: AdminOrder | null;
}

/** `POST /api/admin/reconcile`: what one sweep did (the server helper's reconcile report). */
export interface AdminReconcileResult {
  /** Orders and subscriptions read back from WPay. */
  readonly checked: number;
  /** Of those, how many had a transition run by this sweep. */
  readonly reconciled: number;
  /** Payments still open at WPay. */
  readonly stillOpen: number;
  /** Orders WPay does not know. */
  readonly notFound: number;
  /** Orders another entry point held meanwhile (the next sweep looks again). */
  readonly busy: number;
  /** Orders that failed (retried by the next sweep). */
  readonly errors: number;
  /** Transitions run, by type (`paid`, `expired`, `subscriptionRenewed`…). */
  readonly transitions: Readonly<Record<string, number>>;
}

/** The error body of every admin route (the same shape as the checkout handler's). */
export interface AdminError {
  readonly error: { readonly code: string; readonly message: string };
}
