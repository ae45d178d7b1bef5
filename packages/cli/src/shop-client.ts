/** @module Requests to the shop under test: never following redirects, bounded in time, never throwing. */

/**
 * What the shop answered, or why it did not.
 *
 * @example
 * ```ts
 * const answer: ShopAnswer = await shop.send('/api/status?trxNo=TRX1');
 * if (answer.error === undefined) answer.status; // 200
 * ```
 */
export interface ShopAnswer {
  /** The HTTP status; 0 when there was no answer. */
  status: number;
  headers: Headers;
  /** The body as text (empty when none). */
  text: string;
  /** Real milliseconds from sending to the end of the body. */
  ms: number;
  /** Why there was no answer (connection refused, timeout…). */
  error?: string;
}

/**
 * The shop's base URL and the way to reach it.
 *
 * @example
 * ```ts
 * const shop = new ShopClient('http://localhost:3000', { timeoutMs: 15_000 });
 * ```
 */
export class ShopClient {
  readonly base: URL;
  readonly #timeoutMs: number;

  constructor(base: string, { timeoutMs }: { timeoutMs: number }) {
    this.base = new URL(base);
    this.#timeoutMs = timeoutMs;
  }

  /** The shop's origin, e.g. `http://localhost:3000`: what its own pages send as `Origin`. */
  get origin(): string {
    return this.base.origin;
  }

  /** An absolute URL for a path (with its query) of the shop. */
  url(path: string): URL {
    return new URL(path, this.base);
  }

  /** Sends one request; `timeoutMs` overrides the client's for this call. */
  async send(
    path: string,
    init: RequestInit = {},
    timeoutMs = this.#timeoutMs,
  ): Promise<ShopAnswer> {
    const started = performance.now();
    try {
      const response = await fetch(this.url(path), {
        ...init,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, text, ms: elapsed(started) };
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      return {
        status: 0,
        headers: new Headers(),
        text: '',
        ms: elapsed(started),
        error: timedOut ? `no answer within ${timeoutMs} ms` : describeFetchError(error),
      };
    }
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}

/**
 * The answer in a few words for a report: `HTTP 500 {"error":{"code":"…"}}`, or the error.
 *
 * @example
 * ```ts
 * describeAnswer({ status: 404, headers: new Headers(), text: 'Not found', ms: 3 }); // 'HTTP 404 "Not found"'
 * ```
 */
export function describeAnswer(answer: ShopAnswer): string {
  if (answer.error !== undefined) return answer.error;
  const body = answer.text.trim().replace(/\s+/g, ' ');
  const excerpt = body.length > 160 ? `${body.slice(0, 157)}…` : body;
  return excerpt ? `HTTP ${answer.status} ${JSON.stringify(excerpt)}` : `HTTP ${answer.status}`;
}

/**
 * The body as JSON, or `undefined` when it is not JSON.
 *
 * @example
 * ```ts
 * jsonOf({ status: 200, headers: new Headers(), text: '{"a":1}', ms: 1 }); // { a: 1 }
 * ```
 */
export function jsonOf(answer: ShopAnswer): unknown {
  try {
    return JSON.parse(answer.text);
  } catch {
    return undefined;
  }
}

/**
 * The `error.code` of the kit's JSON error shape (`{ "error": { "code" } }`), if the body is one.
 *
 * @example
 * ```ts
 * errorCodeOf(answer) === BODY_ALREADY_PARSED; // a body parser ran before the handler
 * ```
 */
export function errorCodeOf(answer: ShopAnswer): string | undefined {
  const body = jsonOf(answer) as { error?: { code?: unknown } } | undefined;
  return typeof body?.error?.code === 'string' ? body.error.code : undefined;
}
