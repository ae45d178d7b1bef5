/**
 * The logger the handlers write to (no `console` in library code). `console` itself fits, as do
 * pino and winston child loggers wrapped as `{ warn: (m, d) => log.warn(d, m), … }`.
 *
 * @module
 */

/**
 * Where handlers report what the HTTP answer does not show (failed WPay calls, throwing merchant
 * code). Details never contain secrets.
 *
 * @example
 * ```ts
 * const logger: HandlerLogger = { warn: (m, d) => log.warn(d, m), error: (m, d) => log.error(d, m) };
 * ```
 */
export interface HandlerLogger {
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/**
 * A logger that drops everything: the default.
 *
 * @example
 * ```ts
 * const { logger = silentLogger } = options;
 * ```
 */
export const silentLogger: HandlerLogger = {
  warn() {},
  error() {},
};

/**
 * What may be logged about an error: its name, code and message (errors of this package never
 * carry secrets), never the whole object.
 *
 * @example
 * ```ts
 * logger.error('resolveOrder failed', describeError(error));
 * ```
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, ...(code === undefined ? {} : { code }) };
}
