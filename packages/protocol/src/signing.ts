/**
 * Request, response and webhook signatures (wpay-api.md §3 and §7). Only the facts live here: each
 * package computes signatures with its own code, pinned by `vectors/signatures.json` and
 * `vectors/webhooks.json`.
 *
 * @module
 */
import { deepFreeze } from './deep-freeze.js';

/**
 * Signature facts [twin]: `Base64(HMAC-SHA512(signKey, METHOD + TIMESTAMP + PATH + QUERY + BODY))`
 * for requests and responses, `Base64(HMAC-SHA512(signKey, TIMESTAMP + rawBody))` for webhooks.
 *
 * @example
 * ```ts
 * SIGNING.timestampToleranceMs; // 120000
 * ```
 */
export const SIGNING = deepFreeze({
  /** The hash of the HMAC. */
  hmac: 'SHA-512',
  /** Accepted distance between a timestamp and the receiver's clock, both ways [twin: ±2 min]. */
  timestampToleranceMs: 2 * 60 * 1000,
} as const);

/**
 * A known-answer vector of a request (or response) signature, as in `vectors/signatures.json`.
 *
 * @example
 * ```ts
 * import vectors from '@wpay/protocol/vectors/signatures.json' with { type: 'json' };
 * for (const vector of vectors.vectors satisfies SignatureVector[]) check(vector);
 * ```
 */
export interface SignatureVector {
  name: string;
  /** Where it comes from: WPay's documentation, or computed (and re-checked) by this kit. */
  source: string;
  signKey: string;
  method: string;
  timestamp: number;
  path: string;
  query: string;
  body: string;
  stringToSign: string;
  signature: string;
}

/**
 * A known-answer vector of a webhook signature, as in `vectors/webhooks.json`.
 *
 * @example
 * ```ts
 * import vectors from '@wpay/protocol/vectors/webhooks.json' with { type: 'json' };
 * for (const vector of vectors.vectors satisfies WebhookSignatureVector[]) check(vector);
 * ```
 */
export interface WebhookSignatureVector {
  name: string;
  /** Where it comes from: WPay's documentation, or computed (and re-checked) by this kit. */
  source: string;
  signKey: string;
  timestamp: string;
  body: string;
  stringToSign: string;
  signature: string;
}
