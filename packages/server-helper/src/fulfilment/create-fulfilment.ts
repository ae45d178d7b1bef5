/**
 * `wpay.fulfilment()`: every entry point (webhook, return page, reconciliation sweep, admin
 * action) hands a `trxNo` or a subscription id to this core, which reads the current object from
 * WPay (a webhook or a redirect is a hint, never proof), applies the monotonic transition table
 * (payment-steps.ts, subscription-steps.ts) and runs each side effect once per transition.
 *
 * One entry point at a time holds a payment (`<trxNo>:lock`, a lease in the store) and reads it
 * *after* taking the hold, so every reader sees the newest state and the transitions run in
 * order. A side effect that throws releases its claim: the next entry point retries it.
 *
 * @module
 */
import { EVENT_TYPES, type EventDataKind } from '@wpay/protocol';
import { DEFAULTS } from '../defaults.js';
import { paymentOutcome } from '../handlers/payment-outcome.js';
import { type Logger, silentLogger } from '../logger.js';
import { paginate } from '../resources/paginate.js';
import type { PaymentsResource } from '../resources/payments.js';
import type { SubscriptionsResource } from '../resources/subscriptions.js';
import type { Payment } from '../schemas/payments.js';
import type { Bill, Subscription } from '../schemas/subscriptions.js';
import { MemoryClaimStore } from '../stores/memory-claim-store.js';
import type { KnownWebhookEventType, WebhookEvent } from '../webhooks/webhook-event.js';
import { type ClaimSettings, type FulfilmentStore, hold, isDone, runOnce } from './claim-once.js';
import {
  type CallTiming,
  callMsOf,
  fulfilmentLeaseMs,
  positiveInteger,
} from './fulfilment-timing.js';
import { paymentSteps, refundedAmountOf } from './payment-steps.js';
import { type ReconcileOptions, type ReconcileReport, reconcile } from './reconcile.js';
import { createReconcileHandler, type ReconcileHandlerOptions } from './reconcile-handler.js';
import { subscriptionKey, subscriptionSteps } from './subscription-steps.js';
import type {
  FulfilmentHandlers,
  PaymentTransition,
  SubscriptionTransition,
  TransitionSource,
} from './transition.js';

/**
 * What the core reads from WPay: `wpay` itself fits.
 *
 * @example
 * ```ts
 * const client: FulfilmentClient = wpay;
 * ```
 */
export interface FulfilmentClient {
  payments: Pick<PaymentsResource, 'retrieve' | 'list'>;
  subscriptions: Pick<SubscriptionsResource, 'retrieve' | 'bills'>;
  /** The client's call timing (`wpay.settings`): the default lease outlives its worst-case call. */
  settings?: CallTiming | undefined;
}

/**
 * Options of {@link createFulfilment} (`wpay.fulfilment(options)`).
 *
 * @example
 * ```ts
 * const options: FulfilmentOptions = {
 *   store: new RedisClaimStore(redis, { prefix: 'shop:fulfilment:' }),
 *   on: { paid: ({ payment }) => orders.ship(payment.mchOrderNo) },
 * };
 * ```
 */
export interface FulfilmentOptions {
  /** Where transitions are claimed. Default a `MemoryClaimStore` (one process only). */
  store?: FulfilmentStore;
  /** The side effects. A transition without one is still recorded as done. */
  on?: FulfilmentHandlers;
  /**
   * How long one entry point holds a payment (and each transition's claim) while it reads it from
   * WPay and runs its side effects. Default a worst-case call of the client (44 min with the
   * default timing) plus `sideEffectsMs`; a value shorter than that call is refused.
   */
  leaseMs?: number;
  /** How long the side effects of one payment may take, for the default `leaseMs`. Default 5 min. */
  sideEffectsMs?: number;
  /** How long an entry point waits for another holding the same payment. Default 10 s. */
  waitMs?: number;
  /** How often a waiting entry point looks again. Default 50 ms. */
  pollIntervalMs?: number;
  /** How long a transition that ran is remembered. Default 400 days. */
  ttlMs?: number;
  /** Attempts at recording a transition done when the store fails. Default 4. */
  completeAttempts?: number;
  /** Where store failures are reported. */
  logger?: Logger;
}

/**
 * What one call of `fulfilment.payment()` did.
 *
 * @example
 * ```ts
 * const { ran, final } = await fulfilment.payment('TRX1', { source: 'admin' });
 * ```
 */
