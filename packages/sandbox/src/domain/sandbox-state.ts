/** @module Everything the sandbox remembers, with its identifier generators. */
import { randomBytes } from 'node:crypto';
import { IdSequence } from './id-sequence.js';
import type { BillRecord, PaymentRecord, RefundRecord, SubscriptionRecord } from './records.js';

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
  readonly paymentsByOrderNo = new Map<string, PaymentRecord>();
  readonly paymentsBySession = new Map<string, PaymentRecord>();
  /** The latest hosted-page checkout of each `mchSubscriptionNo`. */
  readonly checkoutsBySubscriptionNo = new Map<string, PaymentRecord>();
  readonly subscriptions = new Map<number, SubscriptionRecord>();
  readonly bills: BillRecord[] = [];
  readonly refunds: RefundRecord[] = [];
  readonly #ids: IdSequence;

  /** `ids`: the sandbox's shared counters (each merchant has its own state, one sequence). */
  constructor(ids: IdSequence = new IdSequence()) {
    this.#ids = ids;
  }

  /** `TRX` + digits: the sandbox time and a sequence number. */
  nextTrxNo(now: number): string {
    return `TRX${digitsOf(now)}${String(this.#ids.next('seq')).padStart(6, '0')}`;
  }

  /** The gateway's own order number. */
  nextGatewayOrderNo(): string {
    return `GW${randomBytes(8).toString('hex').toUpperCase()}`;
  }

  /** `RFD` + digits. */
  nextRefundNo(now: number): string {
    return `RFD${digitsOf(now)}${String(this.#ids.next('seq')).padStart(6, '0')}`;
  }

  /** An unguessable hosted-page session id. */
  nextSessionId(): string {
    return `hpp_${randomBytes(16).toString('hex')}`;
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
    this.paymentsByOrderNo.clear();
    this.paymentsBySession.clear();
    this.checkoutsBySubscriptionNo.clear();
    this.subscriptions.clear();
    this.bills.length = 0;
    this.refunds.length = 0;
  }

  /** Adds a payment to every index. */
  addPayment(payment: PaymentRecord, indexOrderNo: boolean): void {
    this.payments.set(payment.trxNo, payment);
    if (indexOrderNo) this.paymentsByOrderNo.set(payment.request.mchOrderNo, payment);
    if (payment.sessionId) this.paymentsBySession.set(payment.sessionId, payment);
    const { mchSubscriptionNo } = payment.request;
    if (indexOrderNo && mchSubscriptionNo) {
      this.checkoutsBySubscriptionNo.set(mchSubscriptionNo, payment);
    }
  }

  /** Payments, newest first. */
  paymentList(): PaymentRecord[] {
    return [...this.payments.values()].reverse();
  }

  /** Subscriptions, newest first. */
  subscriptionList(): SubscriptionRecord[] {
    return [...this.subscriptions.values()].reverse();
  }
}

function digitsOf(ms: number): string {
  return new Date(ms).toISOString().replace(/\D/g, '').slice(0, 14);
}
