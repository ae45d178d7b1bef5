import { type Fulfilment, type Recovery, WPayApiError } from '@wpay/server-helper';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type {
  AdminBill,
  AdminOrder,
  AdminReconcileResult,
  AdminRefundResult,
  AdminState,
  AdminSubscription,
  ReachedVia,
} from '../shared/admin-api.js';
import { describeInterval, findProduct } from './catalogue.js';
import { type DemoLogger, describe } from './logger.js';
import { formatMajor, parseMajor, toMinor } from './money.js';
import { createOrderRefunder, type OrderRefund } from './refund-order.js';
import { sameOriginWrites } from './same-origin-writes.js';
import type { ShopReconciler } from './shop-reconciler.js';
import type { ShopWPay } from './shop-wpay.js';
import type { Order, OrderStore, StatusSource } from './store/order-store.js';
import type { RefundIntentStore } from './store/refund-intent-store.js';
import type { RefundStore } from './store/refund-store.js';
import type { Subscription, SubscriptionStore } from './store/subscription-store.js';
import type { WebhookLog } from './store/webhook-log.js';

/** What {@link createAdminRoutes} works with. */
export interface AdminDeps {
  readonly mode: AdminState['mode'];
  /** The embedded sandbox's dashboard, linked from the admin page; absent with real WPay. */
  readonly sandboxDashboard?: string | undefined;
  /** The shop's own origins, from configuration: the only ones allowed to write. */
  readonly allowedOrigins: readonly string[];
  readonly wpay: ShopWPay;
  readonly orders: OrderStore;
  readonly refunds: RefundStore;
  readonly refundIntents: RefundIntentStore;
  readonly subscriptions: SubscriptionStore;
  readonly webhookLog: WebhookLog;
  /** The server helper's fulfilment core: every admin action goes through it. */
  readonly fulfilment: Fulfilment;
  /** "Reconcile now": the sweep over the shop's pending orders. */
  readonly reconcile: ShopReconciler;
  /** Makes the recovery links offered for expired orders. */
  readonly recovery: Recovery;
  readonly logger: DemoLogger;
}

const refundBodySchema = z.object({
  mchOrderNo: z.string().min(1).max(64),
  /** Major units as typed ("5.00"); the whole refundable amount when absent. */
  amount: z.string().trim().max(20).optional(),
  reason: z.string().trim().max(200).optional(),
});

const cancelBodySchema = z.object({ mchSubscriptionNo: z.string().min(1).max(64) });

const REFUNDABLE: ReadonlySet<string> = new Set(['paid', 'partially_refunded']);

/** The admin's words for each entry point of the fulfilment core. */
const REACHED_VIA: Readonly<Record<StatusSource, ReachedVia>> = {
  webhook: 'webhook',
  return: 'return page',
  reconcile: 'reconciled',
  admin: 'admin',
};

/**
 * The admin API behind `/admin` (mount it at `/api/admin`): `GET /state` (orders beside WPay's
 * payments, subscriptions with WPay's bills, webhook deliveries, recovery links of expired
 * orders), `POST /refunds` (full or partial), `POST /subscriptions/cancel` and `POST /reconcile`
 * ("Reconcile now"). Demo-grade: it has no login, so do not expose it.
 *
 * @example
 * ```ts
 * app.route('/api/admin', createAdminRoutes({ mode: 'sandbox', allowedOrigins, wpay, orders, refunds, subscriptions, webhookLog, fulfilment, reconcile, recovery, logger }));
 * ```
 */
