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
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new BodyTooLargeError(`body larger than ${limit} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
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
