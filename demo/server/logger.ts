/** Where the demo server reports what happens; `console` fits. */
export interface DemoLogger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/**
 * A logger that drops everything (tests, or an embedder that does not care).
 *
 * @example
 * ```ts
 * await startDemo({ port: 0, dbPath: ':memory:', logger: silentLogger });
 * ```
 */
export const silentLogger: DemoLogger = {
  info() {},
  warn() {},
  error() {},
};

/**
 * A short, secret-free description of an error for logs: its class, code and message.
 *
 * @example
 * ```ts
 * logger.error('refund failed', describe(error));
 * ```
 */
export function describe(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const code = (error as { code?: unknown }).code;
  return { error: error.name, message: error.message, ...(code === undefined ? {} : { code }) };
}
