/**
 * The wait before status check number `attempt + 1`: `interval` doubled after each check, capped
 * at `maxInterval` (1 s, 2 s, 4 s, 8 s, 10 s, 10 s… with the defaults).
 *
 * @example
 * ```ts
 * backoffDelay(1, 1000, 10_000); // 1000
 * backoffDelay(3, 1000, 10_000); // 4000
 * backoffDelay(9, 1000, 10_000); // 10000
 * ```
 */
export function backoffDelay(attempt: number, interval: number, maxInterval: number): number {
  return Math.min(interval * 2 ** Math.max(0, attempt - 1), maxInterval);
}
