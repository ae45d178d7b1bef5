// lib/fulfilment.ts — one core behind every entry point, and the sweep a scheduler calls.
import { orders } from './orders.js';
import { wpay } from './wpay.js';

export const fulfilment = wpay.fulfilment({
  // With several servers: store: new RedisClaimStore(redis, { prefix: 'shop:fulfilment:' })
  on: {
    paid: ({ payment }) => orders.markPaid(payment.mchOrderNo, payment.trxNo), // once per payment
  },
});

/** POST: the webhook URL; each event is read back from WPay and applied once. */
export const webhook = wpay.webhookHandler({ fulfilment });

/** GET: <wpay-return>'s status endpoint; a buyer back before the webhook is fulfilled here. */
export const status = wpay.statusHandler({ fulfilment, findTrxNo: (no) => orders.trxNoOf(no) });

/** GET or POST every 5 minutes from a scheduler, with `Authorization: Bearer $CRON_SECRET`. */
export const reconcile = fulfilment.reconcileHandler({
  secret: process.env.CRON_SECRET!,
  pending: () => orders.open(), // { trxNo? , mchOrderNo, createdAt } of each unpaid order
  olderThanMs: 10 * 60_000, // younger orders are left to their webhook
  maxAgeMs: 7 * 24 * 3600_000,
});
