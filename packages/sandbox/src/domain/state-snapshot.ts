/** @module Everything one merchant holds, as the API shows it. */
import type { SandboxContext } from '../sandbox-context.js';
import { billView, paymentView, refundView, subscriptionView } from './views.js';

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
 * A snapshot of payments (newest first; with `maxPayments`, only that many of the newest),
 * subscriptions, bills and refunds.
 *
 * @example
 * ```ts
 * stateSnapshot(ctx).payments[0]?.status;
 * ```
 */
export function stateSnapshot(
  ctx: SandboxContext,
  { maxPayments }: { maxPayments?: number } = {},
): StateSnapshot {
  const payments =
    maxPayments === undefined
      ? ctx.state.paymentList()
      : ctx.state.paymentOrder.page(1, maxPayments);
  return {
    now: ctx.clock.now(),
    payments: payments.map((p) => paymentView(p, ctx.views)),
    subscriptions: ctx.state.subscriptionList().map((s) => subscriptionView(s, ctx.views)),
    bills: ctx.state.bills.map((b) => billView(b, ctx.views)),
    refunds: ctx.state.refunds.map((r) => refundView(r, ctx.views)),
  };
}
