/**
 * Every webhook setting that WPay does not publish, by name, in one place (wpay-api.md §7 and
 * docs/protocol-defaults.md). Each one is an option of the functions that use it.
 *
 * @example
 * ```ts
 * import { WEBHOOK_DEFAULTS } from '@wpay/server-helper';
 * WEBHOOK_DEFAULTS.toleranceMs; // 120_000
 * ```
 */
export const WEBHOOK_DEFAULTS = {
  /** Header carrying `Base64(HMAC-SHA512(signKey, TIMESTAMP + rawBody))` [twin]. */
  signatureHeader: 'SIGNATURE',
  /** Header carrying the signing time in ms since the epoch [twin]. */
  timestampHeader: 'TIMESTAMP',
  /** Accepted distance between the webhook's timestamp and our clock, both ways [twin]. */
  toleranceMs: 2 * 60 * 1000,
  /** How long a handled `eventId` is remembered: longer than WPay's ~23.6 h of retries. */
  dedupeTtlMs: 48 * 60 * 60 * 1000,
  /** How long one delivery may hold an `eventId` while the merchant's code runs. */
  dedupeLeaseMs: 60 * 1000,
  /** How long a concurrent duplicate delivery waits for the first one to finish. */
  duplicateWaitMs: 10 * 1000,
  /** The acknowledgement body WPay expects with HTTP 200 [doc wording; exact body a default]. */
  ackBody: 'SUCCESS',
} as const;
