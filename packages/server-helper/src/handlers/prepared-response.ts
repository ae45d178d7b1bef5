/**
 * A handler's answer to a request from the Node adapter, kept as its status, headers and text
 * until someone reads it as a `Response`. A real `Response` (its headers filled, its body a Web
 * stream) costs more CPU than the checkout handler's own checks, and the adapter only needs the
 * three parts to write the answer to Node's `res`. Only the adapter's requests ask for such
 * answers ({@link acceptsPreparedAnswers}): a handler called on any other `Request` (an edge
 * runtime, a test) answers with a real `Response`, as before.
 *
 * @module
 */
import { standIn } from '../stand-in.js';

// Registered symbols, so that two copies of this package (ESM and a bundled one) still agree.
const ACCEPTS = Symbol.for('@wpay/server-helper.accepts-prepared-answers');
const PREPARED = Symbol.for('@wpay/server-helper.prepared-answer');

/**
 * What a prepared answer is made of.
 *
 * @example
 * ```ts
 * const answer: PreparedAnswer = { status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' };
 * ```
 */
export interface PreparedAnswer {
  status: number;
  /** Header names in lower case, as `Headers` would give them. */
  headers: Record<string, string>;
  body: string;
}

/**
 * Marks a request class whose consumer writes prepared answers itself (the Node adapter's).
 *
 * @example
 * ```ts
 * acceptPreparedAnswers(LazyRequest.prototype);
 * ```
 */
export function acceptPreparedAnswers(target: object): void {
  Object.defineProperty(target, ACCEPTS, { value: true });
}

/**
 * Whether `request` came from a consumer that writes prepared answers itself.
 *
 * @example
 * ```ts
 * return acceptsPreparedAnswers(request) ? new PreparedResponse(answer) : new Response(…);
 * ```
 */
export function acceptsPreparedAnswers(request: Request | undefined): boolean {
  return (request as (Request & { [ACCEPTS]?: boolean }) | undefined)?.[ACCEPTS] === true;
}

/**
 * The parts of `response` when it is a {@link PreparedResponse} nobody has read as a `Response`
 * yet; `undefined` otherwise (write it as any `Response`).
 *
 * @example
 * ```ts
 * const prepared = preparedAnswerOf(response);
 * if (prepared) res.writeHead(prepared.status, prepared.headers).end(prepared.body);
 * ```
 */
export function preparedAnswerOf(response: Response): PreparedAnswer | undefined {
  return response instanceof PreparedResponse ? response[PREPARED]() : undefined;
}

/**
 * A `Response` (it is `instanceof Response`) holding its status, headers and text: `status` and
 * `ok` are its own; anything else (`headers`, `json()`, `body`, `clone()`…) builds the real
 * `Response` once and answers from it, after which the adapter writes that one.
 *
 * @example
 * ```ts
 * const response = new PreparedResponse({ status: 200, headers: { 'content-type': 'application/json' }, body: '{}' });
 * await response.json(); // {}
 * ```
 */
export class PreparedResponse {
  readonly #answer: PreparedAnswer;
  #real: Response | undefined;

  constructor(answer: PreparedAnswer) {
    this.#answer = answer;
  }

  get status(): number {
    return this.#answer.status;
  }

  get ok(): boolean {
    return this.#answer.status >= 200 && this.#answer.status <= 299;
  }

  /** The parts, as long as nobody has read this as a `Response`. */
  [PREPARED](): PreparedAnswer | undefined {
    return this.#real === undefined ? this.#answer : undefined;
  }

  /** The real `Response`, built once. */
  real(): Response {
    const { status, headers, body } = this.#answer;
    this.#real ??= new Response(body, { status, headers });
    return this.#real;
  }
}

standIn(PreparedResponse, Response, ['status', 'ok']);
// The runtime's own state of a Response, where it keeps it under symbols (undici): read from the
// real one, so that code reaching for it sees a full Response.
for (const key of Object.getOwnPropertySymbols(new Response())) {
  Object.defineProperty(PreparedResponse.prototype, key, {
    configurable: true,
    get(this: PreparedResponse) {
      return (this.real() as unknown as Record<symbol, unknown>)[key];
    },
  });
}
