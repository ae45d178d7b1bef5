/** @module The JS handle on one merchant of a sandbox: its state, webhooks, faults and controls. */
import { SANDBOX_DEFAULTS } from './defaults.js';
import { type AdvanceBy, advanceClock } from './domain/advance-clock.js';
import type { PaymentStatus, TestCard, ThreeDSOutcome } from './domain/records.js';
import { type StateSnapshot, stateSnapshot } from './domain/state-snapshot.js';
import { statsOf } from './domain/stats-of.js';
import { type TriggerOptions, type TriggerTarget, triggerEvent } from './domain/trigger-event.js';
import { billView, paymentView, refundView, subscriptionView } from './domain/views.js';
import type { ActiveFault } from './faults/fault-injector.js';
import type { FaultRuleInput } from './faults/fault-rule.js';
import type { SandboxCredentials } from './options.js';
import type { RequestLogEntry, SandboxContext, SandboxStats } from './sandbox-context.js';
import { runScenario, type ScenarioResult } from './scenarios/run-scenario.js';
import type {
  Delivery,
  DeliveryState,
  WebhookDispatcher,
  WebhookEvent,
} from './webhooks/webhook-dispatcher.js';

/**
 * A payment as the API shows it (wpay-api.md §6), plus where the browser would go.
 *
 * @example
 * ```ts
 * const { status, returnUrl }: SandboxPayment = await sb.pay(trxNo);
 * ```
 */
export type SandboxPayment = Record<string, unknown> & {
  trxNo: string;
  status: string;
  returnUrl: string;
};

/**
 * Read access to what a merchant holds (fresh copies on every read).
 *
 * @example
 * ```ts
 * sb.state.payments.filter((p) => p.status === 'PAID').length;
 * ```
 */
export interface SandboxStateView {
  readonly payments: Record<string, unknown>[];
  readonly subscriptions: Record<string, unknown>[];
  readonly bills: Record<string, unknown>[];
  readonly refunds: Record<string, unknown>[];
  /** One payment, or `undefined`. */
  payment(trxNo: string): Record<string, unknown> | undefined;
  /** Everything at once. */
  snapshot(): StateSnapshot;
}

/**
 * What `waitForDeliveries` waits for.
 *
 * @example
 * ```ts
 * await sb.waitForDeliveries({ eventType: 'credit_card.order.paid', count: 2, timeoutMs: 5_000 });
 * ```
 */
export interface WaitForDeliveries {
  /** How many matching deliveries (default 1). */
  count?: number;
  eventType?: string;
  /** Default `delivered`. */
  state?: DeliveryState;
  /** Give up after this many real ms (default 10 000). */
  timeoutMs?: number;
}

/**
 * The `WPAY_*` environment variables a shop reads its settings from.
 *
 * @example
 * ```ts
 * const env: SandboxEnvVars = sb.merchant('north').env;
 * ```
 */
export type SandboxEnvVars = Record<
  'WPAY_BASE_URL' | 'WPAY_API_KEY' | 'WPAY_API_SECRET' | 'WPAY_SIGN_KEY',
  string
>;

/**
 * One merchant of a running sandbox: everything below acts on this merchant's own state
 * (payments, subscriptions, tokens, webhooks, faults, counters) and nobody else's. The clock is
 * the sandbox's: advancing it moves every merchant's time.
 *
 * @example
 * ```ts
 * const north: SandboxMerchant = sb.merchant('north');
 * await north.pay(trxNo);
 * north.reset(); // the other merchants keep their state
 * ```
 */
