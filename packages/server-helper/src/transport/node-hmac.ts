/**
 * HMAC-SHA512 (and the SHA-256 of idempotency fingerprints) through `node:crypto`, where the
 * runtime has it (Node, Bun, Deno): synchronous, with none of Web Crypto's promise machinery
 * (≈ 10× cheaper per webhook on Node). Found through
 * `process.getBuiltinModule`, so no bundle for an edge runtime imports `node:crypto`; there, and
 * wherever it is missing, {@link nodeHmac} is `undefined` and the signer uses Web Crypto.
 *
 * @module
 */

/** The few `node:crypto` / `node:buffer` functions the signer uses. */
export interface NodeHmac {
  /** HMAC-SHA512 of the parts, in order, with the key given to {@link NodeHmac.key}. */
  hmac(key: unknown, parts: readonly (string | Uint8Array)[]): Uint8Array;
  /** {@link NodeHmac.hmac} as Base64, encoded by the digest itself (no copy through a Buffer). */
  hmacBase64(key: unknown, parts: readonly (string | Uint8Array)[]): string;
  /** Imports a key once (a `KeyObject`). */
  key(secret: string): unknown;
  base64(bytes: Uint8Array): string;
  /** Decodes Base64 that is known to be canonical. */
  fromBase64(text: string): Uint8Array;
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
  /** SHA-256 of the UTF-8 of `text`, as lowercase hex. */
  sha256Hex(text: string): string;
}

interface Hmac {
  update(data: string | Uint8Array): Hmac;
  digest(): Uint8Array;
  digest(encoding: 'base64'): string;
}
interface Hash {
  update(data: string, encoding: 'utf8'): Hash;
  digest(encoding: 'hex'): string;
}
interface NodeCryptoModule {
  createHmac(algorithm: string, key: unknown): Hmac;
  createHash(algorithm: string): Hash;
  createSecretKey(key: string, encoding: 'utf8'): unknown;
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
}
interface NodeBufferModule {
  Buffer: {
    from(
      data: Uint8Array | string,
      encoding?: 'base64',
    ): Uint8Array & {
      toString(encoding: 'base64'): string;
    };
  };
}
type RuntimeGlobal = { process?: { getBuiltinModule?: (id: string) => unknown } };

/**
 * The `node:crypto` HMAC of `runtime` (default `globalThis`), or `undefined` when the runtime
 * has no `process.getBuiltinModule` (edge runtimes, browsers).
 *
 * @example
 * ```ts
 * const node = nodeHmac(); // defined on Node ≥ 20.16
 * ```
 */
export function nodeHmac(runtime: object = globalThis): NodeHmac | undefined {
  const getBuiltinModule = (runtime as RuntimeGlobal).process?.getBuiltinModule;
  if (typeof getBuiltinModule !== 'function') return undefined;
  const crypto = getBuiltinModule('node:crypto') as NodeCryptoModule | undefined;
  const buffer = getBuiltinModule('node:buffer') as NodeBufferModule | undefined;
  if (!crypto?.createHmac || !crypto.createHash || !buffer?.Buffer) return undefined;
  const { Buffer } = buffer;
  return {
    key: (secret) => crypto.createSecretKey(secret, 'utf8'),
    hmac(key, parts) {
      const hmac = crypto.createHmac('sha512', key);
      for (const part of parts) hmac.update(part);
      return hmac.digest();
    },
    hmacBase64(key, parts) {
      const hmac = crypto.createHmac('sha512', key);
      for (const part of parts) hmac.update(part);
      return hmac.digest('base64');
    },
    base64: (bytes) => Buffer.from(bytes).toString('base64'),
    fromBase64: (text) => Buffer.from(text, 'base64'),
    timingSafeEqual: (a, b) => crypto.timingSafeEqual(a, b),
    sha256Hex: (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex'),
  };
}
