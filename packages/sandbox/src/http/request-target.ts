/** @module The method, raw path and raw query of a request: what a WPay signature covers. */

/**
 * The request a response answers (its signature covers the request's method, path and query).
 *
 * @example
 * ```ts
 * const target: RequestTarget = { method: 'POST', path: '/checkout/w-payment/hpp', query: '' };
 * ```
 */
export interface RequestTarget {
  method: string;
  /** Path as sent, without scheme, host or query. */
  path: string;
  /** Query as sent, without `?`; empty when none. */
  query: string;
}

/**
 * Splits a request target (`/a/b?x=1`) into its raw path and raw query, as signed.
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
 * The target of a `Request`: `raw` when an adapter passed the bytes it received (Node), else
 * the request's URL.
 *
 * @example
 * ```ts
 * targetOf(new Request('http://x/a?b=1', { method: 'POST' })); // { method: 'POST', path: '/a', query: 'b=1' }
 * ```
 */
export function targetOf(request: Request, raw?: string): RequestTarget {
  const method = request.method.toUpperCase();
  if (raw !== undefined) {
    const { path, query } = splitTarget(raw);
    return { method, path, query };
  }
  const url = new URL(request.url);
  return { method, path: url.pathname, query: url.search.slice(1) };
}
