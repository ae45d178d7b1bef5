/** @module Every value the sandbox chose where WPay publishes none, each under one name. */
import { HEADERS, SIGNING, TOKEN, WEBHOOK_DELIVERY } from '@wpay/protocol';
/**
 * Every value the sandbox chose where WPay publishes nothing ([default] in wpay-api.md and
 * docs/protocol-defaults.md), plus WPay's documented values, each under one name so that it can be
 * corrected in one place.
 *
 * @example
 * ```ts
 * import { SANDBOX_DEFAULTS } from '@wpay/sandbox';
 * SANDBOX_DEFAULTS.webhookRetryScheduleSeconds.length; // 14
 * ```
 */
export const SANDBOX_DEFAULTS = {
  /** Host the sandbox listens on. */
  host: '127.0.0.1',
  /** Port of `startSandbox` (0: a random free port). */
  port: 0,
  /** Port of the CLI when `--port` is not given. */
  cliPort: 4010,
  /** Divides the webhook retry schedule and the slow card's delay. */
  timeScale: 1,
  /** Seed of the fault PRNG. */
  seed: 1,
  /** Test credentials (a sandbox only). */
  credentials: {
    apiKey: 'wpay_test_api_key',
    apiSecret: 'wpay_test_api_secret',
    signKey: 'wpay_test_sign_key',
  },
  /** Access-token lifetime [doc]. */
  tokenTtlSeconds: TOKEN.accessTokenLifetimeSeconds,
  /** Refresh-token lifetime [doc]. */
  refreshTokenTtlSeconds: TOKEN.refreshTokenLifetimeSeconds,
  /** Hosted-page session lifetime [default]. */
  sessionTtlSeconds: 1_800,
  /** Accepted distance between a request's TIMESTAMP and the real wall clock [twin]. */
  timestampToleranceMs: SIGNING.timestampToleranceMs,
  /** Signature header name [twin]; another twin uses `D-SIGNATURE`. */
  signatureHeader: HEADERS.signature,
  /** Timestamp header name [twin]; another twin uses `D-TIMESTAMP`. */
  timestampHeader: HEADERS.timestamp,
  /** Shape of the refresh-grant answer: the bare token object as documented, or the envelope. */
  refreshResponseShape: 'bare' as 'bare' | 'envelope',
  /** Merchant name shown on the hosted page. */
  merchantName: 'Sandbox Shop',
  /** Id of the merchant of the top-level options (`sb.merchant('default')`). */
  defaultMerchantId: 'default',
  /** Prefix of a merchant's own control API: `/__sandbox/merchants/{id}/…`. */
  merchantControlPath: '/__sandbox/merchants',
  /** Webhook receiver deadline [doc]. Not scaled by `timeScale`. */
  webhookTimeoutMs: WEBHOOK_DELIVERY.receiverTimeoutMs,
  /** WPay's 14 retry delays in seconds [doc], divided by `timeScale`. */
  webhookRetryScheduleSeconds: WEBHOOK_DELIVERY.retryScheduleSeconds as readonly number[],
  /** Body a receiver acknowledges with [doc wording, exact body a default]. */
  webhookAckBody: WEBHOOK_DELIVERY.ackBody,
  /** How long the slow test card stays PAYING, in seconds, divided by `timeScale` [default]. */
  slowCardSeconds: 30,
  /**
   * Consecutive failed renewals after which a subscription ends [default]: the first failures make
   * it `PAST_DUE`, this one makes it `EXPIRED` with `credit_card.subscription.expired`.
   */
  maxFailedRenewals: 3,
  /**
   * Payments one merchant keeps: beyond it the oldest is forgotten with its refunds, so that a
   * long-running sandbox stays within a bounded memory (about 1 kB per payment).
   */
  maxPayments: 50_000,
  /**
   * How long, on the sandbox clock, a hosted page still answers (409 / 410) after its session
   * expired; then the session is forgotten and its page answers 404 (the payment stays).
   */
  sessionRetentionSeconds: 86_400,
  /** Webhook events one merchant keeps (with their deliveries); beyond it the oldest go. */
  maxWebhookEvents: 100_000,
  /** Prefix of the hosted-page path: `${publicUrl}/hpp/${sessionId}` [default]. */
  hostedPagePath: '/hpp',
  /** Prefix of the control API (no token: local use only). */
  controlPath: '/__sandbox',
  /** Channel of every payment. */
  channelId: 'STRIPE',
  /** Payment method of every test card. */
  paymentMethod: 'VISA',
  /** Processing fee: percent of the amount plus a fixed part in major units [default]. */
  processingFeePercent: 2.9,
  processingFeeFixed: 0.3,
  /** Days after payment when funds are available (`gatewayAvailableOn`) [default]. */
  gatewayAvailableDays: 2,
  /** Offset of WPay's zone-less timestamps from UTC, in minutes [default: UTC]. */
  timeZoneOffsetMinutes: 0,
  /** Default and maximum page sizes of list endpoints [default]. */
  defaultPageSize: 10,
  maxPageSize: 100,
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: 1_048_576,
  /** Characters of a receiver's answer kept in a delivery attempt. */
  bodyExcerptChars: 200,
  /** How long a webhook-reorder fault holds an event back, in ms (divided by `timeScale`). */
  reorderDelayMs: 5_000,
  /** Latency added by a latency fault, in ms, when the rule gives none. */
  faultLatencyMs: 1_000,
  /** HTTP status of an http-5xx fault when the rule gives none. */
  faultHttpStatus: 503,
  /** retcode of a retcode fault when the rule gives none. */
  faultRetcode: '500',
} as const;

/**
 * The shape of {@link SANDBOX_DEFAULTS}.
 *
 * @example
 * ```ts
 * const schedule: SandboxDefaults['webhookRetryScheduleSeconds'] = SANDBOX_DEFAULTS.webhookRetryScheduleSeconds;
 * ```
 */
export type SandboxDefaults = typeof SANDBOX_DEFAULTS;

/**
 * The protocol [default]s that have no option of their own; the `defaults` option of
 * `startSandbox` (CLI `--default key=value`) overrides any of them for one sandbox.
 *
 * @example
 * ```ts
 * PROTOCOL_DEFAULT_KEYS.includes('timeZoneOffsetMinutes'); // true
 * ```
 */
export const PROTOCOL_DEFAULT_KEYS = [
  'webhookRetryScheduleSeconds',
  'webhookAckBody',
  'hostedPagePath',
  'channelId',
  'paymentMethod',
  'processingFeePercent',
  'processingFeeFixed',
  'gatewayAvailableDays',
  'timeZoneOffsetMinutes',
  'defaultPageSize',
  'maxPageSize',
] as const;

/**
 * The values of {@link PROTOCOL_DEFAULT_KEYS}.
 *
 * @example
 * ```ts
 * const zone: ProtocolDefaults['timeZoneOffsetMinutes'] = 480; // UTC+8
 * ```
 */
export type ProtocolDefaults = {
  -readonly [K in (typeof PROTOCOL_DEFAULT_KEYS)[number]]: K extends 'webhookRetryScheduleSeconds'
    ? readonly number[]
    : SandboxDefaults[K] extends number
      ? number
      : string;
};
