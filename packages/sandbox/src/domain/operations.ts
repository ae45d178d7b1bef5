/** @module What the control API, the dashboard and the JS API share: move the clock, trigger, snapshot. */
import { ApiError } from '../api/api-error.js';
import type { SandboxContext, SandboxStats } from '../sandbox-context.js';
import type { WebhookEvent } from '../webhooks/webhook-dispatcher.js';
import { addIntervals } from './time-format.js';
import { billView, paymentView, refundView, subscriptionView } from './views.js';

/**
 * How far to move the sandbox clock; the parts add up.
 *
 * @example
 * ```ts
 * await sb.clock.advanceBy({ days: 1, hours: 2 });
 * ```
 */
export interface AdvanceBy {
  ms?: number;
  hours?: number;
  days?: number;
  /** Calendar months (Jan 31 + 1 month = Feb 28/29). */
  months?: number;
}

/**
 * Moves the sandbox clock and runs what became due (bills, expiries, slow cards, retries).
 *
 * @example
 * ```ts
 * await advanceClock(ctx, { months: 1 }); // the next monthly bill appears
 * ```
 */
export async function advanceClock(ctx: SandboxContext, by: AdvanceBy): Promise<number> {
  const now = ctx.clock.now();
  const monthsMs = by.months ? addIntervals(now, 'month', by.months) - now : 0;
  const ms = (by.ms ?? 0) + (by.hours ?? 0) * 3_600_000 + (by.days ?? 0) * 86_400_000 + monthsMs;
  await ctx.clock.advance(ms);
  return ctx.clock.now();
}

/**
 * The objects an on-demand event can carry.
 *
 * @example
 * ```ts
 * sb.trigger('credit_card.subscription.cancelled', { subscriptionId: 501 });
 * ```
 */
export interface TriggerTarget {
  trxNo?: string;
  subscriptionId?: number;
}

/**
 * How an on-demand event departs from what the sandbox holds.
 *
 * @example
 * ```ts
 * sb.trigger('credit_card.order.paid', { trxNo }, { override: { amount: 0.01 } });
 * ```
 */
export interface TriggerOptions {
  /**
   * Fields laid over the event's `data` (top level; for bill events over `{ subscription, bill }`),
   * e.g. to test how the shop handles data it did not expect. The records stay as they are.
   */
  override?: Record<string, unknown>;
}

/**
 * Sends an event on demand, without a state change: order events carry the payment, subscription
 * events the subscription, bill events `{ subscription, bill }` (its latest bill), each with
 * `override` laid over it.
 *
 * @example
 * ```ts
 * triggerEvent(ctx, 'credit_card.order.paid', { trxNo: 'TRX…' }, { override: { status: 'FAILED' } });
 * ```
 */
export function triggerEvent(
  ctx: SandboxContext,
  eventType: string,
  target: TriggerTarget,
  { override = {} }: TriggerOptions = {},
): WebhookEvent {
  const send = (data: Record<string, unknown>) =>
    ctx.webhooks.emit(eventType, { ...data, ...override });
  if (target.trxNo !== undefined) {
    return send(paymentView(ctx.ledger.payment(target.trxNo), ctx.views));
  }
  if (target.subscriptionId !== undefined) {
    const sub = ctx.ledger.subscription(target.subscriptionId, 'subscriptionId');
    const subscription = subscriptionView(sub, ctx.views);
    if (!eventType.includes('.bill.')) return send(subscription);
    const bill = ctx.state.bills.filter((record) => record.subscriptionId === sub.id).at(-1);
    return send({ subscription, bill: bill ? billView(bill, ctx.views) : null });
  }
  throw new ApiError(400, '400', 'trxNo or subscriptionId: one is required');
}

/**
 * Everything the sandbox holds, as the API shows it.
 *
 * @example
 * ```ts
 * const { payments, bills }: StateSnapshot = sb.state.snapshot();
 * ```
 */
export interface StateSnapshot {
  /** Sandbox time, epoch ms. */
  now: number;
  payments: Record<string, unknown>[];
  subscriptions: Record<string, unknown>[];
  bills: Record<string, unknown>[];
  refunds: Record<string, unknown>[];
}

/**
 * A snapshot of payments (newest first), subscriptions, bills and refunds.
 *
 * @example
 * ```ts
 * stateSnapshot(ctx).payments[0]?.status;
 * ```
 */
export function stateSnapshot(ctx: SandboxContext): StateSnapshot {
  return {
    now: ctx.clock.now(),
    payments: ctx.state.paymentList().map((p) => paymentView(p, ctx.views)),
    subscriptions: ctx.state.subscriptionList().map((s) => subscriptionView(s, ctx.views)),
    bills: ctx.state.bills.map((b) => billView(b, ctx.views)),
    refunds: ctx.state.refunds.map((r) => refundView(r, ctx.views)),
  };
}

/**
 * The counters of `sb.stats()`.
 *
 * @example
 * ```ts
 * statsOf(ctx).tokenRequests;
 * ```
 */
export function statsOf(ctx: SandboxContext): SandboxStats {
  return {
    ...ctx.stats,
    faultsInjected: ctx.faults.injected,
    webhookEvents: ctx.webhooks.events().length,
  };
}
