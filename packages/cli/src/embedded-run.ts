/** @module What the checks of an embedded run share: the shop, its routes, the doctor's sandbox. */
import type { Sandbox } from '@wpay/sandbox';
import { z } from 'zod';
import type { DoctorRoutes } from './doctor-defaults.js';
import type { ShopClient } from './shop-client.js';

/**
 * One doctor run against a shop that talks to the doctor's own sandbox.
 *
 * @example
 * ```ts
 * const run: EmbeddedRun = { shop, sandbox, routes: DOCTOR_DEFAULTS.routes, body: { sku: 'mug' } };
 * ```
 */
export interface EmbeddedRun {
  shop: ShopClient;
  sandbox: Sandbox;
  routes: DoctorRoutes;
  /** What the checkout route is posted (the button's `data-*`, or `--checkout-body`). */
  body: Record<string, unknown>;
}

/**
 * A payment as the sandbox holds it: the truth the shop's answers are compared with.
 *
 * @example
 * ```ts
 * const payment: SandboxPaymentFacts = { trxNo: 'TRX1', mchOrderNo: 'A-1', amount: 12.5, currency: 'USD', status: 'PAYING' };
 * ```
 */
export interface SandboxPaymentFacts {
  trxNo: string;
  mchOrderNo: string;
  amount: number;
  currency: string;
  status: string;
}

const PaymentFactsSchema = z.object({
  trxNo: z.string(),
  mchOrderNo: z.string(),
  amount: z.number(),
  currency: z.string(),
  status: z.string(),
});

/**
 * The sandbox's payments now, by `trxNo`.
 *
 * @example
 * ```ts
 * const before = paymentsOf(sandbox);
 * ```
 */
export function paymentsOf(sandbox: Sandbox): Map<string, SandboxPaymentFacts> {
  const payments = new Map<string, SandboxPaymentFacts>();
  for (const view of sandbox.state.payments) {
    const payment = PaymentFactsSchema.parse(view);
    payments.set(payment.trxNo, payment);
  }
  return payments;
}

/**
 * The payments created since `before` was taken.
 *
 * @example
 * ```ts
 * const created = paymentsSince(sandbox, before);
 * ```
 */
export function paymentsSince(
  sandbox: Sandbox,
  before: Map<string, SandboxPaymentFacts>,
): SandboxPaymentFacts[] {
  return [...paymentsOf(sandbox).values()].filter((payment) => !before.has(payment.trxNo));
}
