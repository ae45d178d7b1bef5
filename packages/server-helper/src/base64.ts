/**
 * Base64 without Node's `Buffer`, so signatures (requests, answers, webhooks) work on every
 * runtime (Workers, Deno, Bun).
 *
 * @module
 */

/**
 * Standard Base64 (with padding) of `bytes`.
 *
 * @example
 * ```ts
 * bytesToBase64(new Uint8Array([1, 2, 3])); // 'AQID'
 * ```
 */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The bytes of standard Base64 `text`, or `undefined` unless `text` is the one canonical spelling
 * of them: the standard alphabet, padded, unused trailing bits zero, no whitespace. So one value
 * has one spelling, and a signature cannot be re-spelt into another accepted header.
 *
 * @example
 * ```ts
 * base64ToBytes('AQID'); // Uint8Array [1, 2, 3]
 * base64ToBytes('AR=='); // undefined: 'AQ==' spelt with a trailing bit set
 * base64ToBytes('not base64!'); // undefined
 * ```
 */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  // atob ignores set trailing bits: only the spelling that re-encodes to itself is canonical.
  return bytesToBase64(bytes) === text ? bytes : undefined;
}
