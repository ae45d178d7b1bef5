/**
 * Waiting for another request to finish, by asking a store again (works for memory and Redis
 * alike): the checkout handler's duplicate Idempotency-Keys, the webhook handler's duplicate
 * deliveries.
 *
 * @module
 */

/** Options of {@link pollWhile}. */
export interface PollOptions {
  /** Give up after this long, in ms. */
  timeoutMs: number;
  /** Wait this long between attempts, in ms. */
  intervalMs: number;
}

/**
 * Calls `attempt` now, then again every `intervalMs` while `pending(result)` and the time is not
 * up; resolves to the last result (still pending when the time ran out).
 *
 * @example
 * ```ts
 * const claim = await pollWhile(() => store.claim(eventId, options), (c) => c.status === 'in_progress',
 *   { timeoutMs: 10_000, intervalMs: 50 });
 * ```
 */
export async function pollWhile<T>(
  attempt: () => Promise<T>,
  pending: (result: T) => boolean,
  { timeoutMs, intervalMs }: PollOptions,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let result = await attempt();
  while (pending(result) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    result = await attempt();
  }
  return result;
}
