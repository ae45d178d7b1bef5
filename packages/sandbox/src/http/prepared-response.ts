/**
 * @module A `Response` whose status, headers and body the sandbox holds as plain values: signed
 * and written by the Node adapter without a Web stream, a real `Response` built only for whoever
 * reads it as one (`sb.fetch`, a test calling the core).
 */

/** What an answer is: its status, its headers (lower-case names) and its body. */
export interface ResponseParts {
  status: number;
  headers: Readonly<Record<string, string>>;
  /** The body (a string is sent as UTF-8), `null` for none. */
  body: string | Uint8Array | null;
}

const DELEGATED_GETTERS = ['body', 'bodyUsed', 'headers', 'redirected', 'type', 'url'] as const;
const DELEGATED_METHODS = ['arrayBuffer', 'blob', 'bytes', 'clone', 'formData', 'json', 'text'];

/**
 * A `Response` (it is `instanceof Response`) over {@link ResponseParts}: `status`, `ok` and
 * `statusText` are its own; anything else builds the real `Response` once and answers from it,
 * and from then on the parts are no longer read (the real one may have been changed or read).
 *
 * @example
 * ```ts
 * const response = new PreparedResponse({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' });
 * partsOf(response)?.body; // 'ok'
 * ```
 */
export class PreparedResponse {
  readonly #parts: ResponseParts;
  #real: Response | undefined;

  constructor(parts: ResponseParts) {
    this.#parts = parts;
  }

  get status(): number {
    return this.#parts.status;
  }

  get ok(): boolean {
    return this.#parts.status >= 200 && this.#parts.status <= 299;
  }

  get statusText(): string {
    return '';
  }

  /** The parts, while nothing has built the real `Response`. */
  parts(): ResponseParts | undefined {
    return this.#real === undefined ? this.#parts : undefined;
  }

  /** The real `Response`, built once. */
  real(): Response {
    this.#real ??= new Response(this.#parts.body as BodyInit | null, {
      status: this.#parts.status,
      headers: this.#parts.headers,
    });
    return this.#real;
  }
}

Object.setPrototypeOf(PreparedResponse.prototype, Response.prototype);
for (const name of DELEGATED_GETTERS) {
  Object.defineProperty(PreparedResponse.prototype, name, {
    configurable: true,
    get(this: PreparedResponse) {
      return this.real()[name];
    },
  });
}
for (const name of DELEGATED_METHODS) {
  if (!(name in Response.prototype)) continue; // `bytes()` is newer than Node 20
  Object.defineProperty(PreparedResponse.prototype, name, {
    configurable: true,
    writable: true,
    value(this: PreparedResponse, ...args: unknown[]) {
      const real = this.real() as unknown as Record<string, (...a: unknown[]) => unknown>;
      return real[name]!(...args);
    },
  });
}

/**
 * A `Response` of these parts (header names are lower-cased).
 *
 * @example
 * ```ts
 * preparedResponse(200, { 'Content-Type': 'application/json' }, '{}');
 * ```
 */
export function preparedResponse(
  status: number,
  headers: Readonly<Record<string, string>>,
  body: string | Uint8Array | null,
): Response {
  const lower: Record<string, string> = {};
  for (const name in headers) lower[name.toLowerCase()] = headers[name]!;
  return responseOf({ status, headers: lower, body });
}

/**
 * A `Response` of parts whose header names are lower-case already (a step that changes a
 * prepared response's parts).
 *
 * @example
 * ```ts
 * responseOf({ ...parts, headers: { ...parts.headers, 'x-extra': '1' } });
 * ```
 */
export function responseOf(parts: ResponseParts): Response {
  return new PreparedResponse(parts) as unknown as Response;
}

/**
 * The parts of a response made by {@link preparedResponse} that nothing has read as a real
 * `Response` yet; `undefined` for any other response.
 *
 * @example
 * ```ts
 * const parts = partsOf(response);
 * if (parts) res.end(parts.body); // else read it as a Response
 * ```
 */
export function partsOf(response: Response): ResponseParts | undefined {
  return response instanceof PreparedResponse ? response.parts() : undefined;
}

/**
 * A real `Response` for callers outside the sandbox (`sb.fetch`): a prepared one is built.
 *
 * @example
 * ```ts
 * return realResponse(await app.fetch(request));
 * ```
 */
export function realResponse(response: Response): Response {
  return response instanceof PreparedResponse ? response.real() : response;
}
