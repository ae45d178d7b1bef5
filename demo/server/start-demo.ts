import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { type Sandbox, type SandboxOptions, startSandbox } from '@wpay/sandbox';
import { WPay, type WPayOptions } from '@wpay/server-helper';
import { DIST_DIR } from '../build/vite-config.js';
import { DEFAULT_DB_PATH, DEFAULT_RECONCILE_EVERY_MS, type WPayTarget } from './config.js';
import { ensureStorefront } from './ensure-storefront.js';
import { closeServer, listen } from './listen.js';
import { type DemoLogger, silentLogger } from './logger.js';
import { createMerchantApp, RECOVERY_PATH } from './merchant-app.js';
import { startReconcileSweep } from './reconcile-sweep.js';
import { createShopFulfilment } from './shop-fulfilment.js';
import { createShopReconciler, type ShopReconciler } from './shop-reconciler.js';
import { type Db, openDatabase } from './store/open-database.js';
import { createOrderStore, type OrderStore } from './store/order-store.js';
import { createRefundIntentStore, type RefundIntentStore } from './store/refund-intent-store.js';
import { createRefundStore, type RefundStore } from './store/refund-store.js';
import { SqliteClaimStore } from './store/sqlite-claim-store.js';
import { createSubscriptionStore, type SubscriptionStore } from './store/subscription-store.js';
import { createWebhookLog, type WebhookLog } from './store/webhook-log.js';

/** Options of {@link startDemo}; every one is optional. */
export interface StartDemoOptions {
  /** The merchant server's port; 0 picks a free one. Default 3000. */
  readonly port?: number;
  /** Default `127.0.0.1`. */
  readonly host?: string;
  /** When `port` is taken, use a free one instead of failing. Default false. */
  readonly fallbackWhenBusy?: boolean;
  /**
   * The shop's public base URL (behind a proxy or a tunnel), e.g. `https://shop.example`: the only
   * origin allowed to post to the shop, and the base of the return URLs. Default: the address the
   * server actually listens on (`http://localhost:<port>`, also accepted as `127.0.0.1`).
   */
  readonly publicUrl?: string | undefined;
  /** The SQLite file (created if needed), or `':memory:'`. Default `demo/.data/demo.db`. */
  readonly dbPath?: string;
  /** Real WPay, or (default) the embedded sandbox. */
  readonly wpay?: WPayTarget;
  /** Extra options of the embedded sandbox (e.g. `timeScale`, `slowCardSeconds`). */
  readonly sandbox?: Omit<SandboxOptions, 'port' | 'webhookUrl'>;
  /** Extra options of the demo's WPay client (tests: short timeouts, a hook on each call). */
  readonly wpayOptions?: Pick<WPayOptions, 'timeoutMs' | 'maxRetries' | 'refunds' | 'onRequest'>;
  /**
   * How often the reconciliation sweep runs over the pending orders, in ms (`RECONCILE_EVERY_MS`);
   * 0 runs none. Default {@link DEFAULT_RECONCILE_EVERY_MS}.
   */
  readonly reconcileEveryMs?: number;
  /**
   * The secret (32+ characters) recovery links are signed with (`RECOVERY_SECRET`). Default a
   * random one per start: links made before a restart then no longer open.
   */
  readonly recoverySecret?: string | undefined;
  /** Build the storefront first when it is missing or out of date. Default true. */
  readonly build?: boolean;
  readonly logger?: DemoLogger;
}

/** A running demo. */
export interface Demo {
  /** The storefront, e.g. `http://localhost:3000/` (with the trailing slash). */
  readonly url: string;
  /** The same on 127.0.0.1, for clients that must not resolve `localhost`. */
  readonly loopbackUrl: string;
  /** The shop's public base URL (with the trailing slash): `publicUrl`, or {@link Demo.url}. */
  readonly publicUrl: string;
  /** The origins allowed to post to the shop (checkout, admin). */
  readonly allowedOrigins: readonly string[];
  readonly port: number;
  /** The embedded sandbox (absent with real WPay): its `url` is also its dashboard. */
  readonly sandbox: Sandbox | undefined;
  readonly wpay: WPay;
  readonly db: Db;
  /** One sweep over the pending orders now, as "Reconcile now" runs it. */
  readonly reconcile: ShopReconciler;
  readonly stores: {
    readonly orders: OrderStore;
    readonly refunds: RefundStore;
    readonly refundIntents: RefundIntentStore;
    readonly subscriptions: SubscriptionStore;
    readonly webhookLog: WebhookLog;
  };
  /** Stops the merchant server and the sandbox, then closes the database. */
  close(): Promise<void>;
}

