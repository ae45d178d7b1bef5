import { WpayRequestError } from './request-error.js';
import { parseServerError } from './response-guards.js';

/**
 * How {@link fetchJson} sends one request.
 *
 * @example
 * ```ts
 * const options: FetchJsonOptions = { init: { method: 'GET' }, timeout: 15_000 };
 * ```
 */
export interface FetchJsonOptions {
  /** Everything `fetch` takes except `signal`. */
  init: Omit<RequestInit, 'signal'>;
  /** Milliseconds until the request (headers and body) is abandoned with code `timeout`. */
  timeout: number;
  /** Aborts the request with code `aborted` (the element was removed, the page restored…). */
  signal?: AbortSignal | undefined;
}

const TIMEOUT = Symbol('timeout');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Sends one request to the merchant's server and returns its parsed JSON body. Every failure is a
 * {@link WpayRequestError}: `network` (fetch rejected), `timeout`, `aborted` (`signal` fired),
 * `http` (non-2xx, with the server's JSON error when it sent one) or `invalid-response` (2xx that
 * is not JSON). The timeout covers reading the body too.
 *
 * @example
 * ```ts
 * const body = await fetchJson('/api/checkout', {
 *   init: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' },
 *   timeout: 15_000,
 * });
 * ```
 */
export async function fetchJson(url: string, options: FetchJsonOptions): Promise<unknown> {
  const { init, timeout, signal } = options;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(TIMEOUT), timeout);
  const forwardAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) forwardAbort();
  signal?.addEventListener('abort', forwardAbort, { once: true });
  const failure = () => {
    if (!controller.signal.aborted) return new WpayRequestError('network');
    return new WpayRequestError(controller.signal.reason === TIMEOUT ? 'timeout' : 'aborted');
  };
  // Settles the request at the abort even when `fetch` ignores its signal (a wrapper or a
  // polyfill that does): the timeout and the element's own aborts never depend on it.
  const aborted = new Promise<never>((_resolve, reject) => {
    controller.signal.addEventListener('abort', () => reject(failure()), { once: true });
  });
  aborted.catch(() => {});
  try {
    let response: Response;
    let text: string;
    try {
      response = await Promise.race([fetch(url, { ...init, signal: controller.signal }), aborted]);
      text = await Promise.race([response.text(), aborted]);
    } catch {
      throw failure();
    }
    const body = parseJson(text);
    if (!response.ok) {
      throw new WpayRequestError('http', {
        status: response.status,
        serverError: parseServerError(body),
      });
    }
    if (body === undefined)
      throw new WpayRequestError('invalid-response', { status: response.status });
    return body;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forwardAbort);
  }
}