export interface PaymentFulfilment {
  trxNo: string;
  /** The payment as read under the hold (absent when busy). */
  payment?: Payment | undefined;
  /** Whether the payment reached an end (paid, failed, cancelled, expired, refunded…). */
  final: boolean;
  /** Transitions run now, in order. */
  ran: PaymentTransition[];
  /** Keys of transitions that had run before. */
  alreadyDone: string[];
  /** Another entry point held the payment: nothing was done; try again later. */
  busy: boolean;
}

/**
 * What one call of `fulfilment.subscription()` did.
 *
 * @example
 * ```ts
 * const { ran } = await fulfilment.subscription(7, { source: 'reconcile' });
 * ```
 */
export interface SubscriptionFulfilment {
  subscriptionId: number;
  subscription?: Subscription | undefined;
  /** Whether it ended (cancelled or expired). */
  final: boolean;
  ran: SubscriptionTransition[];
  alreadyDone: string[];
  busy: boolean;
}

/**
 * Options of one fulfilment call.
 *
 * @example
 * ```ts
 * await fulfilment.payment(trxNo, { source: 'return' } satisfies FulfilOptions);
 * ```
 */
export interface FulfilOptions {
  /** Which entry point calls. Default `'admin'`. */
  source?: TransitionSource;
}

/**
 * The fulfilment core.
 *
 * @example
 * ```ts
 * const fulfilment: FulfilmentCore = wpay.fulfilment({ on });
 * await fulfilment.payment('TRX1', { source: 'admin' });
 * ```
 */
export interface FulfilmentCore {
  /** Reads payment `trxNo` from WPay and runs the transitions not run yet. */
  payment(trxNo: string, options?: FulfilOptions): Promise<PaymentFulfilment>;
  /** Reads subscription `id` and its bills from WPay and runs the transitions not run yet. */
  subscription(id: number, options?: FulfilOptions): Promise<SubscriptionFulfilment>;
  /**
   * Hands a verified webhook event to the core (`payment` or `subscription` by its type);
   * `undefined` for an unknown event type.
   */
  event(
    event: WebhookEvent,
    options?: FulfilOptions,
  ): Promise<PaymentFulfilment | SubscriptionFulfilment | undefined>;
}

/**
 * The fulfilment core with its sweep: what `wpay.fulfilment()` returns.
 *
 * @example
 * ```ts
 * const fulfilment: Fulfilment = wpay.fulfilment({ store, on });
 * const report = await fulfilment.reconcile({ pending: () => db.openOrders() });
 * export const GET = fulfilment.reconcileHandler({ secret: process.env.CRON_SECRET!, pending: () => db.openOrders() });
 * ```
 */
export interface Fulfilment extends FulfilmentCore {
  /** Sweeps the shop's open orders (see `reconcile`). */
  reconcile(options: ReconcileOptions): Promise<ReconcileReport>;
  /** The endpoint a scheduler calls to sweep, behind a bearer secret. */
  reconcileHandler(options: ReconcileHandlerOptions): (request: Request) => Promise<Response>;
}

/** Which object each known event is about (`EVENT_TYPES` of `@wpay/protocol`). */
const EVENT_SUBJECT: Readonly<Record<KnownWebhookEventType, EventDataKind>> = EVENT_TYPES;

function subscriptionIdOf(event: WebhookEvent & { known: true }): number {
  const data = event.data as { id?: unknown; subscription?: { id?: unknown } };
  const id = EVENT_SUBJECT[event.eventType] === 'bill' ? data.subscription?.id : data.id;
  return Number(id);
}

/**
 * Creates the fulfilment core over a WPay client.
 *
 * @example
 * ```ts
 * const fulfilment = createFulfilment(wpay, {
 *   store: new RedisClaimStore(redis, { prefix: 'shop:fulfilment:' }),
 *   on: {
 *     paid: ({ payment }) => orders.ship(payment.mchOrderNo),
 *     refunded: ({ payment }) => orders.restock(payment.mchOrderNo),
 *   },
 * });
 * await fulfilment.payment('TRX1', { source: 'admin' });
 * ```
 */