export interface SandboxMerchant {
  /** `default` for the merchant of the top-level options. */
  readonly id: string;
  /** Shown on its hosted pages. */
  readonly merchantName: string;
  /** The WPay base URL, e.g. `http://127.0.0.1:54321` (the same for every merchant). */
  readonly url: string;
  /** This merchant's own control API, `${url}/__sandbox/merchants/${id}`. */
  readonly controlUrl: string;
  /**
   * The sandbox in-process, no socket: a `fetch` for URLs under {@link SandboxMerchant.url}, e.g.
   * `new WPay({ baseUrl: sb.url, fetch: sb.fetch })`. A `timeout` fault rejects it like a failed
   * `fetch` (with the signal's reason once the caller aborts).
   */
  readonly fetch: typeof fetch;
  readonly credentials: SandboxCredentials;
  /** `WPAY_BASE_URL`, `WPAY_API_KEY`, `WPAY_API_SECRET`, `WPAY_SIGN_KEY` of this merchant. */
  readonly env: SandboxEnvVars;
  readonly clock: {
    /** Sandbox time, epoch ms. */
    now(): number;
    /** Moves the clock forward and runs what became due (bills, expiries, slow cards, retries). */
    advance(ms: number): Promise<void>;
    /** Moves by hours/days/calendar months; resolves with the new time. */
    advanceBy(by: AdvanceBy): Promise<number>;
  };
  readonly faults: {
    add(rule: FaultRuleInput): ActiveFault;
    remove(id: number): boolean;
    clear(): void;
    list(): ActiveFault[];
  };
  readonly state: SandboxStateView;
  setWebhookUrl(url: string | undefined): void;
  /**
   * `false` turns on "buyer never returns": a hosted page paid or cancelled in the browser shows
   * a final page and never redirects to the shop (webhooks still go out); `reset()` turns it off.
   */
  setBuyerReturns(returns: boolean): void;
  stats(): SandboxStats;
  /** Log of API calls: method, path, status, retcode, at, fault. */
  requests(): RequestLogEntry[];
  /**
   * Back to a fresh merchant between tests: forgets its payments, subscriptions, bills, refunds,
   * events, deliveries (planned retries never run), fault rules, request log and counters, and
   * restores its webhook URL given at start and loads its fixtures again. The clock, issued tokens and the URL stay, and
   * identifiers keep counting (none is handed out twice).
   */
  reset(): void;
  /**
   * Resolves with the payment once it has `status` (e.g. after the buyer paid in a browser, or
   * the slow card settled); rejects after `timeoutMs` (default 10 000) naming the status it has.
   */
  waitForPayment(
    trxNo: string,
    status: PaymentStatus,
    options?: { timeoutMs?: number },
  ): Promise<Record<string, unknown>>;
  /** Webhook deliveries with their attempts. */
  deliveries(): Delivery[];
  /** Webhook events as sent (body = exact bytes). */
  events(): WebhookEvent[];
  /** Delivers an event again; throws for an unknown event. */
  redeliver(eventId: string): Delivery;
  /** Sends an event on demand for a payment or a subscription; `override` fields replace its data's. */
  trigger(eventType: string, target: TriggerTarget, options?: TriggerOptions): WebhookEvent;
  /**
   * Completes a hosted page with a test card, as the browser would. With `3ds_challenge`,
   * `threeDS` answers the challenge at once (without it the challenge waits:
   * {@link SandboxMerchant.answerChallenge}).
   */
  pay(
    trxNo: string,
    options?: { card?: TestCard; threeDS?: ThreeDSOutcome },
  ): Promise<SandboxPayment>;
  /**
   * Answers the waiting 3-D Secure challenge of a `3ds_challenge` payment: `approve` pays it,
   * `fail` declines it (`authentication_failed`), `abandon` leaves it `PAYING` until its
   * session expires on the sandbox clock; rejects when no challenge waits.
   */
  answerChallenge(trxNo: string, outcome: ThreeDSOutcome): Promise<SandboxPayment>;
  /** Cancels a hosted page, as the browser would. */
  cancel(trxNo: string): Promise<SandboxPayment>;
  /** Makes a subscription's next renewals succeed or fail. */
  setRenewalCard(subscriptionId: number, card: TestCard): void;
  /** Ends a subscription now: `EXPIRED`, no more bills, `credit_card.subscription.expired`. */
  expireSubscription(subscriptionId: number): Record<string, unknown>;
  /**
   * Sets up a named scenario (`refund.partial_then_full`, `checkout.expired`, … see the README)
   * through the same operations the API, the hosted page and the clock use; resolves with what
   * it created. Rejects naming the known scenarios for an unknown name.
   */
  scenario(name: string): Promise<ScenarioResult>;
  /** Resolves when no webhook attempt is running or (with `retries`, default) waiting. */
  idle(options?: { retries?: boolean }): Promise<void>;
  /** Resolves with the matching deliveries once there are `count` of them. */
  waitForDeliveries(options?: WaitForDeliveries): Promise<Delivery[]>;
}

/**
 * The handle on one merchant's context, for a sandbox listening at `url`.
 *
 * @example
 * ```ts
 * const north = sandboxMerchant(ctx, { url, fetch: inProcessFetch });
 * ```
 */
