/** @module Sends a webhook event on demand, carrying the current payment or subscription. */
import { refuse } from '../api/api-error.js';
import type { SandboxContext } from '../sandbox-context.js';
import type { WebhookEvent } from '../webhooks/webhook-dispatcher.js';
import { billView, paymentView, subscriptionView } from './views.js';

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
    const bill = ctx.state.billsBySubscription.get(sub.id)?.at(-1);
    return send({ subscription, bill: bill ? billView(bill, ctx.views) : null });
  }
  throw refuse('invalidField', 'trxNo or subscriptionId: one is required');
}
