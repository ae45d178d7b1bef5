/**
 * Waiting for another request to finish, by polling a store (works for memory and Redis alike).
 *
 * @module
 */

/** Options of {@link pollUntil}. */
export interface PollOptions {
  /** Give up after this long, in ms. */
  timeoutMs: number;
  /** Wait this long between attempts, in ms. */
  intervalMs: number;
}

/**
 * Calls `attempt` until it returns something other than `undefined`, or the time is up (then
 * resolves to `undefined`). The first attempt comes after one interval.
 *
 * @example
 * ```ts
 * const state = await pollUntil(async () => {
 *   const r = await store.begin(key, fp, opts);
 *   return r.status === 'in_progress' ? undefined : r;
 * }, { timeoutMs: 10_000, intervalMs: 50 });
 * ```
 */
export async function pollUntil<T>(
  attempt: () => Promise<T | undefined>,
  { timeoutMs, intervalMs }: PollOptions,
): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    const result = await attempt();
    if (result !== undefined) return result;
  }
  return undefined;
}
