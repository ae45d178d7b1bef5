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
 * The refusal of a body past `limit` bytes.
 *
 * @example
 * ```ts
 * throw bodyTooLarge(1_048_576); // BodyTooLargeError: body: larger than 1048576 bytes
 * ```
 */
export function bodyTooLarge(limit: number): BodyTooLargeError {
  return new BodyTooLargeError(`body: larger than ${limit} bytes`);
}

/**
 * The key of a request's own way to read its body without a Web stream (the Node adapter's
 * requests have one).
 *
 * @example
 * ```ts
 * if (DIRECT_BODY in request) await (request as DirectBody)[DIRECT_BODY](limit);
 * ```
 */
export const DIRECT_BODY = Symbol('wpay.sandbox.directBody');

/**
 * A request that reads its own body: the bytes (refused with {@link BodyTooLargeError} past
 * `limit`), or `undefined` when its body is a Web stream after all.
 *
 * @example
 * ```ts
 * class MyRequest implements DirectBody { [DIRECT_BODY](limit: number) { return undefined; } }
 * ```
 */
export interface DirectBody {
  [DIRECT_BODY](limit: number): Promise<Uint8Array> | undefined;
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
  if (Number(request.headers.get('content-length') ?? 0) > limit) throw bodyTooLarge(limit);
  const direct = DIRECT_BODY in request ? (request as DirectBody)[DIRECT_BODY](limit) : undefined;
  if (direct !== undefined) return direct;
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
      throw bodyTooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
