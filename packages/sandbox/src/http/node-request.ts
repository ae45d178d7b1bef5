/**
 * @module The `Request` the `node:http` adapter hands the core: an `IncomingMessage` read only as
 * far as the core reads it. A real `Request` (its URL parsed, its headers copied, a body stream
 * and an abort signal) costs more CPU than a whole WPay call; most calls need only the method,
 * the URL, a few headers and the body bytes.
 */
import type { IncomingMessage } from 'node:http';
import { bodyTooLarge, DIRECT_BODY, type DirectBody } from './read-body.js';

/** A request target the URL parser would leave as it is: no dot segments, escapes or odd bytes. */
const PLAIN_TARGET =
  /^(?:\/(?!\.)[A-Za-z0-9_~\-.!$&'()*+,;=:@]*)+(?:\?[A-Za-z0-9_~\-.!$&()*+,;=:@/?%]*)?$/;

/** What a `Request` has that {@link NodeRequest} builds only when asked for. */
const DELEGATED_GETTERS = [
  'body',
  'bodyUsed',
  'cache',
  'credentials',
  'destination',
  'duplex',
  'integrity',
  'keepalive',
  'mode',
  'redirect',
  'referrer',
  'referrerPolicy',
] as const;
const DELEGATED_METHODS = ['arrayBuffer', 'blob', 'bytes', 'clone', 'formData', 'json', 'text'];

/**
 * A `Request` (it is `instanceof Request`) over a `node:http` request: `method`, `url` and
 * `headers` are its own, the body is read straight from the socket by `readBody` (no Web
 * stream), and the abort signal exists only once someone asks for it (a held `timeout` fault).
 * Anything else builds the real `Request` once and answers from it; after that, the body is
 * that `Request`'s.
 *
 * @example
 * ```ts
 * const request = new NodeRequest(req, `${baseUrl}${req.url}`);
 * res.once('close', () => request.gone());
 * ```
 */
export class NodeRequest implements DirectBody {
  readonly method: string;
  readonly #incoming: IncomingMessage;
  readonly #target: string;
  #url: string | undefined;
  #headers: Headers | undefined;
  #controller: AbortController | undefined;
  #gone = false;
  #real: Request | undefined;
  #read: Promise<Uint8Array> | undefined;

  /** `url` is the base URL and the request target as received, concatenated. */
  constructor(incoming: IncomingMessage, url: string) {
    this.#incoming = incoming;
    this.#target = url;
    this.method = (incoming.method ?? 'GET').toUpperCase();
    if (this.method === 'GET' || this.method === 'HEAD') incoming.resume();
  }

  /** The URL as a `Request` would spell it (parsed only when the target is not plain). */
  get url(): string {
    if (this.#url === undefined) {
      const start = this.#target.indexOf('/', this.#target.indexOf('//') + 2);
      const plain = start > 0 && PLAIN_TARGET.test(this.#target.slice(start));
      this.#url = plain ? this.#target : new URL(this.#target).href;
    }
    return this.#url;
  }

  /** The request's headers: read from the received ones until someone does more than `get`. */
  get headers(): Headers {
    this.#headers ??= new NodeHeaders(this.#incoming.rawHeaders) as unknown as Headers;
    return this.#headers;
  }

  /** Aborts once the client is gone (see {@link gone}), whenever it is first asked for. */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#gone) this.#controller.abort();
    }
    return this.#controller.signal;
  }

  /** The connection closed: the signal aborts (now, or as soon as it exists). */
  gone(): void {
    this.#gone = true;
    this.#controller?.abort();
  }

  /** The body's bytes straight from the socket, refused past `limit` (the rest is drained). */
  [DIRECT_BODY](limit: number): Promise<Uint8Array> | undefined {
    if (this.#real !== undefined) return undefined;
    if (this.method === 'GET' || this.method === 'HEAD') return Promise.resolve(new Uint8Array(0));
    this.#read ??= new Promise<Uint8Array>((resolve, reject) => {
      const incoming = this.#incoming;
      const chunks: Buffer[] = [];
      let size = 0;
      const onData = (chunk: Buffer) => {
        size += chunk.byteLength;
        if (size > limit) {
          incoming.off('data', onData);
          incoming.resume(); // drain the rest rather than kill the kept-alive socket
          reject(bodyTooLarge(limit));
          return;
        }
        chunks.push(chunk);
      };
      // `on`, not `once`: each of these fires once per request anyway (a settled promise ignores
      // the rest), and `once` would wrap every listener and unhook it again.
      incoming.on('data', onData);
      // One chunk (a small body) is the body as it is: concatenating would only copy it.
      incoming.on('end', () =>
        resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)),
      );
      incoming.on('error', reject);
      incoming.on('close', () => {
        // Built only when it matters: an Error's stack costs more than this whole read.
        if (!incoming.complete) reject(new Error('request: closed before its body ended'));
      });
    });
    return this.#read;
  }

  /** The real `Request`, built once: its body is the socket's, or the bytes read already. */
  real(): Request {
    if (this.#real === undefined) {
      const init: RequestInit & { duplex?: 'half' } = {
        method: this.method,
        headers: realHeaders(this.headers),
        signal: this.signal,
      };
      if (this.method !== 'GET' && this.method !== 'HEAD') {
        init.body = this.#read === undefined ? streamOf(this.#incoming) : onceOf(this.#read);
        init.duplex = 'half';
      }
      this.#real = new Request(this.url, init);
    }
    return this.#real;
  }
}

