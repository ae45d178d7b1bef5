/** @module Starts a sandbox: builds the context, serves the core over node:http, returns the handle. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandboxApp } from './create-sandbox-app.js';
import { SANDBOX_DEFAULTS } from './defaults.js';
import { Ledger } from './domain/ledger.js';
import {
  type AdvanceBy,
  advanceClock,
  type StateSnapshot,
  stateSnapshot,
  statsOf,
  type TriggerOptions,
  type TriggerTarget,
  triggerEvent,
} from './domain/operations.js';
import type { PaymentStatus, TestCard } from './domain/records.js';
import { SandboxClock } from './domain/sandbox-clock.js';
import { SandboxState } from './domain/sandbox-state.js';
import { TokenAuthority } from './domain/token-authority.js';
import {
  billView,
  paymentView,
  refundView,
  subscriptionView,
  type ViewSettings,
} from './domain/views.js';
import { type ActiveFault, FaultInjector } from './faults/fault-injector.js';
import type { FaultRuleInput } from './faults/fault-rule.js';
import { ConnectionDrop } from './http/connection-drop.js';
import { ownOriginsOf } from './http/cross-site.js';
import { resolveOptions, type SandboxCredentials, type SandboxOptions } from './options.js';
import type { RequestLogEntry, SandboxContext, SandboxStats } from './sandbox-context.js';
import { nodeListenerOf } from './serve-node.js';
import {
  type Delivery,
  type DeliveryState,
  WebhookDispatcher,
  type WebhookEvent,
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
 * Read access to what the sandbox holds (fresh copies on every read).
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
 * A running sandbox.
 *
 * @example
 * ```ts
 * const sb: Sandbox = await startSandbox({ timeScale: 1000 });
 * await sb.close();
 * ```
 */
export interface Sandbox {
  /** The WPay base URL, e.g. `http://127.0.0.1:54321`. */
  readonly url: string;
  /**
   * The sandbox in-process, no socket: a `fetch` for URLs under {@link Sandbox.url}, e.g.
   * `new WPay({ baseUrl: sb.url, fetch: sb.fetch })`. A `timeout` fault rejects it like a failed
   * `fetch` (with the signal's reason once the caller aborts).
   */
  readonly fetch: typeof fetch;
  readonly credentials: SandboxCredentials;
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
   * Back to a fresh sandbox between tests: forgets payments, subscriptions, bills, refunds,
   * events, deliveries (planned retries never run), fault rules, the request log and the
   * counters, and restores the webhook URL given at start. The clock, issued tokens and the
   * URL stay, and identifiers keep counting (none is handed out twice).
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
  /** Completes a hosted page with a test card, as the browser would. */
  pay(trxNo: string, options?: { card?: TestCard }): Promise<SandboxPayment>;
  /** Cancels a hosted page, as the browser would. */
  cancel(trxNo: string): Promise<SandboxPayment>;
  /** Makes a subscription's next renewals succeed or fail. */
  setRenewalCard(subscriptionId: number, card: TestCard): void;
  /** Ends a subscription now: `EXPIRED`, no more bills, `credit_card.subscription.expired`. */
  expireSubscription(subscriptionId: number): Record<string, unknown>;
  /** Resolves when no webhook attempt is running or (with `retries`, default) waiting. */
  idle(options?: { retries?: boolean }): Promise<void>;
  /** Resolves with the matching deliveries once there are `count` of them. */
  waitForDeliveries(options?: WaitForDeliveries): Promise<Delivery[]>;
  /** Stops everything: server, held requests, timers, webhook attempts. */
  close(): Promise<void>;
}

