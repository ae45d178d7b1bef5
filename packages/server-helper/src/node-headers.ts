/**
 * The headers of the Node adapter's lazy request (`node-request.ts`): read from Node's
 * `rawHeaders` as long as only `get` / `has` are asked, copied into real `Headers` otherwise.
 *
 * @module
 */
import { standIn } from './stand-in.js';

/** Whitespace `Headers` trims from a value. */
const EDGE_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/**
 * `Headers` (it is `instanceof Headers`) over Node's `rawHeaders`: `get` and `has` read them as
 * `Headers` would (names in any case, repeated values joined with `, `, HTTP/2 pseudo-headers
 * left out); anything else copies them into real `Headers` once, which answer from then on.
 *
 * @example
 * ```ts
 * const headers = new NodeHeaders(req.rawHeaders);
 * headers.get('content-type'); // read from rawHeaders, nothing copied
 * ```
 */
export class NodeHeaders {
  readonly #raw: readonly string[];
  #real: Headers | undefined;

  constructor(raw: readonly string[]) {
    this.#raw = raw;
  }

  get(name: string): string | null {
    if (this.#real !== undefined) return this.#real.get(name);
    const wanted = name.toLowerCase();
    const raw = this.#raw;
    let value: string | null = null;
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const key = raw[i] as string;
      if (key.length !== wanted.length || key.toLowerCase() !== wanted) continue;
      const one = (raw[i + 1] as string).replace(EDGE_WHITESPACE, '');
      value = value === null ? one : `${value}, ${one}`;
    }
    return value;
  }

  has(name: string): boolean {
    return this.get(name) !== null;
  }

  /** The real `Headers`, copied once (as the adapter always copied them). */
  real(): Headers {
    if (this.#real === undefined) {
      const headers = new Headers();
      const raw = this.#raw;
      for (let i = 0; i + 1 < raw.length; i += 2) {
        const name = raw[i] as string;
        if (!name.startsWith(':')) headers.append(name, raw[i + 1] as string);
      }
      this.#real = headers;
    }
    return this.#real;
  }
}

standIn(NodeHeaders, Headers, ['get', 'has']);

/**
 * Real `Headers` for `headers`: a {@link NodeHeaders}' copy, or `headers` itself.
 *
 * @example
 * ```ts
 * new Request(url, { headers: realHeaders(request.headers) });
 * ```
 */
export function realHeaders(headers: Headers): Headers {
  return headers instanceof NodeHeaders ? headers.real() : headers;
}
