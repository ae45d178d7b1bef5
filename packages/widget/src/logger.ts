/**
 * Where the widget reports misuse (a tag defined twice by different versions, a missing endpoint).
 * Replace it to route those messages to your own monitoring.
 *
 * @example
 * ```ts
 * const logger: Logger = { warn: (message) => monitoring.capture(message) };
 * ```
 */
export interface Logger {
  warn(message: string): void;
}

/**
 * The default logger: the browser console, the only place a page author is sure to look.
 *
 * @example
 * ```ts
 * consoleLogger.warn('<wpay-button> needs an endpoint attribute');
 * ```
 */
export const consoleLogger: Logger = {
  // biome-ignore lint/suspicious/noConsole: the console is the default, replaceable logger of a browser library.
  warn: (message) => console.warn(message),
};
