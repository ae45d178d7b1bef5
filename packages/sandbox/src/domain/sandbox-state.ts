/** @module Everything the sandbox remembers, with its identifier generators. */
import { type Page, paginate } from '../api/routes/paginate.js';
import { CreationOrder } from './creation-order.js';
import { IdSequence } from './id-sequence.js';
import { randomHex } from './random-hex.js';
import type { BillRecord, PaymentRecord, RefundRecord, SubscriptionRecord } from './records.js';

/**
 * How much one merchant's state may hold.
 *
 * @example
 * ```ts
 * new SandboxState(new IdSequence(), { maxPayments: 50_000 });
 * ```
 */
export interface StateLimits {
  /** Payments kept; beyond it the oldest is forgotten with its refunds (default: no limit). */
  maxPayments?: number;
}

/**
 * Everything the sandbox remembers, in memory, with its identifier generators. Lookups only: the
 * rules live in `Ledger`.
 *
 * @example
 * ```ts
 * const state = new SandboxState();
 * state.nextTrxNo(Date.now()); // 'TRX20260423100000000001'
 * ```
 */
export class SandboxState {
  readonly payments = new Map<string, PaymentRecord>();
  /** The same payments in creation order: list pages are cut from it in O(page). */
  readonly paymentOrder = new CreationOrder<PaymentRecord>();
  readonly paymentsByOrderNo = new Map<string, PaymentRecord>();
  readonly paymentsBySession = new Map<string, PaymentRecord>();
  /** The latest hosted-page checkout of each `mchSubscriptionNo`. */
  readonly checkoutsBySubscriptionNo = new Map<string, PaymentRecord>();
  readonly subscriptions = new Map<number, SubscriptionRecord>();
  readonly bills: BillRecord[] = [];
  /** Each subscription's bills, oldest first (the same records as `bills`). */
  readonly billsBySubscription = new Map<number, BillRecord[]>();
  readonly refunds: RefundRecord[] = [];
  readonly #ids: IdSequence;
  readonly #maxPayments: number;

  /**
   * `ids`: the sandbox's shared counters (each merchant has its own state, one sequence);
   * `limits`: how much it may hold.
   */
  constructor(ids: IdSequence = new IdSequence(), limits: StateLimits = {}) {
    this.#ids = ids;
    this.#maxPayments = limits.maxPayments ?? Number.POSITIVE_INFINITY;
  }

  /** `TRX` + digits: the sandbox time and a sequence number. */
  nextTrxNo(now: number): string {
    return `TRX${digitsOf(now)}${String(this.#ids.next('seq')).padStart(6, '0')}`;
  }

  /** The gateway's own order number. */
  nextGatewayOrderNo(): string {
    return `GW${randomHex(8).toUpperCase()}`;
  }

  /** `RFD` + digits. */
  nextRefundNo(now: number): string {
    return `RFD${digitsOf(now)}${String(this.#ids.next('seq')).padStart(6, '0')}`;
  }

  /** An unguessable hosted-page session id. */
  nextSessionId(): string {
    return `hpp_${randomHex(16)}`;
  }

  nextPaymentId(): number {
    return this.#ids.next('payment');
  }

  nextSubscriptionId(): number {
    return this.#ids.next('subscription');
  }

  nextBillId(): number {
    return this.#ids.next('bill');
  }

  /** Forgets every record; identifiers keep counting, so none is ever handed out twice. */
  clear(): void {
    this.payments.clear();
    this.paymentOrder.clear();
    this.billsBySubscription.clear();
    this.paymentsByOrderNo.clear();
    this.paymentsBySession.clear();
    this.checkoutsBySubscriptionNo.clear();
    this.subscriptions.clear();
    this.bills.length = 0;
    this.refunds.length = 0;
  }

