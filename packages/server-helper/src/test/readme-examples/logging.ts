// Every WPay call in your logs (hooks see headers and bodies with secrets redacted).
import { WPay, type WPayOptions } from '@wpay/server-helper';

type Log = (details: Record<string, unknown>, message: string) => void;

export function loggedWPay(options: WPayOptions, log: { info: Log; warn: Log }): WPay {
  return new WPay({
    ...options,
    onResponse: (e) => log.info({ path: e.path, status: e.httpStatus, ms: e.durationMs }, 'wpay'),
    onRetry: (e) => log.warn({ path: e.path, delayMs: e.delayMs, error: e.error.name }, 'retry'),
  });
}
