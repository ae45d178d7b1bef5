import { EVENT_TYPES } from '@wpay/protocol';
import {
  createCheckoutHandler,
  type Fulfilment,
  type Recovery,
  type WebhookEventHandlers,
  type WPay,
} from '@wpay/server-helper';
import { Hono } from 'hono';
import { createAdminRoutes } from './admin-routes.js';
import { logDeliveries } from './log-deliveries.js';
import { type DemoLogger, describe } from './logger.js';
import { mountStorefront } from './mount-storefront.js';
import { orderSummaryRoute } from './order-summary-route.js';
import {
  checkoutBodySchema,
  createOrderResolver,
  createRecoveryResolver,
} from './resolve-order.js';
import type { ShopReconciler } from './shop-reconciler.js';
import type { OrderStore } from './store/order-store.js';
import type { RefundIntentStore } from './store/refund-intent-store.js';
import type { RefundStore } from './store/refund-store.js';
import type { SubscriptionStore } from './store/subscription-store.js';
import type { WebhookLog } from './store/webhook-log.js';

/** What {@link createMerchantApp} works with. */
export interface MerchantAppDeps {
  readonly mode: 'sandbox' | 'real';
  /** The embedded sandbox's dashboard, linked from the admin page; absent with real WPay. */
  readonly sandboxDashboard?: string | undefined;
  readonly wpay: WPay;
  readonly stores: {
    readonly orders: OrderStore;
    readonly refunds: RefundStore;
    readonly refundIntents: RefundIntentStore;
    readonly subscriptions: SubscriptionStore;
    readonly webhookLog: WebhookLog;
  };
  /** The shop's public base URL: return URLs are built on it. */
  readonly publicUrl: string;
  /** The only origins allowed to post to the shop (checkout, admin): from configuration. */
  readonly allowedOrigins: readonly string[];
  /**
   * The hosts WPay's hosted page may be on (space-separated, with the port): set on every
   * `<wpay-button>` as `allowed-hosts`. Blank: the buttons follow any `https:` redirect.
   */
  readonly hostedPageHosts?: string | undefined;
  /** The built storefront (`vite build` output). */
  readonly distDir: string;
  /** The server helper's fulfilment core over the shop's side effects (`createShopFulfilment`). */
  readonly fulfilment: Fulfilment;
  /** The reconciliation sweep over the shop's pending orders (`createShopReconciler`). */
  readonly reconcile: ShopReconciler;
  /** Recovery links for expired checkouts (`wpay.recovery()`), served at {@link RECOVERY_PATH}. */
  readonly recovery: Recovery;
  readonly logger: DemoLogger;
}

/** Where the recovery links point (the `path` given to `wpay.recovery()`). */
export const RECOVERY_PATH = '/checkout/recover';

/**
 * The merchant server: the WPay endpoints (each one line, using the server helper's handlers),
 * all going through one fulfilment core: the webhook, the return page's status, the admin's
 * actions and its "Reconcile now", and the recovery link of an expired checkout. Then the shop's
 * own routes, the admin API and the storefront.
 *
 * @example
 * ```ts
 * const app = createMerchantApp({ mode: 'sandbox', wpay, stores, publicUrl, allowedOrigins, distDir, fulfilment, reconcile, recovery, logger });
 * createServer(getRequestListener(app.fetch)).listen(3000);
 * ```
 */
export function createMerchantApp(deps: MerchantAppDeps): Hono {
  const { wpay, stores, fulfilment, logger } = deps;
  const { orders, subscriptions } = stores;

  const checkout = createCheckoutHandler(recordingTrxNo(wpay, orders), {
    body: checkoutBodySchema,
    resolveOrder: createOrderResolver({ orders, subscriptions }),
    // Absolute, from configuration: never derived from the request's Host header.
    successUrl: new URL('/success', deps.publicUrl).href,
    cancelUrl: new URL('/cancel', deps.publicUrl).href,
    allowedOrigins: deps.allowedOrigins,
    logger,
  });

  const deliveries = logDeliveries(stores.webhookLog);
  const { noted } = deliveries;
  // The core handles every known event (it re-reads the payment or subscription from WPay);
  // these only note, for the admin's log, which event a delivery carried.
  const noteEvents = Object.fromEntries(
    Object.keys(EVENT_TYPES).map((type) => [type, noted(() => undefined)]),
  ) as WebhookEventHandlers;
  const webhook = deliveries.around(
    wpay.webhookHandler({
      fulfilment,
      on: noteEvents,
      onUnknown: noted((event) =>
        logger.info('ignored a WPay event of an unknown type', { eventType: event.eventType }),
      ),
      onError: (error, event) =>
        logger.error('webhook handling failed', { eventId: event.eventId, ...describe(error) }),
      logger,
    }),
  );

  // The return page confirms through the core too: paid once, whether or not a webhook came.
  const status = wpay.statusHandler({
    fulfilment,
    findTrxNo: async (mchOrderNo) => orders.find(mchOrderNo)?.trxNo,
    logger,
  });

  const recover = deps.recovery.handler({
    resolveOrder: createRecoveryResolver({ orders, subscriptions }),
    successUrl: '/success',
    cancelUrl: '/cancel',
    isPaid: ({ mchOrderNo }) => orders.recoveriesOf(mchOrderNo).some((o) => o.paidAt !== null),
    onRecovered: ({ order, session }) => {
      orders.attachTrxNo(order.mchOrderNo, session.trxNo);
    },
    logger,
  });

  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    c.header('X-Frame-Options', 'DENY');
  });

  // The WPay endpoints: one line per route.
  app.post('/api/checkout', (c) => checkout(c.req.raw));
  app.post('/api/webhooks/wpay', (c) => webhook(c.req.raw));
  app.get('/api/status', (c) => status(c.req.raw));
  app.get(RECOVERY_PATH, (c) => recover(c.req.raw));

  app.get('/api/orders/:mchOrderNo', orderSummaryRoute(orders));
  app.route(
    '/api/admin',
    createAdminRoutes({
      ...stores,
      mode: deps.mode,
      sandboxDashboard: deps.sandboxDashboard,
      allowedOrigins: deps.allowedOrigins,
      wpay,
      fulfilment,
      reconcile: deps.reconcile,
      recovery: deps.recovery,
      logger,
    }),
  );
  mountStorefront(app, deps.distDir, { allowedHosts: deps.hostedPageHosts ?? '' });
  app.onError((error, c) => {
    logger.error('unhandled error', { path: c.req.path, ...describe(error) });
    return c.json({ error: { code: 'internal_error', message: 'Something went wrong' } }, 500);
  });
  return app;
}

/** `wpay`, but remembering on each new order the `trxNo` WPay gave its session. */
function recordingTrxNo(wpay: WPay, orders: OrderStore): Pick<WPay, 'checkout'> {
  return {
    checkout: {
      async create(params, options) {
        const session = await wpay.checkout.create(params, options);
        orders.attachTrxNo(params.mchOrderNo, session.trxNo);
        return session;
      },
    },
  };
}