export function sandboxMerchant(
  ctx: SandboxContext,
  { url, fetch }: { url: string; fetch: typeof globalThis.fetch },
): SandboxMerchant {
  const { ledger, state, views, webhooks, faults } = ctx;
  const credentials = { ...ctx.options.credentials };
  const withReturnUrl = (trxNo: string): SandboxPayment => {
    const payment = ledger.payment(trxNo);
    return {
      ...paymentView(payment, views),
      trxNo,
      status: payment.status,
      returnUrl: ledger.returnUrl(payment),
    };
  };
  return {
    id: ctx.merchantId,
    merchantName: ctx.options.merchantName,
    url,
    controlUrl: `${url}${SANDBOX_DEFAULTS.merchantControlPath}/${ctx.merchantId}`,
    fetch,
    credentials,
    env: {
      WPAY_BASE_URL: url,
      WPAY_API_KEY: credentials.apiKey,
      WPAY_API_SECRET: credentials.apiSecret,
      WPAY_SIGN_KEY: credentials.signKey,
    },
    clock: {
      now: () => ctx.clock.now(),
      advance: (ms) => ctx.clock.advance(ms),
      advanceBy: (by) => advanceClock(ctx, by),
    },
    faults: {
      add: (rule) => faults.add(rule),
      remove: (id) => faults.remove(id),
      clear: () => faults.clear(),
      list: () => faults.list(),
    },
    state: {
      get payments() {
        return state.paymentList().map((payment) => paymentView(payment, views));
      },
      get subscriptions() {
        return state
          .subscriptionList()
          .map((subscription) => subscriptionView(subscription, views));
      },
      get bills() {
        return state.bills.map((bill) => billView(bill, views));
      },
      get refunds() {
        return state.refunds.map((refund) => refundView(refund, views));
      },
      payment: (trxNo) => {
        const payment = state.payments.get(trxNo);
        return payment ? paymentView(payment, views) : undefined;
      },
      snapshot: () => stateSnapshot(ctx),
    },
    setWebhookUrl: (next) => {
      ctx.webhookUrl = next;
    },
    setBuyerReturns: (returns) => {
      ctx.buyerReturns = returns;
    },
    stats: () => statsOf(ctx),
    requests: () => ctx.requestLog.map((entry) => ({ ...entry })),
    reset: () => ctx.reset(),
    waitForPayment: (trxNo, status, { timeoutMs = 10_000 } = {}) =>
      waitForPayment(ctx, trxNo, status, timeoutMs),
    deliveries: () => webhooks.deliveries(),
    events: () => webhooks.events(),
    redeliver: (eventId) => {
      const delivery = webhooks.redeliver(eventId);
      if (!delivery) throw new Error(`redeliver: no event ${eventId}`);
      return delivery;
    },
    trigger: (eventType, target, triggerOptions) =>
      triggerEvent(ctx, eventType, target, triggerOptions),
    pay: async (trxNo, { card = 'success', threeDS } = {}) => {
      const payment = ledger.pay(trxNo, card);
      if (threeDS !== undefined && payment.challenge === 'pending') {
        ledger.completeChallenge(trxNo, threeDS);
      }
      return withReturnUrl(trxNo);
    },
    answerChallenge: async (trxNo, outcome) => {
      ledger.completeChallenge(trxNo, outcome);
      return withReturnUrl(trxNo);
    },
    cancel: async (trxNo) => {
      ledger.cancel(trxNo);
      return withReturnUrl(trxNo);
    },
    setRenewalCard: (id, card) => void ledger.setRenewalCard(id, card),
    expireSubscription: (id) => subscriptionView(ledger.expireSubscription(id), views),
    scenario: (name) => runScenario(ctx, name),
    idle: (idleOptions) => webhooks.idle(idleOptions),
    waitForDeliveries: (wait) => waitFor(webhooks, wait),
  };
}

function waitForPayment(
  ctx: SandboxContext,
  trxNo: string,
  status: PaymentStatus,
  timeoutMs: number,
): Promise<Record<string, unknown>> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      const payment = ctx.state.payments.get(trxNo);
      if (payment?.status === status) return resolve(paymentView(payment, ctx.views));
      if (Date.now() - started >= timeoutMs) {
        const has = payment
          ? `it is ${payment.status}`
          : `there is no such payment for merchant ${ctx.merchantId}`;
        return reject(
          new Error(`waitForPayment: ${trxNo} not ${status} after ${timeoutMs} ms (${has})`),
        );
      }
      setTimeout(check, 10);
    };
    check();
  });
}

function waitFor(webhooks: WebhookDispatcher, wait: WaitForDeliveries = {}): Promise<Delivery[]> {
  const { count = 1, eventType, state = 'delivered', timeoutMs = 10_000 } = wait;
  const matching = () =>
    webhooks
      .deliveries()
      .filter(
        (delivery) =>
          delivery.state === state && (eventType === undefined || delivery.eventType === eventType),
      );
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      const found = matching();
      if (found.length >= count) return resolve(found);
      if (Date.now() - started >= timeoutMs) {
        return reject(
          new Error(
            `waitForDeliveries: ${found.length} of ${count} ${state} deliveries after ${timeoutMs} ms`,
          ),
        );
      }
      setTimeout(check, 10);
    };
    check();
  });
}
