/**
 * Signing a webhook exactly as WPay does, for tests and sandboxes.
 *
 * @module
 */
import { DEFAULTS } from '../defaults.js';
import { createSigner } from '../transport/sign.js';
import { type RawBody, rawBodyBytes, signedBytes } from './webhook-crypto.js';

/**
 * Options of {@link signWebhook}.
 *
 * @example
 * ```ts
 * await signWebhook(body, { signKey, timestamp: Date.now() - 60_000 }); // signed a minute ago
 * ```
 */
export interface SignWebhookOptions {
  /** The API key's sign key. */
  signKey: string;
  /** Signing time in ms since the epoch. Default: `now()`. */
  timestamp?: number;
  /** The clock, in ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Header names. Default `SIGNATURE` / `TIMESTAMP`. */
  signatureHeader?: string;
  timestampHeader?: string;
  /** Web Crypto implementation. Default `globalThis.crypto`. */
  crypto?: Pick<Crypto, 'subtle'>;
}

/**
 * What {@link signWebhook} returns.
 *
 * @example
 * ```ts
 * const { headers }: SignedWebhook = await signWebhook(body, { signKey });
 * await fetch(url, { method: 'POST', headers, body });
 * ```
 */
export interface SignedWebhook {
  /** `Base64(HMAC-SHA512(signKey, TIMESTAMP + rawBody))`. */
  signature: string;
  /** The timestamp that was signed, as sent in the header (ms, decimal). */
  timestamp: string;
  /** The two headers to send with the body. */
  headers: Record<string, string>;
}

/**
 * Signs `rawBody` the way WPay signs webhooks: `Base64(HMAC-SHA512(signKey, TIMESTAMP + rawBody))`.
 *
 * @example
 * ```ts
 * const body = JSON.stringify({ eventId: 'evt_1', eventType: 'credit_card.order.paid', data });
 * const { headers } = await signWebhook(body, { signKey });
 * await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
 * ```
 */
export async function signWebhook(
  rawBody: RawBody,
  {
    signKey,
    now = Date.now,
    timestamp = now(),
    signatureHeader = DEFAULTS.protocol.headers.signature,
    timestampHeader = DEFAULTS.protocol.headers.timestamp,
    crypto,
  }: SignWebhookOptions,
): Promise<SignedWebhook> {
  const stamp = String(Math.trunc(timestamp));
  const signer = createSigner(signKey, { crypto });
  const signature = await signer.sign(signedBytes(stamp, rawBodyBytes(rawBody)));
  return {
    signature,
    timestamp: stamp,
    headers: { [signatureHeader]: signature, [timestampHeader]: stamp },
  };
}
