/**
 * Request and response signatures (wpay-api.md §3):
 *
 * ```
 * stringToSign = METHOD + TIMESTAMP + PATH + QUERY + BODY
 * signature    = Base64(HMAC-SHA512(key = signKey (UTF-8), message = stringToSign (UTF-8)))
 * ```
 *
 * {@link bytesToSign} builds the UTF-8 bytes of `stringToSign` (bytes, because `BODY` may be bytes).
 * `BODY` is the exact bytes sent (or received, for a response), so callers serialize once and
 * pass the same string or bytes here and to `fetch`. The HMAC is `node:crypto`'s where the runtime
 * has it (see `node-hmac.ts`), else Web Crypto's: the choice is automatic, the bytes identical.
 *
 * @module
 */

import { base64ToBytes, bytesToBase64 } from '../base64.js';
import { WPayConfigError } from '../errors.js';
import { type NodeHmac, nodeHmac } from './node-hmac.js';

const encoder = new TextEncoder();

/** Length of an HMAC-SHA512, in bytes. */
export const HMAC_SHA512_BYTES = 64;

// The one canonical Base64 spelling of 64 bytes: 86 characters and `==`, the last character
// carrying 4 bits of data and 2 zero bits (A, Q, g or w).
const SIGNATURE_SPELLING = /^[A-Za-z0-9+/]{85}[AQgw]==$/;

/**
 * Whether `text` is the canonical Base64 of an HMAC-SHA512 (standard alphabet, padded, nothing
 * else): each signature has exactly one spelling.
 *
 * @example
 * ```ts
 * isSignatureSpelling('MxrYnCm9…q23xdg=='); // true
 * isSignatureSpelling('MxrYnCm9…q23xdh=='); // false: same bytes, non-canonical trailing bits
 * ```
 */
export function isSignatureSpelling(text: string): boolean {
  return SIGNATURE_SPELLING.test(text);
}

/**
 * The Web Crypto `SubtleCrypto` to use: the given one, or the runtime's global one.
 *
 * @throws {WPayConfigError} when the runtime has none.
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
 * The parts of a signed message.
 *
 * @example
 * ```ts
 * const parts: SignatureParts = { method: 'POST', timestamp: Date.now(), path: '/checkout/w-payment/hpp', body: json };
 * ```
 */
export interface SignatureParts {
  /** HTTP method; upper-cased here. */
  method: string;
  /** Milliseconds since the epoch, the same value as the timestamp header. */
  timestamp: number | string;
  /** Path without scheme and host, e.g. `/checkout/w-payment/hpp`. */
  path: string;
  /** Raw query without the leading `?`; empty when none. */
  query?: string | undefined;
  /** The exact body bytes (compact JSON); empty when none. */
  body?: string | Uint8Array | undefined;
}

/**
 * Options of the signing functions.
 *
 * @example
 * ```ts
 * await signRequest(parts, { signKey, crypto: (await import('node:crypto')).webcrypto });
 * ```
 */
export interface SignOptions {
  /**
   * Web Crypto to use. Default: `node:crypto` where the runtime has it (Node, Bun, Deno), else
   * `globalThis.crypto`. A Web Crypto given here (other than the global one) is always used.
   */
  crypto?: Pick<Crypto, 'subtle'> | undefined;
}

/**
 * The bytes that are signed: `METHOD + TIMESTAMP + PATH + QUERY + BODY`, UTF-8, no separators.
 *
 * @example
 * ```ts
 * new TextDecoder().decode(bytesToSign({ method: 'post', timestamp: 1, path: '/p', body: '{}' }));
 * // 'POST1/p{}'
 * ```
 */
export function bytesToSign(parts: SignatureParts): Uint8Array {
  const head = encoder.encode(headOf(parts));
  const body = typeof parts.body === 'string' ? encoder.encode(parts.body) : parts.body;
  if (!body || body.length === 0) return head;
  const all = new Uint8Array(head.length + body.length);
  all.set(head, 0);
  all.set(body, head.length);
  return all;
}

const headOf = (parts: SignatureParts) =>
  `${parts.method.toUpperCase()}${parts.timestamp}${parts.path}${parts.query ?? ''}`;

/**
 * The same message as {@link bytesToSign}, as parts for {@link Signer}: nothing is encoded or
 * copied where the HMAC takes the parts one by one (node:crypto).
 *
 * @example
 * ```ts
 * await signer.sign(messageToSign({ method: 'POST', timestamp, path, body: json }));
 * ```
 */
export function messageToSign(parts: SignatureParts): SignedMessage {
  const head = headOf(parts);
  return parts.body === undefined || parts.body.length === 0 ? head : [head, parts.body];
}

/**
 * What a {@link Signer} signs: text (UTF-8), bytes, or parts signed as if joined (no copy is made
 * where the HMAC takes them one by one).
 *
 * @example
 * ```ts
 * const message: SignedMessage = [timestampHeader, rawBody]; // a webhook's TIMESTAMP + body
 * ```
 */
export type SignedMessage = string | Uint8Array | readonly (string | Uint8Array)[];

const partsOf = (message: SignedMessage): readonly (string | Uint8Array)[] =>
  typeof message === 'string' || message instanceof Uint8Array ? [message] : message;

/**
 * HMAC-SHA512 with one imported key: sign and verify messages.
 *
 * @example
 * ```ts
 * const signer: Signer = createSigner(signKey);
 * const valid = await signer.verify(bytesToSign(parts), signature);
 * ```
 */