Object.setPrototypeOf(NodeRequest.prototype, Request.prototype);
for (const name of DELEGATED_GETTERS) {
  Object.defineProperty(NodeRequest.prototype, name, {
    configurable: true,
    get(this: NodeRequest) {
      return (this.real() as unknown as Record<string, unknown>)[name];
    },
  });
}
for (const name of DELEGATED_METHODS) {
  if (!(name in Request.prototype)) continue; // `bytes()` is newer than Node 20
  Object.defineProperty(NodeRequest.prototype, name, {
    configurable: true,
    writable: true,
    value(this: NodeRequest, ...args: unknown[]) {
      const real = this.real() as unknown as Record<string, (...a: unknown[]) => unknown>;
      return real[name]!(...args);
    },
  });
}

/** Whitespace `Headers` trims from a value. */
const EDGE_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/** Whether a character code is whitespace `Headers` trims (tab, LF, CR, space). */
function isEdgeWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * A value as `Headers` keeps it: trimmed of {@link EDGE_WHITESPACE}. `node:http` trims values
 * already, so the regular expression (a scan of the whole value) runs only when an edge needs it.
 */
function trimmed(value: string): string {
  if (value.length === 0) return value;
  const edges =
    isEdgeWhitespace(value.charCodeAt(0)) || isEdgeWhitespace(value.charCodeAt(value.length - 1));
  return edges ? value.replace(EDGE_WHITESPACE, '') : value;
}

/**
 * `Headers` (it is `instanceof Headers`) over `rawHeaders`: `get` and `has` read them as
 * `Headers` would (names in any case, repeated values joined with `, `); anything else copies
 * them into real `Headers` once, which answer from then on.
 */
class NodeHeaders {
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
      const key = raw[i]!;
      if (key.length !== wanted.length || key.toLowerCase() !== wanted) continue;
      const one = trimmed(raw[i + 1]!);
      value = value === null ? one : `${value}, ${one}`;
    }
    return value;
  }

  has(name: string): boolean {
    return this.get(name) !== null;
  }

  /** The real `Headers`, copied once. */
  real(): Headers {
    if (this.#real === undefined) {
      const headers = new Headers();
      const raw = this.#raw;
      for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
      this.#real = headers;
    }
    return this.#real;
  }
}

Object.setPrototypeOf(NodeHeaders.prototype, Headers.prototype);
for (const name of [
  'append',
  'delete',
  'entries',
  'forEach',
  'getSetCookie',
  'keys',
  'set',
  'values',
  Symbol.iterator,
]) {
  if (!(name in Headers.prototype)) continue;
  Object.defineProperty(NodeHeaders.prototype, name, {
    configurable: true,
    writable: true,
    value(this: NodeHeaders, ...args: unknown[]) {
      const real = this.real() as unknown as Record<string | symbol, (...a: unknown[]) => unknown>;
      return real[name]!.apply(real, args);
    },
  });
}

/** Real `Headers` for a real `Request`. */
function realHeaders(headers: Headers): Headers {
  return headers instanceof NodeHeaders ? headers.real() : headers;
}

function settle(step: () => void): void {
  try {
    step();
  } catch {
    // The stream was cancelled.
  }
}

/** The request's body as a Web stream; cancelling it drains the rest instead of killing the socket. */
function streamOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Buffer) => {
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 1) <= 0) req.pause();
      });
      // After a cancel the stream is closed already: the late end or error is of no interest.
      req.once('end', () => settle(() => controller.close()));
      req.once('error', (error) => settle(() => controller.error(error)));
    },
    pull() {
      req.resume();
    },
    cancel() {
      req.removeAllListeners('data');
      req.resume();
    },
  });
}

/** Bytes read already, as a one-chunk stream. */
function onceOf(bytes: Promise<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      controller.enqueue(await bytes);
      controller.close();
    },
  });
}
