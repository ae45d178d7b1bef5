/**
 * The one logger shape of the kit: the client, its handlers, the fulfilment core and the sandbox
 * (`SandboxLogger`, the same shape, checked by a type test) all write to it. No `console` in
 * library code: `console` itself fits, as do pino and winston wrapped as
 * `{ info: (m, f) => log.info(f, m), … }`. Fields never contain secrets.
 *
 * @module
 */

/**
 * Where the kit reports what an answer does not show (retries, failed WPay calls, throwing
 * merchant code): a message and structured fields.
 *
 * @example
 * ```ts
 * new WPay({ ...credentials, environment: 'sandbox', logger: console });
 * const logger: Logger = { warn: (m, f) => log.warn(f, m), error: (m, f) => log.error(f, m) };
 * ```
 */
export interface Logger {
  debug?(message: string, fields?: Record<string, unknown>): void;
  info?(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * A logger that drops everything: the default.
 *
 * @example
 * ```ts
 * const { logger = silentLogger } = options;
 * ```
 */
export const silentLogger: Logger = {
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
