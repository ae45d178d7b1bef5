/** @module A sleep that the sandbox closing cuts short. */
/**
 * Waits `ms`, or less when `signal` aborts (never rejects).
 *
 * @example
 * ```ts
 * await sleep(100, closing);
 * ```
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