/**
 * Starts a local WPay: the API of wpay-api.md, a hosted payment page, signed webhooks with WPay's
 * retry schedule, faults on demand, a dashboard at `/` and a control API at `/__sandbox/`.
 *
 * @example
 * ```ts
 * import { startSandbox } from '@wpay/sandbox';
 * const sb = await startSandbox({ port: 0, webhookUrl: 'http://127.0.0.1:3000/hooks', timeScale: 1000 });
 * console.log(sb.url, sb.credentials.apiKey);
 * await sb.close();
 * ```
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const settings = resolveOptions(options);
  const closing = new AbortController();
  const clock = new SandboxClock({
    onError: (error) =>
      settings.logger.error('scheduled job failed', {
        error: error instanceof Error ? error.message : String(error),
      }),
  });
  const protocol = settings.defaults;
  const views: ViewSettings = {
    timeZoneOffsetMinutes: protocol.timeZoneOffsetMinutes,
    channelId: protocol.channelId,
    paymentMethod: protocol.paymentMethod,
    processingFeePercent: protocol.processingFeePercent,
    processingFeeFixed: protocol.processingFeeFixed,
    gatewayAvailableDays: protocol.gatewayAvailableDays,
  };
  const state = new SandboxState();
  const faults = new FaultInjector(settings.seed, settings.faults);
  let ctx: SandboxContext | undefined;
  const stats = {
    tokenRequests: 0,
    requests: 0,
    refusals: 0,
    checkouts: 0,
    webhookAttempts: 0,
    webhooksDelivered: 0,
  };
  const webhooks = new WebhookDispatcher({
    clock,
    faults,
    logger: settings.logger,
    signKey: settings.credentials.signKey,
    signatureHeader: settings.signatureHeader,
    timestampHeader: settings.timestampHeader,
    retryDelaysMs: protocol.webhookRetryScheduleSeconds.map(
      (seconds) => (seconds * 1000) / settings.timeScale,
    ),
    timeoutMs: settings.webhookTimeoutMs,
    reorderDelayMs: SANDBOX_DEFAULTS.reorderDelayMs / settings.timeScale,
    ackBody: protocol.webhookAckBody,
    bodyExcerptChars: SANDBOX_DEFAULTS.bodyExcerptChars,
    timeZoneOffsetMinutes: protocol.timeZoneOffsetMinutes,
    url: () => ctx?.webhookUrl,
    onAttempt: (delivery, attempt) => {
      stats.webhookAttempts += 1;
      if (delivery.state === 'delivered') stats.webhooksDelivered += 1;
      settings.logger.debug('webhook attempt', {
        eventId: delivery.eventId,
        status: attempt.status,
        error: attempt.error,
      });
    },
  });
  const ledger = new Ledger({
    state,
    clock,
    views,
    emit: (eventType, data) => void webhooks.emit(eventType, data),
    sessionTtlMs: settings.sessionTtlSeconds * 1000,
    slowCardMs: (settings.slowCardSeconds * 1000) / settings.timeScale,
    maxFailedRenewals: settings.maxFailedRenewals,
  });
  const tokens = new TokenAuthority({
    now: () => clock.now(),
    tokenTtlSeconds: settings.tokenTtlSeconds,
    refreshTokenTtlSeconds: settings.refreshTokenTtlSeconds,
  });
  const context: SandboxContext = {
    options: settings,
    clock,
    state,
    ledger,
    tokens,
    faults,
    webhooks,
    views,
    stats,
    requestLog: [],
    closing: closing.signal,
    publicUrl: '',
    ownOrigins: [],
    webhookUrl: settings.webhookUrl,
    buyerReturns: true,
    reset: () => {
      clock.clear();
      state.clear();
      webhooks.reset();
      faults.reset();
      context.requestLog.length = 0;
      for (const key of Object.keys(stats) as Array<keyof typeof stats>) stats[key] = 0;
      context.webhookUrl = settings.webhookUrl;
      context.buyerReturns = true;
    },
  };
  ctx = context;

  const app = createSandboxApp(context);
  let baseUrl = '';
  const server = createServer(
    nodeListenerOf(app, { baseUrl: () => baseUrl, logger: settings.logger }),
  );
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const reachable =
    settings.host === '0.0.0.0' ? '127.0.0.1' : settings.host === '::' ? '::1' : settings.host;
  const host = reachable.includes(':') ? `[${reachable}]` : reachable;
  const url = `http://${host}:${port}`;
  baseUrl = url;
  context.publicUrl = settings.publicUrl ?? url;
  context.ownOrigins = ownOriginsOf([url, context.publicUrl]);
  settings.logger.info('sandbox listening', { url, publicUrl: context.publicUrl });

  const withReturnUrl = (trxNo: string): SandboxPayment => {
    const payment = ledger.payment(trxNo);
    return {
      ...paymentView(payment, views),
      trxNo,
      status: payment.status,
      returnUrl: ledger.returnUrl(payment),
    };
  };
  let closed: Promise<void> | undefined;

  const inProcessFetch = async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    try {
      return await app.fetch(request);
    } catch (error) {
      if (!(error instanceof ConnectionDrop)) throw error;
      if (request.signal.aborted) throw request.signal.reason;
      throw new TypeError('fetch failed', { cause: error });
    }
  };

  return {
    url,
    fetch: inProcessFetch,
    credentials: { ...settings.credentials },
    clock: {
      now: () => clock.now(),
      advance: (ms) => clock.advance(ms),
      advanceBy: (by) => advanceClock(context, by),
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
      snapshot: () => stateSnapshot(context),
    },
    setWebhookUrl: (next) => {
      context.webhookUrl = next;
    },
    setBuyerReturns: (returns) => {
      context.buyerReturns = returns;
    },
    stats: () => statsOf(context),
    requests: () => context.requestLog.map((entry) => ({ ...entry })),
    reset: () => context.reset(),
    waitForPayment: (trxNo, status, { timeoutMs = 10_000 } = {}) =>
      waitForPayment(context, trxNo, status, timeoutMs),
    deliveries: () => webhooks.deliveries(),
    events: () => webhooks.events(),
    redeliver: (eventId) => {
      const delivery = webhooks.redeliver(eventId);
      if (!delivery) throw new Error(`redeliver: no event ${eventId}`);
      return delivery;
    },
    trigger: (eventType, target, triggerOptions) =>
      triggerEvent(context, eventType, target, triggerOptions),
    pay: async (trxNo, { card = 'success' } = {}) => {
      ledger.pay(trxNo, card);
      return withReturnUrl(trxNo);
    },
    cancel: async (trxNo) => {
      ledger.cancel(trxNo);
      return withReturnUrl(trxNo);
    },
    setRenewalCard: (id, card) => void ledger.setRenewalCard(id, card),
    expireSubscription: (id) => subscriptionView(ledger.expireSubscription(id), views),
    idle: (idleOptions) => webhooks.idle(idleOptions),
    waitForDeliveries: (wait) => waitFor(webhooks, wait),
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        closing.abort();
        webhooks.close();
        clock.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
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
        const has = payment ? `it is ${payment.status}` : 'there is no such payment';
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
