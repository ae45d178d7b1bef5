/**
 * Reading a request body with a size limit, without buffering more than the limit.
 *
 * @module
 */

import { readDirectBody } from './direct-body.js';

/**
 * The body's bytes, or `undefined` when it (or its declared `Content-Length`) exceeds `maxBytes`.
 * Answers as soon as the limit is passed, whatever the caller did to the Request (cloned, tee'd,
 * a stream that never ends): it stops reading and never waits for the rest.
 *
 * @example
 * ```ts
 * const bytes = await readLimited(request, 64 * 1024);
 * if (!bytes) return errorResponse(413, 'body_too_large', 'Too large');
 * ```
 */
export async function readLimited(
  request: Request,
  maxBytes: number,
): Promise<Uint8Array | undefined> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) return undefined;
  const direct = readDirectBody(request, maxBytes);
  if (direct !== undefined) return direct;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    total += part.value.length;
    if (total > maxBytes) {
      // Not awaited: on a tee'd body (`request.clone()`) cancel() settles only once every branch
      // is cancelled, i.e. never while the caller keeps an unread clone.
      reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(part.value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
