/** @module The sandbox's own HMAC-SHA512 signing (pinned by the known-answer vectors). */
import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';

/** Parts of a signed request or response (wpay-api.md §3). */
export interface SignedParts {
  /** HTTP method, any case: upper-cased when signing. */
  method: string;
  /** Milliseconds since the epoch, exactly as sent in the timestamp header. */
  timestamp: string;
  /** Path without scheme, host or query. */
  path: string;
  /** Raw query without the leading `?`, empty when none. */
  query: string;
  /** Exact body bytes, empty when none. */
  body: string | Uint8Array;
}

/**
 * Base64(HMAC-SHA512(signKey, message)), the message being UTF-8 text and raw bytes concatenated.
 *
 * @example
 * ```ts
 * hmacBase64('aR2822Y6XbehWMclnB0Y2NJK', ['POST1636360661729/openapi/test{"a":"124"}']);
 * // 'MxrYnCm9Q7JOAvOrISf8+T2kuTW1d/w0at8aaPaoiX08VWfun3XPokVlIx1TkHXdcitls09wzfUGtXQZq23xdg=='
 * ```
 */
export function hmacBase64(signKey: string, parts: ReadonlyArray<string | Uint8Array>): string {
  const hmac = createHmac('sha512', keyObjectOf(signKey));
  for (const part of parts) {
    if (typeof part === 'string') hmac.update(part, 'utf8');
    else hmac.update(part);
  }
  return hmac.digest('base64');
}

/** Sign keys as `KeyObject`s: an HMAC over a prepared key skips copying and checking the key. */
const keyObjects = new Map<string, KeyObject>();
/** Keys kept at most (a sandbox has one per merchant; tests may sign with many). */
const MAX_KEY_OBJECTS = 64;

function keyObjectOf(signKey: string): KeyObject {
  let key = keyObjects.get(signKey);
  if (key === undefined) {
    if (keyObjects.size >= MAX_KEY_OBJECTS) keyObjects.clear();
    key = createSecretKey(Buffer.from(signKey, 'utf8'));
    keyObjects.set(signKey, key);
  }
  return key;
}

/**
 * Signs a request or response: METHOD + TIMESTAMP + PATH + QUERY + BODY.
 *
 * @example
 * ```ts
 * signRequest('key', { method: 'POST', timestamp: '1', path: '/a', query: '', body: '{}' });
 * ```
 */
export function signRequest(signKey: string, parts: SignedParts): string {
  const { method, timestamp, path, query, body } = parts;
  return hmacBase64(signKey, [`${method.toUpperCase()}${timestamp}${path}${query}`, body]);
}

/**
 * Signs a webhook: TIMESTAMP + rawBody (wpay-api.md §7).
 *
 * @example
 * ```ts
 * signWebhook('key', '1700000000000', '{"eventId":"evt_1"}');
 * ```
 */
export function signWebhook(signKey: string, timestamp: string, body: string | Uint8Array): string {
  return hmacBase64(signKey, [timestamp, body]);
}

/**
 * Compares a received signature with the expected one in constant time.
 *
 * @example
 * ```ts
 * signaturesMatch(received, signRequest(key, parts)); // true or false
 * ```
 */
export function signaturesMatch(received: string, expected: string): boolean {
  const receivedBytes = Buffer.from(received, 'utf8');
  const expectedBytes = Buffer.from(expected, 'utf8');
  return (
    receivedBytes.length === expectedBytes.length && timingSafeEqual(receivedBytes, expectedBytes)
  );
}
