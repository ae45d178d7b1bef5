/**
 * The Web Crypto pieces shared by {@link signWebhook} and {@link verifyWebhook}: the HMAC-SHA512
 * key and the exact bytes that are signed (`TIMESTAMP + rawBody`, the body as received).
 *
 * @module
 */
import { WPayConfigError } from '../errors.js';

/**
 * A webhook body as received: text, or the raw bytes (preferred: nothing is re-encoded).
 *
 * @example
 * ```ts
 * const rawBody: RawBody = new Uint8Array(await request.arrayBuffer());
 * ```
 */
export type RawBody = string | Uint8Array | ArrayBuffer;

const encoder = new TextEncoder();

/**
 * The Web Crypto `SubtleCrypto` to use: the given one, or the runtime's global one.
 *
 * @example
 * ```ts
 * const subtle = resolveSubtle(); // globalThis.crypto.subtle
 * ```
 */
export function resolveSubtle(crypto?: Pick<Crypto, 'subtle'>): SubtleCrypto {
  const subtle = crypto?.subtle ?? globalThis.crypto?.subtle;
  if (!subtle) {
    throw new WPayConfigError({
      field: 'crypto',
      message: 'Web Crypto (crypto.subtle) is not available in this runtime',
      hint: "Pass { crypto: (await import('node:crypto')).webcrypto } on Node 18, or upgrade the runtime.",
    });
  }
  return subtle;
}

/**
 * Imports `signKey` (UTF-8) as an HMAC-SHA512 key for signing and verifying.
 *
 * @example
 * ```ts
 * const key = await importSignKey(crypto.subtle, signKey);
 * ```
 */
export function importSignKey(subtle: SubtleCrypto, signKey: string): Promise<CryptoKey> {
  return subtle.importKey(
    'raw',
    encoder.encode(signKey),
    { name: 'HMAC', hash: 'SHA-512' },
    false,
    ['sign', 'verify'],
  );
}

/**
 * The raw body as bytes, without re-encoding when it already is bytes.
 *
 * @example
 * ```ts
 * rawBodyBytes('{"a":1}'); // Uint8Array of the UTF-8 text
 * ```
 */
export function rawBodyBytes(rawBody: RawBody): Uint8Array {
  if (typeof rawBody === 'string') return encoder.encode(rawBody);
  if (rawBody instanceof Uint8Array) return rawBody;
  return new Uint8Array(rawBody);
}

/**
 * The signed message: the UTF-8 bytes of `timestamp` followed by the body's bytes.
 *
 * @example
 * ```ts
 * signedBytes('1700000000000', rawBodyBytes('{}')); // bytes of '1700000000000{}'
 * ```
 */
export function signedBytes(timestamp: string, body: Uint8Array): Uint8Array<ArrayBuffer> {
  const prefix = encoder.encode(timestamp);
  const message = new Uint8Array(prefix.length + body.length);
  message.set(prefix, 0);
  message.set(body, prefix.length);
  return message;
}
