/** @module The rules of money: payments, refunds, subscriptions and bills, and their events. */
import { refuse } from '../api/api-error.js';
import type { SchedulingClock } from './clock-scope.js';
import { DueQueue } from './due-queue.js';
import { fromMinor } from './money.js';
import {
  type BillRecord,
  type CheckoutRequest,
  immediateFailureOf,
  type PaymentRecord,
  type RefundRecord,
  type SubscriptionRecord,
  type TestCard,
  type ThreeDSOutcome,
} from './records.js';
import type { SandboxState } from './sandbox-state.js';
import { addIntervals } from './time-format.js';
import { billView, paymentView, subscriptionView, type ViewSettings } from './views.js';

/** Emits a webhook event. */
export type EmitEvent = (eventType: string, data: unknown) => void;

/** What the ledger needs. */
export interface LedgerOptions {
  state: SandboxState;
  clock: SchedulingClock;
  emit: EmitEvent;
  views: ViewSettings;
  sessionTtlMs: number;
  /** How long a hosted page answers after its session ended, before it is forgotten (404). */
  sessionRetentionMs: number;
  /** Real delay of the slow card, already divided by `timeScale`. */
  slowCardMs: number;
  /** Consecutive failed renewals that make a subscription `EXPIRED`. */
  maxFailedRenewals: number;
}

/** Fields compared when a `mchOrderNo` is re-used. */
const COMPARED: ReadonlyArray<keyof CheckoutRequest> = [
  'amountMinor',
  'currency',
  'payMode',
  'successUrl',
  'cancelUrl',
  'description',
  'customerEmail',
  'mchSubscriptionNo',
  'intervalUnit',
  'intervalCount',
];

/** Terms of a subscription: a re-used `mchSubscriptionNo` must carry the same. */
const SUBSCRIPTION_TERMS: ReadonlyArray<keyof CheckoutRequest> = [
  'amountMinor',
  'currency',
  'intervalUnit',
  'intervalCount',
  'description',
  'customerEmail',
];

/**
 * The business rules: sessions become payments, cards succeed or fail, refunds reduce what is
 * refundable, subscriptions bill as the clock passes each interval. Every state change emits its
 * webhook event.
 *
 * @example
 * ```ts
 * const { payment } = ledger.createCheckout(request);
 * ledger.pay(payment.trxNo, 'success'); // PAID, emits credit_card.order.paid
 * ```
 */
export class Ledger {
  readonly #options: LedgerOptions;
  /** Sessions by expiry time: every session lives `sessionTtlMs`, so they expire in order. */
  readonly #expiries: DueQueue<PaymentRecord>;
  /** Ended sessions whose page is forgotten `sessionRetentionMs` after they expired. */
  readonly #forgettings: DueQueue<PaymentRecord>;

