/**
 * @module `runDoctor`: runs the named checks against a shop that talks to a sandbox the doctor
 * controls, or against a real WPay account, and returns every result in the order of
 * {@link CHECKS}.
 */
import type { Sandbox } from '@wpay/sandbox';
import { CHECKS, type CheckName } from './check-names.js';
import { Checklist, type CheckResult } from './checklist.js';
import { checkoutChecks } from './checks/checkout-checks.js';
import { pageChecks } from './checks/page-checks.js';
import { statusChecks } from './checks/status-checks.js';
import { webhookChecks } from './checks/webhook-checks.js';
import { type WPayTarget, wpayChecks } from './checks/wpay-checks.js';
import { DOCTOR_DEFAULTS, type DoctorRoutes } from './doctor-defaults.js';
import { paymentsOf } from './embedded-run.js';
import { ShopClient } from './shop-client.js';

/**
 * Options of {@link runDoctor}: a `shop` with a `sandbox` it talks to, or a real `wpay` account.
 *
 * @example
 * ```ts
 * const options: DoctorOptions = { shop: 'http://localhost:3000', sandbox, routes: { webhook: '/webhooks/wpay' } };
 * ```
 */
export interface DoctorOptions {
  /** The shop's base URL, e.g. `http://localhost:3000` (needed with `sandbox`). */
  shop?: string;
  /** Where the shop serves each route (defaults: {@link DOCTOR_DEFAULTS}`.routes`). */
  routes?: Partial<DoctorRoutes>;
  /** What to post to the checkout route. Default: the `data-*` of the page's first `<wpay-button>`. */
  checkoutBody?: Record<string, unknown>;
  /**
   * The sandbox the shop is configured with (its `WPAY_*`). The doctor delivers webhooks itself:
   * it unsets the sandbox's webhook URL so that none arrives twice.
   */
  sandbox?: Sandbox;
  /** A real WPay account instead: only `wpay.token` and `wpay.signature` run. */
  wpay?: WPayTarget;
}

/**
 * The outcome of a run: `ok` when no check failed.
 *
 * @example
 * ```ts
 * const report: DoctorReport = await runDoctor({ shop, sandbox });
 * report.results.filter((r) => r.status === 'fail').map((r) => r.name);
 * ```
 */
export interface DoctorReport {
  ok: boolean;
  /** The shop checked, when there was one. */
  shop?: string;
  /** The WPay the checks ran against (the sandbox's URL, or the real base URL). */
  wpay: string;
  results: CheckResult[];
}

const SHOP_CHECKS = (Object.keys(CHECKS) as CheckName[]).filter(
  (name) => !name.startsWith('wpay.'),
);

/**
 * Runs the doctor. With `sandbox`, every shop check runs (the shop must be started with the
 * sandbox's `WPAY_*` variables); with `wpay`, only a token fetch and one signed read.
 *
 * @example
 * ```ts
 * import { startSandbox } from '@wpay/sandbox';
 * import { runDoctor } from '@wpay/cli';
 *
 * const sandbox = await startSandbox({ port: 4010 });
 * // … the shop runs with sandbox.env …
 * const report = await runDoctor({ shop: 'http://localhost:3000', sandbox });
 * console.log(report.ok);
 * ```
 */
export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const list = new Checklist();
  let wpay: string;
  if (options.sandbox !== undefined) {
    if (options.shop === undefined)
      throw new TypeError("runDoctor: give the shop's base URL (shop) with sandbox");
    wpay = options.sandbox.url;
    await shopChecks({ ...options, shop: options.shop, sandbox: options.sandbox }, list);
  } else if (options.wpay !== undefined) {
    wpay = await wpayChecks(options.wpay, list);
  } else {
    throw new TypeError('runDoctor: give either sandbox (with shop) or wpay');
  }
  const order = Object.keys(CHECKS);
  const results = [...list.results].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  return {
    ok: results.every((result) => result.status !== 'fail'),
    ...(options.shop !== undefined ? { shop: options.shop } : {}),
    wpay,
    results,
  };
}

async function shopChecks(
  options: DoctorOptions & { shop: string; sandbox: Sandbox },
  list: Checklist,
): Promise<void> {
  const { sandbox } = options;
  const shop = new ShopClient(options.shop, { timeoutMs: DOCTOR_DEFAULTS.timeoutMs });
  const routes: DoctorRoutes = { ...DOCTOR_DEFAULTS.routes, ...definedOnly(options.routes ?? {}) };
  sandbox.setWebhookUrl(undefined);
  const page = await pageChecks(shop, list, {
    pagePath: routes.page,
    checkoutPath: routes.checkout,
    wpayOrigin: new URL(sandbox.url).origin,
  });
  if (!list.passed('shop.reachable')) {
    const done = new Set(list.results.map((result) => result.name));
    list.skipAll(
      SHOP_CHECKS.filter((name) => !done.has(name)),
      'shop.reachable',
    );
    return;
  }
  const run = { shop, sandbox, routes, body: options.checkoutBody ?? page.buttonBody ?? {} };
  const { payment } = await checkoutChecks(run, list);
  await webhookChecks(run, list, payment);
  await statusChecks(run, list, payment ? paymentsOf(sandbox).get(payment.trxNo) : undefined);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
