/**
 * What {@link signWebhook} and {@link verifyWebhook} sign: `TIMESTAMP + rawBody`, the body's bytes
 * as received (HMAC-SHA512 by the request {@link createSigner}).
 *
 * @module
 */

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