  constructor(options: LedgerOptions) {
    this.#options = options;
    this.#expiries = new DueQueue(options.clock, (payment) => {
      this.expire(payment.trxNo);
      this.#forgettings.push(payment.expiresAt + options.sessionRetentionMs, payment);
    });
    this.#forgettings = new DueQueue(options.clock, (payment) =>
      options.state.forgetSession(payment),
    );
  }

  /**
   * Plans again what the state's records wait for (after a restart from a `--data` file): session
   * expiries, forgetting of ended sessions, slow cards and subscription bills. Due ones run at once,
   * in time order.
   */
  resume(): void {
    const { state, clock, slowCardMs } = this.#options;
    for (const payment of state.paymentOrder.toArray()) {
      if (payment.sessionId === null) continue;
      if (payment.status === 'PAYING' && payment.submittedCard === 'slow') {
        clock.at(payment.updatedAt + slowCardMs, () => {
          if (payment.status === 'PAYING') this.#markPaid(payment);
        });
      }
      this.#expiries.push(payment.expiresAt, payment);
    }
    for (const sub of state.subscriptions.values()) {
      const dueAt = sub.nextBillAt;
      if (dueAt === null || (sub.status !== 'ACTIVE' && sub.status !== 'PAST_DUE')) continue;
      clock.at(dueAt, () => this.#renew(sub, dueAt));
    }
  }

  /** Forgets the planned expiries (a merchant's reset; the state is cleared beside it). */
  clear(): void {
    this.#expiries.clear();
    this.#forgettings.clear();
  }

  /** Creates a session, or returns the same one for the same `mchOrderNo` and content. */
  createCheckout(request: CheckoutRequest): { payment: PaymentRecord; reused: boolean } {
    const { state, clock } = this.#options;
    const existing = state.paymentsByOrderNo.get(request.mchOrderNo);
    if (existing) {
      refuseOtherContent('mchOrderNo', existing.request, request, COMPARED);
      return { payment: existing, reused: true };
    }
    this.#checkSubscriptionNo(request);
    const now = clock.now();
    const payment: PaymentRecord = {
      id: state.nextPaymentId(),
      trxNo: state.nextTrxNo(now),
      gatewayOrderNo: state.nextGatewayOrderNo(),
      sessionId: state.nextSessionId(),
      request,
      status: 'PAYING',
      createdAt: now,
      updatedAt: now,
      expiresAt: now + this.#options.sessionTtlMs,
      paidAt: null,
      submittedCard: null,
      challenge: null,
      failureReason: null,
      refundedMinor: 0,
      subscriptionId: null,
    };
    state.addPayment(payment, true);
    this.#expiries.push(payment.expiresAt, payment);
    return { payment, reused: false };
  }

  /** The payment or a 404 refusal naming the identifier. */
  payment(trxNo: string): PaymentRecord {
    const payment = this.#options.state.payments.get(trxNo);
    if (!payment) throw refuse('notFound', `trxNo: no payment ${trxNo}`);
    return payment;
  }

  /** Whether the hosted page still takes a card for this payment. */
  isOpen(payment: PaymentRecord): boolean {
    return (
      payment.status === 'PAYING' &&
      payment.submittedCard === null &&
      payment.expiresAt > this.#options.clock.now()
    );
  }

  /** Completes the hosted page with a test card. */
  pay(trxNo: string, card: TestCard): PaymentRecord {
    const payment = this.#open(trxNo);
    payment.submittedCard = card;
    payment.updatedAt = this.#options.clock.now();
    const failure = immediateFailureOf(card, { offSession: false });
    if (failure !== null) this.#markFailed(payment, failure);
    else if (card === 'slow')
      this.#options.clock.after(this.#options.slowCardMs, () => this.#markPaid(payment));
    else if (card === '3ds_challenge') payment.challenge = 'pending';
    else this.#markPaid(payment); // success, 3ds_frictionless
    return payment;
  }

  /** Whether the payment waits for the buyer on its 3-D Secure challenge page. */
  awaitsChallenge(payment: PaymentRecord): boolean {
    return (
      payment.status === 'PAYING' &&
      payment.challenge === 'pending' &&
      payment.expiresAt > this.#options.clock.now()
    );
  }

  /**
   * Answers the 3-D Secure challenge of a `3ds_challenge` payment: `approve` pays it, `fail`
   * declines it (`authentication_failed`), `abandon` leaves it `PAYING` until its session
   * expires on the sandbox clock. 409 when no challenge is waiting.
   */
  completeChallenge(trxNo: string, outcome: ThreeDSOutcome): PaymentRecord {
    const payment = this.payment(trxNo);
    if (payment.status === 'PAYING' && payment.expiresAt <= this.#options.clock.now()) {
      this.expire(trxNo);
    }
    if (!this.awaitsChallenge(payment)) {
      throw refuse(
        'conflict',
        `trxNo: payment ${trxNo} has no 3-D Secure challenge waiting (it is ${payment.status}${payment.challenge === 'abandoned' ? ', challenge abandoned' : ''})`,
      );
    }
    payment.updatedAt = this.#options.clock.now();
    if (outcome === 'approve') {
      payment.challenge = null;
      this.#markPaid(payment);
    } else if (outcome === 'fail') {
      payment.challenge = null;
      this.#markFailed(payment, 'authentication_failed');
    } else payment.challenge = 'abandoned';
    return payment;
  }

  #markFailed(payment: PaymentRecord, reason: string): void {
    payment.status = 'FAILED';
    payment.failureReason = reason;
    this.#emitPayment('credit_card.order.failed', payment);
  }

  /** Cancels the hosted page: the shopper went back. */
  cancel(trxNo: string): PaymentRecord {
    const payment = this.#open(trxNo);
    payment.status = 'CANCELLED';
    payment.updatedAt = this.#options.clock.now();
    this.#emitPayment('credit_card.order.cancelled', payment);
    return payment;
  }

  /** Where the browser goes once the page is done: success or cancel URL plus trxNo & mchOrderNo. */
  returnUrl(payment: PaymentRecord): string {
    const succeeded = payment.paidAt !== null || payment.submittedCard === 'slow';
    const url = new URL(succeeded ? payment.request.successUrl : payment.request.cancelUrl);
    url.searchParams.set('trxNo', payment.trxNo);
    url.searchParams.set('mchOrderNo', payment.request.mchOrderNo);
    return url.toString();
  }

  /** Refunds part or all of a paid payment; settles at once. */
  refund(trxNo: string, amountMinor: number, reason: string | null): RefundRecord {
    const { state, clock } = this.#options;
    const payment = this.payment(trxNo);
    const { currency } = payment.request;
    const refundable = payment.request.amountMinor - payment.refundedMinor;
    const show = (minor: number) => `${fromMinor(minor, currency)} ${currency}`;
    if (payment.status !== 'PAID' && payment.status !== 'PARTIAL_REFUNDED') {
      throw refuse(
        'notRefundable',
        `amount: payment ${trxNo} is ${payment.status}, nothing is refundable (refundable 0 ${currency})`,
      );
    }
    if (amountMinor > refundable) {
      throw refuse(
        'notRefundable',
        `amount: ${show(amountMinor)} exceeds the refundable ${show(refundable)} of ${trxNo}`,
      );
    }
    const now = clock.now();
    const refund: RefundRecord = {
      refundNo: state.nextRefundNo(now),
      trxNo,
      amountMinor,
      currency,
      reason,
      status: 'SUCCESS',
      createdAt: now,
    };
    state.refunds.push(refund);
    payment.refundedMinor += amountMinor;
    payment.status =
      payment.refundedMinor === payment.request.amountMinor ? 'REFUNDED' : 'PARTIAL_REFUNDED';
    payment.updatedAt = now;
    this.#emitPayment('credit_card.order.refunded', payment);
    return refund;
  }

  /** The subscription or a 404 refusal naming the identifier. */
  subscription(id: number, field = 'id'): SubscriptionRecord {
    const sub = this.#options.state.subscriptions.get(id);
    if (!sub) throw refuse('notFound', `${field}: no subscription ${id}`);
    return sub;
  }

  /** Cancels a subscription: no more bills. Cancelling twice answers the same subscription. */
  cancelSubscription(id: number, reason: string | null): SubscriptionRecord {
    const sub = this.subscription(id);
    if (sub.status === 'CANCELLED' || sub.status === 'EXPIRED') return sub;
    sub.status = 'CANCELLED';
    sub.cancelledAt = this.#options.clock.now();
    sub.cancelReason = reason;
    sub.nextBillAt = null;
    this.#options.emit(
      'credit_card.subscription.cancelled',
      subscriptionView(sub, this.#options.views),
    );
    return sub;
  }

  /**
   * Ends a subscription now (its optional end reached): `EXPIRED`, no more bills,
   * `credit_card.subscription.expired`. An ended or cancelled one is answered as it is.
   */
  expireSubscription(id: number): SubscriptionRecord {
    const sub = this.subscription(id);
    if (sub.status === 'ACTIVE' || sub.status === 'PAST_DUE') this.#expire(sub);
    return sub;
  }

  /** Chooses the card used by a subscription's next renewals (to make a bill fail). */
  setRenewalCard(id: number, card: TestCard): SubscriptionRecord {
    const sub = this.subscription(id);
    sub.renewalCard = card;
    return sub;
  }

  /** Expires an open session (scheduled at creation). */
  expire(trxNo: string): void {
    const payment = this.#options.state.payments.get(trxNo);
    if (payment?.status !== 'PAYING') return;
    // A submitted card settles on its own, except a 3-D Secure challenge nobody answers.
    if (payment.submittedCard !== null && payment.challenge === null) return;
    payment.challenge = null;
    payment.status = 'EXPIRED';
    payment.updatedAt = this.#options.clock.now();
    this.#emitPayment('credit_card.order.expired', payment);
  }

  /**
   * A `mchSubscriptionNo` names one subscription: a new order may re-use it only with the same
   * terms, and only once every earlier checkout for it ended unpaid (a retry after a decline,
   * a cancel or an expiry); otherwise 409, like a re-used `mchOrderNo`.
   */
  #checkSubscriptionNo(request: CheckoutRequest): void {
    const no = request.mchSubscriptionNo;
    const earlier = no === null ? undefined : this.#options.state.checkoutsBySubscriptionNo.get(no);
    if (!earlier) return;
    refuseOtherContent('mchSubscriptionNo', earlier.request, request, SUBSCRIPTION_TERMS);
    if (earlier.status === 'PAYING' || earlier.paidAt !== null) {
      const what = earlier.subscriptionId === null ? 'an open checkout' : 'a subscription';
      throw refuse(
        'conflict',
        `mchSubscriptionNo: ${no} is already used by ${what} (mchOrderNo ${earlier.request.mchOrderNo}, ${earlier.trxNo})`,
      );
    }
  }

  #open(trxNo: string): PaymentRecord {
    const payment = this.payment(trxNo);
    if (payment.status === 'PAYING' && payment.expiresAt <= this.#options.clock.now()) {
      this.expire(trxNo);
    }
    if (!this.isOpen(payment)) {
      const state =
        payment.submittedCard === 'slow'
          ? 'being processed'
          : payment.challenge === 'pending'
            ? 'waiting for its 3-D Secure challenge'
            : payment.status;
      throw refuse('conflict', `trxNo: payment ${trxNo} is ${state}, the page is closed`);
    }
    return payment;
  }

  #markPaid(payment: PaymentRecord): void {
    const now = this.#options.clock.now();
    payment.status = 'PAID';
    payment.paidAt = now;
    payment.updatedAt = now;
    if (payment.request.payMode === 'SUBSCRIPTION') this.#startSubscription(payment, now);
    this.#emitPayment('credit_card.order.paid', payment);
  }

  #startSubscription(payment: PaymentRecord, now: number): void {
    const { state } = this.#options;
    const r = payment.request;
    const sub: SubscriptionRecord = {
      id: state.nextSubscriptionId(),
      mchSubscriptionNo: r.mchSubscriptionNo ?? r.mchOrderNo,
      mchOrderNo: r.mchOrderNo,
      firstTrxNo: payment.trxNo,
      status: 'ACTIVE',
      amountMinor: r.amountMinor,
      currency: r.currency,
      intervalUnit: r.intervalUnit ?? 'month',
      intervalCount: r.intervalCount ?? 1,
      description: r.description,
      customerEmail: r.customerEmail,
      createdAt: now,
      periodsBilled: 1,
      nextBillAt: null,
      cancelledAt: null,
      cancelReason: null,
      expiredAt: null,
      failedRenewals: 0,
      renewalCard: 'success',
    };
    state.subscriptions.set(sub.id, sub);
    payment.subscriptionId = sub.id;
    this.#addBill(sub, payment.trxNo, 'PAID', null, now);
    this.#scheduleNextBill(sub);
  }

  #scheduleNextBill(sub: SubscriptionRecord): void {
    const dueAt = addIntervals(
      sub.createdAt,
      sub.intervalUnit,
      sub.intervalCount * sub.periodsBilled,
    );
    sub.nextBillAt = dueAt;
    this.#options.clock.at(dueAt, () => this.#renew(sub, dueAt));
  }

  #renew(sub: SubscriptionRecord, dueAt: number): void {
    if (sub.nextBillAt !== dueAt || (sub.status !== 'ACTIVE' && sub.status !== 'PAST_DUE')) return;
    const { state } = this.#options;
    sub.periodsBilled += 1;
    const card = sub.renewalCard;
    const reason = immediateFailureOf(card, { offSession: true });
    const failed = reason !== null;
    const first = state.payments.get(sub.firstTrxNo);
    const payment: PaymentRecord = {
      id: state.nextPaymentId(),
      trxNo: state.nextTrxNo(dueAt),
      gatewayOrderNo: state.nextGatewayOrderNo(),
      sessionId: null,
      request: first?.request ?? renewalRequest(sub),
      status: failed ? 'FAILED' : 'PAID',
      createdAt: dueAt,
      updatedAt: dueAt,
      expiresAt: dueAt,
      paidAt: failed ? null : dueAt,
      submittedCard: card,
      challenge: null,
      failureReason: reason,
      refundedMinor: 0,
      subscriptionId: sub.id,
    };
    state.addPayment(payment, false);
    sub.failedRenewals = failed ? sub.failedRenewals + 1 : 0;
    sub.status = failed ? 'PAST_DUE' : 'ACTIVE';
    const ends = sub.failedRenewals >= this.#options.maxFailedRenewals;
    const bill = this.#addBill(sub, payment.trxNo, failed ? 'FAILED' : 'PAID', reason, dueAt);
    if (!ends) this.#scheduleNextBill(sub);
    this.#options.emit(`credit_card.subscription.bill.${failed ? 'failed' : 'paid'}`, {
      subscription: subscriptionView(sub, this.#options.views),
      bill: billView(bill, this.#options.views),
    });
    if (ends) this.#expire(sub);
  }

  #expire(sub: SubscriptionRecord): void {
    sub.status = 'EXPIRED';
    sub.expiredAt = this.#options.clock.now();
    sub.nextBillAt = null;
    this.#options.emit(
      'credit_card.subscription.expired',
      subscriptionView(sub, this.#options.views),
    );
  }

  #addBill(
    sub: SubscriptionRecord,
    trxNo: string,
    status: BillRecord['status'],
    failureReason: string | null,
    at: number,
  ): BillRecord {
    const bill: BillRecord = {
      id: this.#options.state.nextBillId(),
      subscriptionId: sub.id,
      trxNo,
      period: sub.periodsBilled,
      amountMinor: sub.amountMinor,
      currency: sub.currency,
      status,
      failureReason,
      createdAt: at,
    };
    this.#options.state.addBill(bill);
    return bill;
  }

  #emitPayment(eventType: string, payment: PaymentRecord): void {
    this.#options.emit(eventType, paymentView(payment, this.#options.views));
  }
}

/** A 409 naming the re-used identifier and every field whose content differs, if any does. */
function refuseOtherContent(
  field: 'mchOrderNo' | 'mchSubscriptionNo',
  earlier: CheckoutRequest,
  request: CheckoutRequest,
  keys: ReadonlyArray<keyof CheckoutRequest>,
): void {
  const differing = keys.filter((key) => earlier[key] !== request[key]);
  if (differing.length === 0) return;
  const names = differing.map((key) => (key === 'amountMinor' ? 'amount' : key));
  throw refuse(
    'conflict',
    `${field}: ${request[field]} was already used with different content (${names.join(', ')})`,
  );
}

function renewalRequest(sub: SubscriptionRecord): CheckoutRequest {
  return {
    mchOrderNo: sub.mchOrderNo,
    amountMinor: sub.amountMinor,
    currency: sub.currency,
    payMode: 'SUBSCRIPTION',
    successUrl: 'about:blank',
    cancelUrl: 'about:blank',
    description: sub.description,
    customerEmail: sub.customerEmail,
    mchSubscriptionNo: sub.mchSubscriptionNo,
    intervalUnit: sub.intervalUnit,
    intervalCount: sub.intervalCount,
  };
}
