/**
 * Header access that works the same for a Fetch `Headers` object and for a plain object such as
 * Node's `IncomingHttpHeaders`, in any letter case.
 *
 * @module
 */

/**
 * Headers as a Fetch `Headers` object or a plain object (Node, Express, Lambda…), any letter case.
 *
 * @example
 * ```ts
 * await wpay.webhooks.verify(rawBody, req.headers); // Node's IncomingHttpHeaders
 * await wpay.webhooks.verify(rawBody, request.headers); // a Fetch Headers object
 * ```
 */
export type HeadersLike =
  | Headers
  | Readonly<Record<string, string | readonly string[] | number | undefined | null>>;

/**
 * The value of header `name` (case-insensitive), or `undefined` when absent. A repeated header in
 * a plain object (an array) yields its first value.
 *
 * @example
 * ```ts
 * readHeader({ signature: 'abc' }, 'SIGNATURE'); // 'abc'
 * readHeader(new Headers({ Timestamp: '1' }), 'timestamp'); // '1'
 * ```
 */
export function readHeader(headers: HeadersLike, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined || value === null) continue;
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    return value[0];
  }
  return undefined;
}
