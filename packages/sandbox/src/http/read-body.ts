/** @module Reads a request body up to a limit, as the exact bytes a signature covers. */

/**
 * Thrown when a request body exceeds its limit (answered 413).
 *
 * @example
 * ```ts
 * if (error instanceof BodyTooLargeError) return tooLarge(error.message);
 * ```
 */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

/**
 * The raw body of a request, refused with {@link BodyTooLargeError} past `limit` bytes: at once
 * when `Content-Length` says so, else as soon as the stream goes past it (the rest is not read).
 *
 * @example
 * ```ts
 * const raw = await readBody(request, 1_048_576);
 * ```
 */
export async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const tooLarge = () => new BodyTooLargeError(`body: larger than ${limit} bytes`);
  if (Number(request.headers.get('content-length') ?? 0) > limit) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: on a tee'd body, cancel() settles only when every branch is cancelled.
      void reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
