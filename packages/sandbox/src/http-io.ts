import type { IncomingMessage } from 'node:http';

/** Thrown when a request body exceeds the limit. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/**
 * Reads the raw request body (the exact bytes a signature covers), up to `limit` bytes.
 *
 * @example
 * ```ts
 * const raw = await readBody(req, 1_048_576);
 * ```
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () => new BodyTooLargeError(`body: larger than ${limit} bytes`);
  if (Number(headerOf(req, 'content-length') ?? 0) > limit) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      // Stop keeping bytes but let the rest drain, so that the 413 can still be answered.
      req.off('data', onData);
      req.resume();
      reject(tooLarge());
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/**
 * Splits a request target into its raw path and raw query (without `?`), as signed.
 *
 * @example
 * ```ts
 * splitTarget('/a/b?x=1'); // { path: '/a/b', query: 'x=1' }
 * ```
 */
export function splitTarget(target: string): { path: string; query: string } {
  const index = target.indexOf('?');
  return index < 0
    ? { path: target, query: '' }
    : { path: target.slice(0, index), query: target.slice(index + 1) };
}

/**
 * The first value of a request header, by case-insensitive name.
 *
 * @example
 * ```ts
 * headerOf(req, 'SIGNATURE');
 * ```
 */
export function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
