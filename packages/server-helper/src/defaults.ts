/**
 * Every default of the package, by name, in one place: each [default] of wpay-api.md and
 * docs/protocol-defaults.md, and the settings of the handlers. Nothing else holds a default
 * value; every entry is a `WPay` option of the same name (and the handler settings are also
 * options of their handler).
 *
 * WPay's facts (paths, headers, retcodes, status codes, page keys, environments, lifetimes) come
 * from `@wpay/protocol`, their one home; this module makes each an overridable setting.
 *
 * @module
 */
import {
  AUTH_ERROR_HTTP_STATUSES,
  AUTH_ERROR_RETCODES,
  ENVIRONMENTS,
  HEADERS,
  MCH_ORDER_NO_PATTERN,
  PAGE_KEYS,
  PATHS,
  PAY_MODES,
  PAYMENT_STATUS_CODES,
  SIGNATURE_ERROR_RETCODES,
  SIGNING,
  SUCCESS_RETCODE,
  TOKEN,
  type TokenRequestEncoding,
  WEBHOOK_DELIVERY,
} from '@wpay/protocol';

/**
 * The timing settings the lease and lock defaults are derived from (each is also a `WPay` option
 * and a {@link DEFAULTS} entry of the same name).
 *
 * @example
 * ```ts
 * RETRY_TIMING.timeoutMs === DEFAULTS.timeoutMs; // true
 * ```
 */
export const RETRY_TIMING = {
  /** Per-request timeout, including reading the body. */
  timeoutMs: 30_000,
  /** Retries after the first attempt (where retrying is safe). */
  maxRetries: 2,
  /** Back-off: the cap of attempt n is `min(retryMaxDelayMs, retryBaseDelayMs * 2^n)`; full jitter. */
  retryBaseDelayMs: 500,
  /** Back-off ceiling. */
  retryMaxDelayMs: 10_000,
  /** The longest `Retry-After` honoured; longer values are capped. */
  retryAfterMaxMs: 60_000,
  /**
   * Most auth retries of one call. A refused token is dropped and the call retried with a new
   * one: once when the refusal is unexplained, and again while each refusal is explained by a
   * change (the token was replaced meanwhile, or had worked before and was revoked or expired).
   */
  authRetryLimit: 3,
};

/** What the worst-case durations are computed from: the {@link RETRY_TIMING} settings. */
export type TimingSettings = { [K in keyof typeof RETRY_TIMING]: number };

/**
 * The longest one signed exchange (a business call or a token grant, with its retries) can take:
 * every attempt times out, and every wait between attempts is at its longest (the back-off cap,
 * or a `Retry-After` of `retryAfterMaxMs`).
 *
 * @example
 * ```ts
 * worstCaseExchangeMs(RETRY_TIMING); // 30 s × 3 attempts + 2 × 60 s = 210 000
 * ```
 */
export function worstCaseExchangeMs(s: TimingSettings): number {
  let waits = 0;
  for (let retry = 1; retry <= s.maxRetries; retry++) {
    const backOff = Math.min(s.retryMaxDelayMs, s.retryBaseDelayMs * 2 ** (retry - 1));
    waits += Math.max(backOff, s.retryAfterMaxMs);
  }
  return s.timeoutMs * (s.maxRetries + 1) + waits;
}

/**
 * The longest fetching a token can take: a refresh, then (when the refresh is refused) a new
 * token, each a worst-case exchange.
 *
 * @example
 * ```ts
 * worstCaseTokenFetchMs(RETRY_TIMING); // 420 000
 * ```
 */
export function worstCaseTokenFetchMs(s: TimingSettings): number {
  return 2 * worstCaseExchangeMs(s);
}

/**
 * The longest one business call can take: for the first attempt and each of `authRetryLimit`
 * auth retries, waiting on (or holding) the token lock for up to `tokenLockTtlMs`, then the
 * exchange itself.
 *
 * @example
 * ```ts
 * worstCaseCallMs({ ...RETRY_TIMING, tokenLockTtlMs: 450_000 }); // 4 × (450 s + 210 s) = 2 640 000
 * ```
 */
export function worstCaseCallMs(s: TimingSettings & { tokenLockTtlMs: number }): number {
  return (1 + s.authRetryLimit) * (s.tokenLockTtlMs + worstCaseExchangeMs(s));
}

/**
 * The lease and lock defaults for the given timing: each outlives the work it guards, so a slow
 * WPay never makes a second instance fetch a competing token, nor a retried Idempotency-Key start
 * a second checkout while the first is still running.
 * - `tokenLockTtlMs`: a worst-case token fetch, plus one `timeoutMs` of margin;
 * - `tokenLockWaitMs`: as long as the lock can be held, so a waiter never fetches a token while
 *   the holder is alive (a crashed holder's lock expires first);
 * - `webhooks.dedupeLeaseMs`, `checkout.idempotencyLeaseMs`: a worst-case business call (the
 *   webhook handler's code, or `resolveOrder`, should add no long work of their own).
 *
 * Options given explicitly are kept as they are; these replace only the defaults.
 *
 * @example
 * ```ts
 * leaseDefaults({ ...RETRY_TIMING, timeoutMs: 10_000 }).checkout.idempotencyLeaseMs;
 * ```
 */