export function createAdminRoutes(deps: AdminDeps): Hono {
  const { wpay, orders, refunds, refundIntents, subscriptions, webhookLog, fulfilment, logger } =
    deps;
  const refundOrder = createOrderRefunder({
    wpay,
    orders,
    refunds,
    intents: refundIntents,
    logger,
  });
  /** Why WPay may not know what the shop recorded: the embedded sandbox forgets on each start. */
  const forgotten = deps.mode === 'sandbox' ? ' (made before the sandbox last restarted)' : '';
  const admin = new Hono();
  admin.use('*', sameOriginWrites(deps.allowedOrigins));

  admin.get('/state', async (c) => {
    const [payments, subs] = await Promise.all([listPayments(), listSubscriptions()]);
    const state: AdminState = {
      mode: deps.mode,
      sandboxDashboard: deps.sandboxDashboard ?? null,
      orders: await Promise.all(orders.list(200).map(toAdminOrder)),
      payments,
      subscriptions: subs,
      deliveries: webhookLog.recent(100),
    };
    c.header('Cache-Control', 'no-store');
    return c.json(state);
  });

  admin.post('/refunds', async (c) => {
    const body = refundBodySchema.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) return fail(c, 400, 'invalid_body', z.prettifyError(body.error));
    const order = orders.find(body.data.mchOrderNo);
    if (!order?.trxNo) return fail(c, 404, 'unknown_order', 'No paid order has this number.');
    if (!REFUNDABLE.has(order.status)) {
      return fail(c, 409, 'not_refundable', `An order that is ${order.status} cannot be refunded.`);
    }
    // An unsettled refund of this order (its answer was lost) is resumed, whatever was typed.
    const open = refundIntents.openFor(order.mchOrderNo);
    if (open) {
      const resumed = await refundOrder(
        { ...order, trxNo: order.trxNo },
        { amountMinor: open.amountMinor, reason: open.reason },
      );
      return answerRefund(c, order, resumed);
    }
    const refundable = order.amountMinor - order.refundedMinor;
    const amountMinor =
      body.data.amount === undefined ? refundable : parseMajor(body.data.amount, order.currency);
    if (amountMinor === undefined || amountMinor <= 0 || amountMinor > refundable) {
      const most = formatMajor(refundable, order.currency);
      return fail(
        c,
        422,
        'invalid_amount',
        `Refund an amount from 0.01 to ${most} ${order.currency}.`,
      );
    }
    const outcome = await refundOrder(
      { ...order, trxNo: order.trxNo },
      { amountMinor, reason: body.data.reason ?? null },
    );
    return answerRefund(c, order, outcome);
  });

  admin.post('/reconcile', async (c) => {
    // Every pending order, however young: the admin asked for it now.
    const report = await deps.reconcile({ olderThanMs: 0 });
    logger.info('reconciled from the admin', {
      checked: report.checked,
      reconciled: report.reconciled,
    });
    const result: AdminReconcileResult = {
      checked: report.checked,
      reconciled: report.reconciled,
      stillOpen: report.stillOpen,
      notFound: report.notFound,
      busy: report.busy,
      errors: report.errors.length,
      transitions: report.transitions,
    };
    return c.json(result);
  });

  admin.post('/subscriptions/cancel', async (c) => {
    const body = cancelBodySchema.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) return fail(c, 400, 'invalid_body', z.prettifyError(body.error));
    const sub = subscriptions.find(body.data.mchSubscriptionNo);
    if (!sub) return fail(c, 404, 'unknown_subscription', 'No subscription has this number.');
    if (sub.wpayId === null) {
      return fail(
        c,
        409,
        'not_active',
        'This subscription was never paid, so there is nothing to cancel.',
      );
    }
    try {
      const cancelled = await wpay.subscriptions.cancel({
        id: sub.wpayId,
        reason: 'Cancelled from the shop admin',
      });
      const updated = subscriptions.applyWpay(cancelled) ?? sub;
      logger.info('subscription cancelled', { mchSubscriptionNo: sub.mchSubscriptionNo });
      return c.json({
        subscription: { mchSubscriptionNo: updated.mchSubscriptionNo, status: updated.status },
      });
    } catch (error) {
      logger.error('cancel failed', {
        mchSubscriptionNo: sub.mchSubscriptionNo,
        ...describe(error),
      });
      if (isUnknownToWpay(error)) {
        return fail(
          c,
          409,
          'unknown_to_wpay',
          `WPay has no record of this subscription${forgotten}.`,
        );
      }
      return fail(c, 502, 'cancel_failed', `WPay refused the cancellation: ${reasonOf(error)}`);
    }
  });

  async function listPayments(): Promise<AdminState['payments']> {
    try {
      const page = await wpay.payments.list({ pageNum: 1, pageSize: 50 });
      return {
        ok: true,
        records: page.records.map((p) => ({
          trxNo: p.trxNo,
          mchOrderNo: p.mchOrderNo ?? null,
          status: p.status,
          amount: formatMajor(toMinor(p.amount, p.currency), p.currency),
          currency: p.currency,
          createTime: p.createTime ?? null,
        })),
      };
    } catch (error) {
      logger.warn('could not list WPay payments', describe(error));
      return { ok: false, error: reasonOf(error) };
    }
  }

  async function listSubscriptions(): Promise<AdminSubscription[]> {
    return Promise.all(subscriptions.list().map(withBills));
  }

  async function withBills(sub: Subscription): Promise<AdminSubscription> {
    const row = toAdminSubscription(sub);
    if (sub.wpayId === null) return { ...row, bills: null };
    try {
      const page = await wpay.subscriptions.bills({
        subscriptionId: sub.wpayId,
        page: 1,
        size: 50,
      });
      const bills: AdminBill[] = page.records.map((bill) => ({
        id: bill.id,
        amount: formatMajor(toMinor(bill.amount, bill.currency), bill.currency),
        currency: bill.currency,
        status: bill.status,
        createdTime: bill.createdTime ?? '',
      }));
      return { ...row, bills };
    } catch (error) {
      const billsError = isUnknownToWpay(error)
        ? `WPay has no record of this subscription${forgotten}.`
        : `WPay could not be asked: ${reasonOf(error)}`;
      return { ...row, bills: null, billsError };
    }
  }

  /** The admin's answer to a refund, from how it ended. */
  async function answerRefund(c: Context, order: Order, outcome: OrderRefund): Promise<Response> {
    const { currency } = order;
    const amount = formatMajor(outcome.intent.amountMinor, currency);
    const earlier = outcome.resumed ? `the earlier refund of ${amount} ${currency}` : 'the refund';
    if (outcome.kind === 'in_doubt') {
      return fail(
        c,
        503,
        'refund_in_doubt',
        `WPay's answer to ${earlier} was lost and the payment could not be read back, so the shop cannot tell yet whether it was made. Nothing will be refunded twice: press Refund again in a moment to check.`,
      );
    }
    if (outcome.kind === 'not_made') {
      if (outcome.unknownToWpay) {
        return fail(
          c,
          409,
          'unknown_to_wpay',
          `WPay has no record of this payment${forgotten}, so it cannot be refunded.`,
        );
      }
      if (outcome.reason === 'out_of_date') {
        const now = orders.find(order.mchOrderNo) ?? order;
        return fail(
          c,
          409,
          'books_out_of_date',
          `WPay had already refunded ${formatMajor(now.refundedMinor, currency)} ${currency} of this payment, more than the shop's books showed; the books now follow WPay. Nothing was refunded: check the amount and press Refund again.`,
        );
      }
      if (outcome.reason === 'refused') {
        return fail(
          c,
          502,
          'refund_failed',
          `WPay refused the refund: ${reasonOf(outcome.error.cause)}`,
        );
      }
      return fail(
        c,
        502,
        'refund_not_made',
        `Nothing was refunded: ${outcome.reason === 'not_sent' ? 'WPay could not be reached' : "WPay's answer was lost and the payment shows no refund"}. Press Refund to try again.`,
      );
    }
    // The refund's transition (partially refunded, refunded) runs through the core, once.
    await fulfilment.payment(order.trxNo!, { source: 'admin' });
    const updated = orders.find(order.mchOrderNo);
    const result: AdminRefundResult = {
      refundNo: outcome.result.refundNo ?? null,
      outcome: outcome.result.outcome,
      resumed: outcome.resumed,
      amount,
      currency,
      order: updated ? await toAdminOrder(updated) : null,
    };
    return c.json(result);
  }

  async function toAdminOrder(order: Order): Promise<AdminOrder> {
    const refundable = REFUNDABLE.has(order.status) ? order.amountMinor - order.refundedMinor : 0;
    const recoveredAs = orders.recoveriesOf(order.mchOrderNo);
    const recovered = recoveredAs.some((o) => o.paidAt !== null);
    return {
      mchOrderNo: order.mchOrderNo,
      sku: order.sku,
      productName: findProduct(order.sku)?.name ?? order.sku,
      kind: order.kind,
      amount: formatMajor(order.amountMinor, order.currency),
      currency: order.currency,
      status: order.status,
      wpayStatus: order.wpayStatus,
      trxNo: order.trxNo,
      refunded: formatMajor(order.refundedMinor, order.currency),
      refundable: formatMajor(Math.max(refundable, 0), order.currency),
      createdAt: order.createdAt,
      paidAt: order.paidAt,
      reachedVia: order.statusSource ? REACHED_VIA[order.statusSource] : null,
      recoveredFrom: order.recoveredFrom,
      recoveredAs: recoveredAs.map((o) => o.mchOrderNo),
      // Each link is single-use and signed; a new one on every view of the admin page.
      recoveryUrl:
        order.status === 'expired' && !recovered
          ? await deps.recovery.link({
              mchOrderNo: order.mchOrderNo,
              trxNo: order.trxNo ?? undefined,
            })
          : null,
    };
  }

  return admin;
}

