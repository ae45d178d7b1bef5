/**
 * Lease and lock defaults derived from the timing settings, never fixed: each lease outlives the
 * work it guards, so a slow WPay never makes a second instance fetch a competing token, nor a
 * retried Idempotency-Key start a second checkout while the first is still running.
 *
 * @module
 */

/**
 * What the worst-case durations are computed from (each a `WPay` option of the same name).
 *
 * @example
 * ```ts
 * const timing: TimingSettings = wpay.settings;
 * ```
 */
export interface TimingSettings {
  timeoutMs: number;
  maxRetries: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  retryAfterMaxMs: number;
  authRetryLimit: number;
}

/**
 * The longest one signed exchange (a business call or a token grant, with its retries) can take:
 * every attempt times out, and every wait between attempts is at its longest (the back-off cap,
 * or a `Retry-After` of `retryAfterMaxMs`).
 *
 * @example
 * ```ts
 * worstCaseExchangeMs(DEFAULTS); // 30 s × 3 attempts + 2 × 60 s = 210 000
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
 * worstCaseTokenFetchMs(DEFAULTS); // 420 000
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
 * worstCaseCallMs({ ...DEFAULTS, tokenLockTtlMs: 450_000 }); // 4 × (450 s + 210 s) = 2 640 000
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
 * leaseDefaults({ ...DEFAULTS, timeoutMs: 10_000 }).checkout.idempotencyLeaseMs;
 * ```
 */
export function leaseDefaults(s: TimingSettings & { tokenLockTtlMs?: number | undefined }) {
  const tokenLockTtlMs = worstCaseTokenFetchMs(s) + s.timeoutMs;
  const callMs = worstCaseCallMs({ ...s, tokenLockTtlMs: s.tokenLockTtlMs ?? tokenLockTtlMs });
  return {
    tokenLockTtlMs,
    tokenLockWaitMs: s.tokenLockTtlMs ?? tokenLockTtlMs,
    webhooks: { dedupeLeaseMs: callMs },
    checkout: { idempotencyLeaseMs: callMs },
  };
}