  /** Adds a payment to every index; beyond `maxPayments`, forgets the oldest. */
  addPayment(payment: PaymentRecord, indexOrderNo: boolean): void {
    this.payments.set(payment.trxNo, payment);
    this.paymentOrder.push(payment);
    if (indexOrderNo) this.paymentsByOrderNo.set(payment.request.mchOrderNo, payment);
    if (payment.sessionId) this.paymentsBySession.set(payment.sessionId, payment);
    const { mchSubscriptionNo } = payment.request;
    if (indexOrderNo && mchSubscriptionNo) {
      this.checkoutsBySubscriptionNo.set(mchSubscriptionNo, payment);
    }
    while (this.paymentOrder.size > this.#maxPayments) this.#forgetOldestPayment();
  }

  /** Adds a bill to the list and to its subscription's. */
  addBill(bill: BillRecord): void {
    this.bills.push(bill);
    const ofSubscription = this.billsBySubscription.get(bill.subscriptionId);
    if (ofSubscription) ofSubscription.push(bill);
    else this.billsBySubscription.set(bill.subscriptionId, [bill]);
  }

  /**
   * A hosted-page session long over: its page is forgotten (it answers 404 from then on); the
   * payment stays.
   */
  forgetSession(payment: PaymentRecord): void {
    if (payment.sessionId && this.paymentsBySession.get(payment.sessionId) === payment) {
      this.paymentsBySession.delete(payment.sessionId);
    }
  }

  /** Payments, newest first. */
  paymentList(): PaymentRecord[] {
    return [...this.paymentOrder.newestFirst()];
  }

  /**
   * One page of payments, newest first: in O(page) with no filter (or one `mchOrderNo`), in one
   * pass over the payments without copying them otherwise.
   */
  paymentPage(
    pageNo: number,
    pageSize: number,
    filter?: {
      mchOrderNo?: string | undefined;
      matches?: ((payment: PaymentRecord) => boolean) | undefined;
    },
  ): Page<PaymentRecord> {
    const matches = filter?.matches;
    if (filter?.mchOrderNo !== undefined) {
      // A mchOrderNo names one checkout; its renewals share it (they are found by the scan).
      const checkout = this.paymentsByOrderNo.get(filter.mchOrderNo);
      if (checkout && checkout.request.payMode !== 'SUBSCRIPTION') {
        const found = !matches || matches(checkout) ? [checkout] : [];
        return paginate(found, pageNo, pageSize);
      }
    }
    if (!matches && filter?.mchOrderNo === undefined) {
      const records = this.paymentOrder.page(pageNo, pageSize);
      return { records, total: this.paymentOrder.size, pageSize, pageNo };
    }
    const wanted = (payment: PaymentRecord) =>
      (filter?.mchOrderNo === undefined || payment.request.mchOrderNo === filter.mchOrderNo) &&
      (!matches || matches(payment));
    const start = (pageNo - 1) * pageSize;
    const records: PaymentRecord[] = [];
    let total = 0;
    for (const payment of this.paymentOrder.newestFirst()) {
      if (!wanted(payment)) continue;
      if (total >= start && records.length < pageSize) records.push(payment);
      total += 1;
    }
    return { records, total, pageSize, pageNo };
  }

  #forgetOldestPayment(): void {
    const payment = this.paymentOrder.dropOldest();
    if (!payment) return;
    this.payments.delete(payment.trxNo);
    const { mchOrderNo, mchSubscriptionNo } = payment.request;
    if (this.paymentsByOrderNo.get(mchOrderNo) === payment)
      this.paymentsByOrderNo.delete(mchOrderNo);
    this.forgetSession(payment);
    if (mchSubscriptionNo && this.checkoutsBySubscriptionNo.get(mchSubscriptionNo) === payment) {
      this.checkoutsBySubscriptionNo.delete(mchSubscriptionNo);
    }
    // Refunds come after their payment: the leading ones of forgotten payments go with them.
    while (this.refunds.length > 0 && !this.payments.has(this.refunds[0]?.trxNo ?? '')) {
      this.refunds.shift();
    }
  }

  /** Subscriptions, newest first. */
  subscriptionList(): SubscriptionRecord[] {
    return [...this.subscriptions.values()].reverse();
  }
}

/** The last second spelt by {@link digitsOf}: ids made in the same second share it. */
let lastSecond = Number.NaN;
let lastDigits = '';

/** `YYYYMMDDHHMMSS` of a time (UTC). */
function digitsOf(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastDigits = new Date(ms).toISOString().replace(/\D/g, '').slice(0, 14);
    lastSecond = second;
  }
  return lastDigits;
}