function toAdminSubscription(sub: Subscription): Omit<AdminSubscription, 'bills'> {
  return {
    mchSubscriptionNo: sub.mchSubscriptionNo,
    wpayId: sub.wpayId,
    sku: sub.sku,
    productName: findProduct(sub.sku)?.name ?? sub.sku,
    status: sub.status,
    amount: formatMajor(sub.amountMinor, sub.currency),
    currency: sub.currency,
    interval: describeInterval(sub.interval),
    createdAt: sub.createdAt,
  };
}

function fail(
  c: { json: (body: unknown, status: 400 | 404 | 409 | 422 | 502 | 503) => Response },
  status: 400 | 404 | 409 | 422 | 502 | 503,
  code: string,
  message: string,
): Response {
  return c.json({ error: { code, message } }, status);
}

/** WPay's answer that it has no such payment or subscription (retcode 404). */
function isUnknownToWpay(error: unknown): boolean {
  return error instanceof WPayApiError && String(error.retcode) === '404';
}

/**
 * Why a WPay call failed, for people: WPay's own `retmsg` when it gave one, else the error's
 * message (the server helper's messages never carry secrets: it scrubs them).
 */
function reasonOf(error: unknown): string {
  if (error instanceof WPayApiError && error.retmsg) return error.retmsg;
  return error instanceof Error ? error.message : 'unknown error';
}
