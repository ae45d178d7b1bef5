/** @module The injected logger and the silent default. */
/**
 * The logger the sandbox writes to (inject one; the default drops everything). The same shape as
 * `@wpay/server-helper`'s `Logger` (a type test there checks both ways); `console` fits.
 *
 * @example
 * ```ts
 * const logger: SandboxLogger = {
 *   debug: () => {},
 *   info: (msg, data) => process.stdout.write(`${msg} ${JSON.stringify(data ?? {})}\n`),
 *   warn: (msg) => process.stderr.write(`${msg}\n`),
 *   error: (msg) => process.stderr.write(`${msg}\n`),
 * };
 * ```
 */
export interface SandboxLogger {
  debug?(message: string, fields?: Record<string, unknown>): void;
  info?(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * A logger that drops everything.
 *
 * @example
 * ```ts
 * startSandbox({ logger: silentLogger });
 * ```
 */
export const silentLogger: SandboxLogger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};