export function leaseDefaults(s: TimingSettings & { tokenLockTtlMs?: number }) {
  const tokenLockTtlMs = worstCaseTokenFetchMs(s) + s.timeoutMs;
  const callMs = worstCaseCallMs({ ...s, tokenLockTtlMs: s.tokenLockTtlMs ?? tokenLockTtlMs });
  return {
    tokenLockTtlMs,
    tokenLockWaitMs: s.tokenLockTtlMs ?? tokenLockTtlMs,
    webhooks: { dedupeLeaseMs: callMs },
    checkout: { idempotencyLeaseMs: callMs },
  };
}

const LEASES = leaseDefaults(RETRY_TIMING);

/**
 * Every protocol default, by name. Values marked [default] in wpay-api.md are guesses where WPay
 * publishes nothing: override any of them in the `WPay` options when the real value is known.
 *
 * @example
 * ```ts
 * new WPay({ ...credentials, environment: 'sandbox',
 *   headers: { signature: 'D-SIGNATURE', timestamp: 'D-TIMESTAMP' } });
 * DEFAULTS.paths.refundCreate; // '/checkout/w-payment/refund'
 * DEFAULTS.webhooks.ackBody; // 'SUCCESS'
 * ```
 */
export const DEFAULTS = {
  /** Base URL of each environment [twin]. */
  environments: ENVIRONMENTS,
  /** Endpoint paths (§2, §5). Refund is [twin], subscription cancel is [default]. */
  paths: PATHS,
  /** Header names [twin; another twin uses `D-SIGNATURE` / `D-TIMESTAMP`]. */
  headers: HEADERS,
  /** How the token request carries its fields [default: multipart/form-data, per the doc table]. */
  tokenRequestEncoding: TOKEN.requestEncoding as TokenRequestEncoding,
  /** Retcodes meaning success; compared as strings, so `"200"` and `200` both match [doc]. */
  successRetcodes: [SUCCESS_RETCODE] as readonly string[],
  /** Retcodes meaning "bad or expired token": drop the token, retry once [default]. */
  authErrorRetcodes: AUTH_ERROR_RETCODES,
  /** HTTP statuses meaning the same [default]. */
  authErrorHttpStatuses: AUTH_ERROR_HTTP_STATUSES,
  /** Retcodes of signature refusals (missing header, mismatch, clock skew) [twin/default]. */
  signatureErrorRetcodes: SIGNATURE_ERROR_RETCODES,
  /** Refresh the access token this long before it expires [default]. */
  tokenRefreshMarginSeconds: 300,
  /** Access token lifetime when the answer has no `expires_in` [doc: 21600]. */
  accessTokenLifetimeSeconds: TOKEN.accessTokenLifetimeSeconds as number,
  /** Refresh token lifetime when the answer has no `rt_expires_in` [doc: 43200]. */
  refreshTokenLifetimeSeconds: TOKEN.refreshTokenLifetimeSeconds as number,
  /** Prefix of the token store key (followed by the api key, never the secret). */
  tokenStoreKeyPrefix: 'wpay:token:',
  /** How long a token-store lock is held at most [derived: {@link leaseDefaults}]. */
  tokenLockTtlMs: LEASES.tokenLockTtlMs,
  /**
   * How long to wait for another instance holding the lock before fetching anyway [derived:
   * `tokenLockTtlMs`, so a live holder is never raced].
   */
  tokenLockWaitMs: LEASES.tokenLockWaitMs,
  /** How often to poll the store while another instance holds the lock. */
  tokenLockPollMs: 100,
  /** Timeout, retries, back-off, `Retry-After` cap, auth retries: see {@link RETRY_TIMING}. */
  ...RETRY_TIMING,
  /** HTTP statuses worth retrying (`'5xx'` matches a class). */
  retryHttpStatuses: ['429', '5xx'] as readonly string[],
  /**
   * Error codes (anywhere in an error's `cause` chain) proving the request never left: connection
   * refused, DNS failure, no route, connect timeout. Only these allow retrying a refund or a cancel.
   */
  notSentErrorCodes: [
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EAI_NONAME',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'UND_ERR_CONNECT_TIMEOUT',
  ] as readonly string[],
  /** Verify signed responses (§3) [default: off]. */
  verifyResponses: false,
  /** Accepted distance between a signed response's timestamp and our clock [twin: ±2 min]. */
  responseTimestampToleranceMs: SIGNING.timestampToleranceMs as number,
  /** Numeric status filter of the payments list [default]. */
  paymentStatusCodes: PAYMENT_STATUS_CODES as Readonly<Record<string, number>>,
  /** Response keys of a page; payments use the same as subscriptions and bills [default]. */
  pageKeys: PAGE_KEYS,
  /** Accepted merchant order / subscription numbers [default: the sandbox's rule, `00008`]. */
  mchOrderNoPattern: MCH_ORDER_NO_PATTERN,
  /** Page size used by `iterate()` when none is given. */
  iteratePageSize: 50,
  /**
   * Webhooks (§7): `wpay.webhooks`, `verifyWebhook` and `webhookHandler` (whose options have the
   * same names). Their header names are {@link DEFAULTS.headers}, shared with requests.
   */
  webhooks: {
    /** Accepted distance between a webhook's timestamp and our clock, both ways [twin: ±2 min]. */
    toleranceMs: SIGNING.timestampToleranceMs as number,
    /** The acknowledgement body sent with HTTP 200 [doc wording; exact body a default]. */
    ackBody: WEBHOOK_DELIVERY.ackBody as string,
    /** How long a handled `eventId` is remembered: longer than WPay's ~23.6 h of retries. */
    dedupeTtlMs: 48 * 60 * 60 * 1000,
    /**
     * How long one delivery holds an `eventId` while the merchant's code runs [derived: a
     * worst-case call, {@link leaseDefaults}].
     */
    dedupeLeaseMs: LEASES.webhooks.dedupeLeaseMs,
    /** How long a concurrent duplicate delivery waits for the first one (WPay waits 15 s). */
    duplicateWaitMs: 10 * 1000,
    /** How often a waiting duplicate looks again. */
    pollIntervalMs: 50,
    /** Back-off before each retry of recording a handled event as done (store blips). */
    recordRetryDelaysMs: [100, 400, 1600] as readonly number[],
    /** Largest accepted webhook body. */
    maxBodyBytes: 1024 * 1024,
  },
  /** The checkout handler (`wpay.checkoutHandler`; its options have the same names). */
  checkout: {
    /** How long an Idempotency-Key answers the same session. */
    idempotencyTtlMs: 24 * 60 * 60 * 1000,
    /**
     * How long a running request holds its key (a crashed process frees it after this) [derived:
     * a worst-case call, {@link leaseDefaults}].
     */
    idempotencyLeaseMs: LEASES.checkout.idempotencyLeaseMs,
    /** How long a concurrent duplicate waits for the first request. */
    idempotencyWaitMs: 15 * 1000,
    /** How often a waiting duplicate looks again. */
    pollIntervalMs: 50,
    /** Largest accepted checkout body. */
    maxBodyBytes: 64 * 1024,
    /** Deepest accepted nesting of arrays/objects in a JSON checkout body (deeper: 400). */
    maxBodyDepth: 32,
    /** `payMode` when `resolveOrder` gives none. */
    payMode: PAY_MODES[0] as string,
  },
  /**
   * `wpay.refunds.createSafely`: how a refund whose answer is in doubt (timeout, lost answer, 5xx)
   * is settled by reading the payment back, never by sending it again.
   */
  refunds: {
    /**
     * The payment field holding the total refunded so far, in major units [default: the
     * sandbox's `refundedAmount`; WPay documents no such field]. Without it, only the statuses
     * `PAID` (nothing refunded) and `REFUNDED` (all of it) tell the amount.
     */
    refundedAmountField: 'refundedAmount',
    /** Reads of the payment after an unconfirmed answer before calling the refund in doubt. */
    readBackAttempts: 3,
    /** The wait before each read-back (WPay may still be processing the refund). */
    readBackIntervalMs: 1000,
  },
  /** The status handler (`wpay.statusHandler`; its options have the same names). */
  status: {
    /** Search of WPay's payment list for `?mchOrderNo=` when `findTrxNo` does not know it. */
    scan: { maxPages: 5, pageSize: 50 },
  },
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

/**
 * @deprecated Use `DEFAULTS.webhooks`, and `DEFAULTS.headers` for the header names.
 *
 * @example
 * ```ts
 * WEBHOOK_DEFAULTS.toleranceMs === DEFAULTS.webhooks.toleranceMs; // true
 * ```
 */
export const WEBHOOK_DEFAULTS = {
  signatureHeader: DEFAULTS.headers.signature,
  timestampHeader: DEFAULTS.headers.timestamp,
  ...DEFAULTS.webhooks,
};

/**
 * @deprecated Use `DEFAULTS.checkout`.
 *
 * @example
 * ```ts
 * CHECKOUT_DEFAULTS === DEFAULTS.checkout; // true
 * ```
 */
export const CHECKOUT_DEFAULTS = DEFAULTS.checkout;
