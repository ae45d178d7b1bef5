/**
 * The header names of WPay's requests, responses and webhooks (wpay-api.md §2, §3 and §7).
 *
 * @module
 */
import { deepFreeze } from './deep-freeze.js';

/**
 * Header names. `signature` and `timestamp` are [twin] and a [default] setting (another twin uses
 * `D-SIGNATURE` / `D-TIMESTAMP`); the same two sign requests, responses and webhooks.
 *
 * @example
 * ```ts
 * HEADERS.signature; // 'SIGNATURE'
 * ```
 */
export const HEADERS = deepFreeze({
  signature: 'SIGNATURE',
  timestamp: 'TIMESTAMP',
  authorization: 'Authorization',
} as const);

/**
 * The names of the signature headers, as a client's options carry them.
 *
 * @example
 * ```ts
 * const names: SignatureHeaderNames = { signature: 'D-SIGNATURE', timestamp: 'D-TIMESTAMP' };
 * ```
 */
export interface SignatureHeaderNames {
  signature: string;
  timestamp: string;
}
