/**
 * Every default of the package, by name, in one object: the settings of `new WPay(…)` as its
 * options schema defaults them (each [default] of wpay-api.md and docs/protocol-defaults.md sits
 * under `protocol`, defaulting to its one definition in `@wpay/protocol`), and the defaults of the
 * fulfilment and recovery factories' own options.
 *
 * @module
 */
import { settingsDefaults } from './options.js';

/**
 * Every default, by name. Values marked [default] in wpay-api.md are guesses where WPay
 * publishes nothing: override any of them in the `WPay` options when the real value is known.
 *
 * @example
 * ```ts
 * new WPay({ ...credentials, environment: 'sandbox',
 *   protocol: { headers: { signature: 'D-SIGNATURE', timestamp: 'D-TIMESTAMP' } } });
 * DEFAULTS.protocol.paths.refundCreate; // '/checkout/w-payment/refund'
 * DEFAULTS.webhooks.ackBody; // 'SUCCESS'
 * ```
 */
export const DEFAULTS = {
  ...settingsDefaults(),
  /** The fulfilment core (`wpay.fulfilment`; its options have the same names). */
  fulfilment: {
    /**
     * How long the shop's side effects of one payment may take. An entry point holds the payment
     * (`leaseMs`) for a worst-case WPay call of its client plus this [derived: `fulfilmentLeaseMs`].
     */
    sideEffectsMs: 5 * 60 * 1000,
    /** How long an entry point waits for another one holding the same payment. */
    waitMs: 10 * 1000,
    /** How often a waiting entry point looks again. */
    pollIntervalMs: 50,
    /** How long a transition that ran is remembered: longer than any refund comes after a sale. */
    ttlMs: 400 * 24 * 60 * 60 * 1000,
    /** Attempts at recording a transition as done when the store fails (the side effect ran). */
    completeAttempts: 4,
    /** Reconciliation sweeps (`fulfilment.reconcile`). */
    reconcile: {
      /** Orders younger than this are left to the webhook (WPay retries after 15 s, 15 s, 30 s…). */
      olderThanMs: 10 * 60 * 1000,
      /** Orders older than this are no longer swept (their sessions are long over). */
      maxAgeMs: 7 * 24 * 60 * 60 * 1000,
      /** Orders checked at once. */
      concurrency: 4,
      /** Search of WPay's payment list for orders known only by `mchOrderNo`. */
      scan: { maxPages: 10, pageSize: 50 },
    },
  },
  /** Recovery links for expired checkouts (`wpay.recovery`). */
  recovery: {
    /** How long a recovery link is valid. */
    ttlMs: 24 * 60 * 60 * 1000,
    /** How long a used link is remembered (at least its lifetime). */
    usedTtlMs: 7 * 24 * 60 * 60 * 1000,
    /**
     * How long the shop's `resolveOrder` and `onRecovered` may take. Opening a link holds it
     * (`leaseMs`) for two worst-case WPay calls plus this [derived: `recoveryLeaseMs`].
     */
    shopWorkMs: 60 * 1000,
  },
};
