/**
 * Waits until `check` returns a value other than `undefined`/`false`, polling every 50 ms; throws
 * with `what` after `timeoutMs`. For state that changes asynchronously (a webhook landing).
 *
 * @example
 * ```ts
 * const order = await eventually('the order is paid', () => orders.find(no)?.status === 'paid' && orders.find(no));
 * ```
 */
export async function eventually<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  { timeoutMs = 15_000 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
