/** @module The `WPAY_*` environment variables a shop reads its settings from, for one sandbox. */
import type { Sandbox } from '../start-sandbox.js';

/**
 * The environment variables a shop reads its WPay settings from, for one sandbox (the same
 * names the CLI prints and writes to `--ready-file`).
 *
 * @example
 * ```ts
 * sandboxEnv(sb).WPAY_BASE_URL; // 'http://127.0.0.1:54321'
 * ```
 */
export function sandboxEnv(
  sb: Pick<Sandbox, 'url' | 'credentials'>,
): Record<'WPAY_BASE_URL' | 'WPAY_API_KEY' | 'WPAY_API_SECRET' | 'WPAY_SIGN_KEY', string> {
  return {
    WPAY_BASE_URL: sb.url,
    WPAY_API_KEY: sb.credentials.apiKey,
    WPAY_API_SECRET: sb.credentials.apiSecret,
    WPAY_SIGN_KEY: sb.credentials.signKey,
  };
}
