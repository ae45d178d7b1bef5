/**
 * A request that can hand over its body's bytes without a Web stream: the Node adapter's
 * requests read them straight off the socket (see `node-request.ts`), which costs a fraction of a
 * `ReadableStream` read. Any other `Request` is read through its `body` stream as usual.
 *
 * @module
 */

/**
 * The key a {@link DirectBody} request answers to. A registered symbol, so that two copies of
 * this package (ESM and a bundled one) still agree.
 *
 * @example
 * ```ts
 * class LazyRequest { [DIRECT_BODY](maxBytes: number) { return undefined; } }
 * ```
 */
export const DIRECT_BODY = Symbol.for('@wpay/server-helper.direct-body');

/**
 * A request that reads its own body: the bytes, `undefined` inside the promise when they pass
 * `maxBytes` (reading stops there), or `undefined` itself when the body is a Web stream after
 * all (a real `Request` was built: read `request.body`).
 *
 * @example
 * ```ts
 * const request: DirectBody = { [DIRECT_BODY]: (maxBytes) => Promise.resolve(new Uint8Array()) };
 * ```
 */
export interface DirectBody {
  [DIRECT_BODY](maxBytes: number): Promise<Uint8Array | undefined> | undefined;
}

/**
 * The body of `request` read directly when it can be (see {@link DirectBody}), else `undefined`.
 *
 * @example
 * ```ts
 * const direct = readDirectBody(request, 64 * 1024);
 * if (direct !== undefined) return direct; // else read request.body
 * ```
 */
export function readDirectBody(
  request: Request,
  maxBytes: number,
): Promise<Uint8Array | undefined> | undefined {
  const read = (request as Request & Partial<DirectBody>)[DIRECT_BODY];
  return typeof read === 'function' ? read.call(request, maxBytes) : undefined;
}