export function createFulfilment(
  client: FulfilmentClient,
  {
    store = new MemoryClaimStore(),
    on = {},
    leaseMs,
    sideEffectsMs = DEFAULTS.fulfilment.sideEffectsMs,
    waitMs = DEFAULTS.fulfilment.waitMs,
    pollIntervalMs = DEFAULTS.fulfilment.pollIntervalMs,
    ttlMs = DEFAULTS.fulfilment.ttlMs,
    completeAttempts = DEFAULTS.fulfilment.completeAttempts,
    logger = silentLogger,
  }: FulfilmentOptions = {},
): Fulfilment {
  const callMs = callMsOf(client);
  const effectsMs = positiveInteger('fulfilment.sideEffectsMs', sideEffectsMs);
  const settings: ClaimSettings = {
    store,
    leaseMs: positiveInteger(
      'fulfilment.leaseMs',
      leaseMs ?? fulfilmentLeaseMs(callMs, effectsMs),
      {
        min: callMs,
        why: "a hold must outlive the client's worst-case WPay call",
      },
    ),
    ttlMs: positiveInteger('fulfilment.ttlMs', ttlMs),
    waitMs: positiveInteger('fulfilment.waitMs', waitMs),
    pollIntervalMs: positiveInteger('fulfilment.pollIntervalMs', pollIntervalMs),
    completeAttempts: positiveInteger('fulfilment.completeAttempts', completeAttempts),
    logger,
  };
  const handlers = on as Record<string, ((transition: unknown) => unknown) | undefined>;

  async function payment(
    trxNo: string,
    { source = 'admin' }: FulfilOptions = {},
  ): Promise<PaymentFulfilment> {
    const result: PaymentFulfilment = {
      trxNo,
      final: false,
      ran: [],
      alreadyDone: [],
      busy: false,
    };
    const held = await hold(settings, `${trxNo}:lock`);
    if (!held) return { ...result, busy: true };
    try {
      const current = await client.payments.retrieve({ trxNo });
      result.payment = current;
      result.final = paymentOutcome(current.status).final;
      for (const step of paymentSteps(current)) {
        const blocked = await Promise.all(step.unlessDone.map((key) => isDone(settings, key)));
        if (blocked.includes('busy')) return { ...result, busy: true };
        if (blocked.includes(true)) continue;
        for (const key of step.closes) {
          if ((await runOnce(settings, key, () => undefined)) === 'busy') {
            return { ...result, busy: true };
          }
        }
        const transition: PaymentTransition = {
          type: step.type,
          key: step.key,
          source,
          trxNo,
          mchOrderNo: current.mchOrderNo,
          payment: current,
          refundedAmount: refundedAmountOf(current),
        };
        const outcome = await runOnce(settings, step.key, () => handlers[step.type]?.(transition));
        if (outcome === 'busy') return { ...result, busy: true };
        if (outcome === 'ran') result.ran.push(transition);
        else result.alreadyDone.push(step.key);
      }
      return result;
    } finally {
      await held.release();
    }
  }

  async function billsOf(subscriptionId: number): Promise<Bill[]> {
    const pageSize = 100;
    const bills: Bill[] = [];
    const pages = paginate(
      (page) => client.subscriptions.bills({ subscriptionId, page, size: pageSize }),
      {
        pageSize,
      },
    );
    for await (const bill of pages) bills.push(bill);
    return bills;
  }

  async function subscription(
    id: number,
    { source = 'admin' }: FulfilOptions = {},
  ): Promise<SubscriptionFulfilment> {
    const result: SubscriptionFulfilment = {
      subscriptionId: id,
      final: false,
      ran: [],
      alreadyDone: [],
      busy: false,
    };
    const held = await hold(settings, `${subscriptionKey(id)}:lock`);
    if (!held) return { ...result, busy: true };
    try {
      const current = await client.subscriptions.retrieve({ id });
      result.subscription = current;
      const steps = subscriptionSteps(current, await billsOf(id));
      result.final = steps.some((step) => step.type === 'subscriptionEnded');
      for (const step of steps) {
        const transition: SubscriptionTransition = {
          type: step.type,
          key: step.key,
          source,
          subscriptionId: id,
          subscription: current,
          bill: step.bill,
        };
        const outcome = await runOnce(settings, step.key, () => handlers[step.type]?.(transition));
        if (outcome === 'busy') return { ...result, busy: true };
        if (outcome === 'ran') result.ran.push(transition);
        else result.alreadyDone.push(step.key);
      }
      return result;
    } finally {
      await held.release();
    }
  }

  const core: FulfilmentCore = {
    payment,
    subscription,
    async event(event, options = { source: 'webhook' }) {
      if (!event.known) return undefined;
      if (EVENT_SUBJECT[event.eventType] === 'payment') {
        return payment((event.data as { trxNo: string }).trxNo, options);
      }
      const id = subscriptionIdOf(event);
      if (!Number.isSafeInteger(id) || id <= 0) {
        logger.warn('fulfilment: ignored a subscription event without a usable id', {
          eventId: event.eventId,
        });
        return undefined;
      }
      return subscription(id, options);
    },
  };
  const sweep = (options: ReconcileOptions) => reconcile(core, client, options);
  return {
    ...core,
    reconcile: sweep,
    reconcileHandler: (options) => createReconcileHandler(sweep, options),
  };
}