/**
 * Starts the whole demo in this process: builds the storefront if needed, opens the SQLite
 * database, starts the merchant server and, unless real WPay is configured, the embedded WPay
 * sandbox with its webhooks pointed at the merchant server.
 *
 * @example
 * ```ts
 * const demo = await startDemo({ port: 0, dbPath: ':memory:' });
 * console.log(`Storefront: ${demo.url}`);
 * await demo.close();
 * ```
 */
export async function startDemo(options: StartDemoOptions = {}): Promise<Demo> {
  const { host = '127.0.0.1', logger = silentLogger, wpay: target = { kind: 'sandbox' } } = options;
  if (options.build !== false) await ensureStorefront({ logger });

  const db = openDatabase(options.dbPath ?? DEFAULT_DB_PATH);
  const stores = {
    orders: createOrderStore(db),
    refunds: createRefundStore(db),
    refundIntents: createRefundIntentStore(db),
    subscriptions: createSubscriptionStore(db),
    webhookLog: createWebhookLog(db),
  };
  const server = createServer();
  let sandbox: Sandbox | undefined;
  try {
    const port = await listen(server, {
      port: options.port ?? 3000,
      host,
      fallbackWhenBusy: options.fallbackWhenBusy ?? false,
    });
    const loopbackUrl = `http://127.0.0.1:${port}/`;
    const url = `http://localhost:${port}/`;
    // Trust comes from configuration: the public URL given, else the address actually bound
    // (after any fallback to a free port), never the Host header of a request.
    const publicUrl = options.publicUrl ? new URL('/', options.publicUrl).href : url;
    const allowedOrigins = options.publicUrl
      ? [new URL(publicUrl).origin]
      : [new URL(url).origin, new URL(loopbackUrl).origin];
    let wpay: WPay;
    if (target.kind === 'sandbox') {
      sandbox = await startSandbox({
        merchantName: 'Kit & Co.',
        ...options.sandbox,
        port: 0,
        webhookUrl: `${loopbackUrl}api/webhooks/wpay`,
      });
      wpay = new WPay({ ...sandbox.credentials, baseUrl: sandbox.url, ...options.wpayOptions });
    } else {
      const { apiKey, apiSecret, signKey, endpoint } = target;
      wpay = new WPay({ apiKey, apiSecret, signKey, ...endpoint, ...options.wpayOptions });
    }
    // Claims are about one WPay's numbers: the embedded sandbox numbers its payments from the
    // start again on each run, so each run gets a scope of its own; a real WPay keeps one.
    const scope = sandbox ? `sandbox-${randomUUID()}:` : 'wpay:';
    const fulfilment = createShopFulfilment({
      wpay,
      orders: stores.orders,
      subscriptions: stores.subscriptions,
      store: new SqliteClaimStore(db, { prefix: scope }),
      logger,
    });
    const reconcile = createShopReconciler({
      fulfilment,
      orders: stores.orders,
      subscriptions: stores.subscriptions,
    });
    const recovery = wpay.recovery({
      secret: options.recoverySecret ?? randomBytes(32).toString('base64url'),
      publicUrl,
      path: RECOVERY_PATH,
      store: new SqliteClaimStore(db, { prefix: scope }),
    });
    const app = createMerchantApp({
      mode: target.kind,
      sandboxDashboard: sandbox ? `${sandbox.url}/` : undefined,
      wpay,
      stores,
      publicUrl,
      allowedOrigins,
      hostedPageHosts: sandbox
        ? new URL(sandbox.url).host
        : target.kind === 'real'
          ? target.hostedPageHosts
          : undefined,
      distDir: DIST_DIR,
      fulfilment,
      reconcile,
      recovery,
      logger,
    });
    server.on('request', getRequestListener(app.fetch));
    const sweep = startReconcileSweep(() => reconcile(), {
      everyMs: options.reconcileEveryMs ?? DEFAULT_RECONCILE_EVERY_MS,
      logger,
    });
    const running = sandbox;
    return {
      url,
      loopbackUrl,
      publicUrl,
      allowedOrigins,
      port,
      sandbox: running,
      wpay,
      db,
      reconcile,
      stores,
      async close() {
        await sweep.stop();
        await closeServer(server);
        await running?.close();
        db.close();
      },
    };
  } catch (error) {
    await closeServer(server).catch(() => {});
    await sandbox?.close().catch(() => {});
    db.close();
    throw error;
  }
}
