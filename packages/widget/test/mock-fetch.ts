// A stand-in for the merchant's server: replaces window.fetch for one test, records every request
// and answers through a handler. Like the real fetch, it rejects with an AbortError when the
// request's signal aborts.

/** One request the page sent. */
export interface FetchCall {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

/** Answers one request; throw a TypeError to simulate an unreachable server. */
export type FetchHandler = (call: FetchCall, index: number) => Response | Promise<Response>;

/** The installed mock. */
export interface FetchMock {
  calls: FetchCall[];
  restore(): void;
}

/** How the stand-in behaves. */
export interface MockFetchOptions {
  /**
   * Never rejects when the request's signal aborts, like a naive wrapper or polyfill of `fetch`:
   * the handler's answer is delivered whenever it comes.
   */
  ignoreAbort?: boolean;
}

/** Replaces `window.fetch` until `restore()`. */
export function mockFetch(
  handler: FetchHandler,
  { ignoreAbort = false }: MockFetchOptions = {},
): FetchMock {
  const original = window.fetch;
  const calls: FetchCall[] = [];
  window.fetch = (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call: FetchCall = {
      url: String(input instanceof Request ? input.url : input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : undefined,
      signal: init.signal ?? undefined,
    };
    const index = calls.push(call) - 1;
    return new Promise<Response>((resolve, reject) => {
      const signal = ignoreAbort ? undefined : init.signal;
      const abort = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
      if (signal?.aborted) return abort();
      signal?.addEventListener('abort', abort, { once: true });
      Promise.resolve()
        .then(() => handler(call, index))
        .then(resolve, reject);
    });
  };
  return {
    calls,
    restore: () => {
      window.fetch = original;
    },
  };
}

/** A JSON response. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** A promise that never settles: the server never answers (until the request is aborted). */
export function never(): Promise<Response> {
  return new Promise<Response>(() => {});
}

/** A promise settled from outside, to hold a response until the test lets it go. */
export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

/** The hosted payment page URL the mock server hands out. */
export const HPP_URL = 'https://openapi.stg.stablelink.app/hpp/sess_123';

/** The status endpoint's answer for a paid payment (docs/architecture.md). */
export const PAID = {
  trxNo: 'TRX1',
  mchOrderNo: 'order-1',
  status: 'PAID',
  outcome: 'succeeded',
  final: true,
  amount: 19.99,
  currency: 'USD',
} as const;

/** The status endpoint's answer while the payment is still being made. */
export const PAYING = { ...PAID, status: 'PAYING', outcome: 'processing', final: false } as const;

/** Answers no request: the server cannot be reached, and `fetch` rejects as browsers do. */
export function unreachable(): never {
  throw new TypeError('Failed to fetch');
}

/** An HTML page: what a proxy, a login wall or a misrouted request answers instead of JSON. */
export function htmlPage(markup: string, status = 200): Response {
  return new Response(markup, { status, headers: { 'Content-Type': 'text/html' } });
}