export interface Signer {
  /** Which implementation computes the HMAC (chosen by {@link createSigner}). */
  readonly backend: 'node:crypto' | 'web-crypto';
  /** Base64 HMAC-SHA512 of `message` (a string is UTF-8 encoded). */
  sign(message: SignedMessage): Promise<string>;
  /**
   * `sign` without a promise, where the HMAC is synchronous (node:crypto); absent on Web Crypto.
   * Every API call signs its request with it, skipping the promise machinery.
   */
  signNow?(message: SignedMessage): string;
  /** Whether `signature` (Base64) is the HMAC of `message`; compared in constant time. */
  verify(message: SignedMessage, signature: string): Promise<boolean>;
  /**
   * `verify` without a promise, where the HMAC is synchronous (node:crypto); absent on Web Crypto.
   * Webhook verification uses it to skip the promise machinery on every delivery.
   */
  verifyNow?(message: SignedMessage, signature: string): boolean;
}

/**
 * Imports `signKey` once and returns a {@link Signer}; reuse it to avoid re-importing the key.
 * The key never leaves the returned closure.
 *
 * @example
 * ```ts
 * const signer = createSigner('aR2822Y6XbehWMclnB0Y2NJK');
 * await signer.sign('POST1636360661729/openapi/test{"a":"124"}'); // 'MxrYnCm9…xdg=='
 * ```
 */
export function createSigner(signKey: string, options: SignOptions = {}): Signer {
  const { crypto } = options;
  const node = crypto === undefined || crypto === globalThis.crypto ? nodeHmac() : undefined;
  return node ? createNodeSigner(signKey, node) : createWebCryptoSigner(signKey, crypto);
}

function createNodeSigner(signKey: string, node: NodeHmac): Signer {
  const key = node.key(signKey);
  const verifyNow = (message: SignedMessage, signature: string): boolean => {
    if (!isSignatureSpelling(signature)) return false;
    return node.timingSafeEqual(node.hmac(key, partsOf(message)), node.fromBase64(signature));
  };
  const signNow = (message: SignedMessage): string => node.hmacBase64(key, partsOf(message));
  return {
    backend: 'node:crypto',
    async sign(message) {
      return signNow(message);
    },
    signNow,
    async verify(message, signature) {
      return verifyNow(message, signature);
    },
    verifyNow,
  };
}

function createWebCryptoSigner(signKey: string, crypto: SignOptions['crypto']): Signer {
  const subtle = resolveSubtle(crypto);
  let key: Promise<CryptoKey> | undefined;
  const getKey = () => {
    key ??= subtle.importKey(
      'raw',
      encoder.encode(signKey),
      { name: 'HMAC', hash: 'SHA-512' },
      false,
      ['sign', 'verify'],
    );
    key.catch(() => {
      key = undefined; // import again on the next call
    });
    return key;
  };
  const bytes = (message: SignedMessage): Uint8Array<ArrayBuffer> => {
    if (typeof message === 'string') return encoder.encode(message);
    if (message instanceof Uint8Array) {
      return message.buffer instanceof ArrayBuffer
        ? (message as Uint8Array<ArrayBuffer>)
        : new Uint8Array(message);
    }
    const parts = message.map((part) => (typeof part === 'string' ? encoder.encode(part) : part));
    const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of parts) {
      joined.set(part, at);
      at += part.length;
    }
    return joined;
  };
  return {
    backend: 'web-crypto',
    async sign(message) {
      const signature = await subtle.sign('HMAC', await getKey(), bytes(message));
      return bytesToBase64(new Uint8Array(signature));
    },
    async verify(message, signature) {
      // Canonical Base64 only: each signature has one spelling, compared as bytes in constant time.
      const expected = base64ToBytes(signature);
      if (expected?.length !== HMAC_SHA512_BYTES) return false;
      return subtle.verify('HMAC', await getKey(), expected, bytes(message));
    },
  };
}

/**
 * Signs a request: Base64 HMAC-SHA512 of {@link bytesToSign} with `signKey`.
 *
 * @example
 * ```ts
 * const body = JSON.stringify({ trxNo: 'TRX1' });
 * const timestamp = Date.now();
 * const signature = await signRequest({ method: 'POST', timestamp, path: '/checkout/w-payment/payments/detail', body },
 *   { signKey });
 * // send headers SIGNATURE: signature, TIMESTAMP: String(timestamp), and exactly `body`
 * ```
 */
export async function signRequest(
  parts: SignatureParts,
  options: SignOptions & { signKey: string },
): Promise<string> {
  return createSigner(options.signKey, options).sign(messageToSign(parts));
}

/**
 * Verifies a signature made by {@link signRequest} (a request, or a signed response: the response's
 * own timestamp and body, with the request's method and path). Constant-time; `false` for a
 * malformed signature.
 *
 * @example
 * ```ts
 * const ok = await verifySignature(
 *   { method: 'POST', timestamp: res.headers.get('TIMESTAMP') ?? '', path, body: rawText },
 *   res.headers.get('SIGNATURE') ?? '', { signKey });
 * ```
 */
export async function verifySignature(
  parts: SignatureParts,
  signature: string,
  options: SignOptions & { signKey: string },
): Promise<boolean> {
  return createSigner(options.signKey, options).verify(messageToSign(parts), signature);
}
