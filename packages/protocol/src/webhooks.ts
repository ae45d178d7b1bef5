/**
 * Webhook delivery (wpay-api.md §7).
 *
 * @module
 */
import { deepFreeze } from './deep-freeze.js';

/**
 * How WPay delivers webhooks: the receiver's deadline and the retry schedule [doc], and the
 * acknowledgement body [doc wording; the exact body is a default].
 *
 * @example
 * ```ts
 * WEBHOOK_DELIVERY.retryScheduleSeconds.length; // 14
 * ```
 */
export const WEBHOOK_DELIVERY = deepFreeze({
  /** The receiver must answer within this; any non-2xx, error or timeout is a failure [doc]. */
  receiverTimeoutMs: 15_000,
  /** The 14 retries, in seconds after the previous attempt (about 23.6 h in all) [doc]. */
  retryScheduleSeconds: [
    15, 15, 30, 180, 600, 1_200, 1_800, 1_800, 3_600, 10_800, 10_800, 10_800, 21_600, 21_600,
  ],
  /** The body of the HTTP 200 acknowledgement [default]. */
  ackBody: 'SUCCESS',
} as const);
