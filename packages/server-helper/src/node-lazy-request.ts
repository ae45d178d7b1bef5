/**
 * The `Request` the Node adapter hands a handler: Node's `IncomingMessage` read only as far as
 * the handler reads it. A real `Request` (its URL parsed, its headers copied, a Web stream over
 * the socket and an abort signal) costs more CPU than everything the checkout handler itself
 * does; the handlers need only the method, a few headers and the body's bytes.
 *
 * @module
 */

import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { DIRECT_BODY, type DirectBody } from './handlers/direct-body.js';
import { acceptPreparedAnswers } from './handlers/prepared-response.js';
import { NodeHeaders, realHeaders } from './node-headers.js';
import { standIn } from './stand-in.js';

/** What {@link LazyRequest} needs besides Node's request. */
export interface LazyRequestParts {
  /** The answer being written: its early close (the client left) aborts the signal. */
  res: ServerResponse;
  /** Builds the request's URL, when it is first asked for. */
  url: () => string;
}

/**
 * A `Request` (it is `instanceof Request`) over a `node:http` request with an unread body:
 * `method`, `url`, `headers` and `signal` are its own and built only when asked for; the body is
 * read straight off the socket by `readLimited` (no Web stream). Anything else (`clone()`,
 * `text()`, `body`, `new Request(request)`…) builds the real `Request` once and answers from it;
 * a body read directly is then used, as it would be on a real `Request`.
 *
 * @example
 * ```ts
 * const request = new LazyRequest(req, { res, url: () => `https://shop.example${req.url}` });
 * await handler(request);
 * ```
 */
export class LazyRequest implements DirectBody {
  readonly method: string;
  readonly #incoming: IncomingMessage;
  readonly #parts: LazyRequestParts;
  #url: string | undefined;
  #headers: NodeHeaders | undefined;
  #controller: AbortController | undefined;
  #real: Request | undefined;
  #read: Promise<Uint8Array | undefined> | undefined;

  constructor(incoming: IncomingMessage, parts: LazyRequestParts) {
    this.#incoming = incoming;
    this.#parts = parts;
    this.method = incoming.method ?? 'GET';
  }

  /** The URL, built by the adapter's rule when first asked for. */
  get url(): string {
    this.#url ??= this.#parts.url();
    return this.#url;
  }

  /** The request's headers: read from the received ones until someone does more than `get`. */
  get headers(): Headers {
    this.#headers ??= new NodeHeaders(this.#incoming.rawHeaders);
    return this.#headers as unknown as Headers;
  }

  /**
   * Aborts when the client leaves: the request closes before its body ended, or the connection
   * closes before the answer was written. Watched only from the moment someone asks.
   */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      const controller = new AbortController();
      this.#controller = controller;
      const req = this.#incoming;
      const { res } = this.#parts;
      const requestGone = () => !req.complete;
      const answerGone = () => !res.writableFinished;
      if ((req.closed && requestGone()) || (res.closed && answerGone())) controller.abort();
      else {
        req.once('close', () => requestGone() && controller.abort());
        res.once('close', () => answerGone() && controller.abort());
      }
    }
    return this.#controller.signal;
  }

  get bodyUsed(): boolean {
    return this.#read !== undefined || (this.#real?.bodyUsed ?? false);
  }

  /**
   * The body's bytes straight off the socket; `undefined` inside the promise past `maxBytes`
   * (reading stops there and the rest stays unread: the adapter then closes the connection).
   */
  [DIRECT_BODY](maxBytes: number): Promise<Uint8Array | undefined> | undefined {
    if (this.#real !== undefined) return undefined;
    if (this.#read !== undefined) {
      return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
    }
    if (this.method === 'GET' || this.method === 'HEAD') {
      this.#read = Promise.resolve(new Uint8Array(0));
      return this.#read;
    }
    this.#read = readSocket(this.#incoming, maxBytes);
    return this.#read;
  }

  /** The real `Request`, built once: its body is the socket's, or locked when read directly. */
  real(): Request {
    if (this.#real === undefined) {
      const init: RequestInit & { duplex?: 'half' } = {
        method: this.method,
        headers: realHeaders(this.headers),
        signal: this.signal,
      };
      if (this.method !== 'GET' && this.method !== 'HEAD') {
        init.body =
          this.#read === undefined
            ? (Readable.toWeb(this.#incoming) as ReadableStream<Uint8Array>)
            : new ReadableStream();
        init.duplex = 'half';
      }
      const real = new Request(this.url, init);
      // Read already, directly: the body belongs to that reader, as a locked stream would.
      if (this.#read !== undefined) real.body?.getReader();
      this.#real = real;
    }
    return this.#real;
  }
}

/** Reads `req` to its end, or stops past `maxBytes` (resolving `undefined`). */
function readSocket(req: IncomingMessage, maxBytes: number): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxBytes) {
        req.off('data', onData);
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () =>
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)),
    );
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete && size <= maxBytes)
        reject(new Error('The request closed before its body ended'));
    });
  });
}

standIn(LazyRequest, Request, ['method', 'url', 'headers', 'signal', 'bodyUsed']);
// The adapter writes a handler's prepared answers itself (handlers/prepared-response.ts).
acceptPreparedAnswers(LazyRequest.prototype);
// The runtime's own state of a Request (undici keeps it under symbols): read from the real one,
// so that `new Request(request)` and `fetch(request)` see a full Request.
for (const key of Object.getOwnPropertySymbols(new Request('http://localhost/'))) {
  Object.defineProperty(LazyRequest.prototype, key, {
    configurable: true,
    get(this: LazyRequest) {
      return (this.real() as unknown as Record<symbol, unknown>)[key];
    },
  });
}

/**
 * Whether this runtime's `Request` accepts a {@link LazyRequest} where it takes a `Request`
 * (`new Request(request)`): true where it keeps its state under symbols (Node 20 and 22), false
 * where it keeps it in private fields. Where false, the adapter builds real `Request`s.
 *
 * @example
 * ```ts
 * const request = LAZY_REQUESTS ? new LazyRequest(req, parts) : eagerRequest(req);
 * ```
 */
export const LAZY_REQUESTS: boolean = (() => {
  try {
    const probe = Object.assign(new EventEmitter(), {
      method: 'GET',
      rawHeaders: ['X-Probe', 'yes'],
    });
    const lazy = new LazyRequest(probe as unknown as IncomingMessage, {
      res: new EventEmitter() as ServerResponse,
      url: () => 'http://localhost/probe',
    }) as unknown as Request;
    const copy = new Request(lazy);
    return copy.url === 'http://localhost/probe' && copy.headers.get('x-probe') === 'yes';
  } catch {
    return false;
  }
})();
