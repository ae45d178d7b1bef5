/**
 * The Node transport: an API call POSTed through `node:http` / `node:https` with keep-alive
 * agents of the client's own, instead of `fetch`. On Node, undici's `fetch` spends most of a
 * call's CPU on Web streams, transferable wrappers and abort signals (≈ 300 µs per call beside
 * ≈ 50 µs for the socket); the client reads every answer whole, as text, so none of that is
 * needed. Used only where the runtime has `process.getBuiltinModule` (Node ≥ 20.16, Bun, Deno)
 * and the shop passed no `fetch` of its own (a given `fetch` is always used, for everything);
 * found at run time, so no edge bundle imports `node:http`.
 *
 * What `fetch` did and this keeps: redirects are not followed (`redirect: 'manual'`), gzip /
 * deflate / br answers are decoded, the body is UTF-8 with a BOM dropped, the signal aborts the
 * call at any point (connecting, sending, reading), and a failure carries Node's error `code`
 * (`ECONNREFUSED`…) for `notSentErrorCodes`. Idle sockets never keep the process alive.
 *
 * @module
 */
import { NodeHeaders } from '../node-headers.js';

/** One POST with a text body, answered whole. */
export type NodeHttpPost = (
  url: string,
  init: { headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ status: number; headers: Headers; text: string }>;

interface IncomingLike {
  statusCode?: number;
  rawHeaders: string[];
  complete: boolean;
  headers: Record<string, string | string[] | undefined>;
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  once(event: 'end' | 'close', listener: () => void): unknown;
  once(event: 'error', listener: (error: Error) => void): unknown;
}
interface ClientRequestLike {
  once(event: 'response', listener: (res: IncomingLike) => void): unknown;
  once(event: 'error', listener: (error: Error) => void): unknown;
  end(body: string): unknown;
}
interface HttpModule {
  Agent: new (options: { keepAlive: boolean }) => unknown;
  request(
    url: URL,
    options: {
      method: string;
      headers: Record<string, string>;
      agent: unknown;
      signal: AbortSignal;
    },
  ): ClientRequestLike;
}
interface ZlibModule {
  gunzipSync(data: Uint8Array): Uint8Array;
  inflateSync(data: Uint8Array): Uint8Array;
  inflateRawSync(data: Uint8Array): Uint8Array;
  brotliDecompressSync(data: Uint8Array): Uint8Array;
}
interface BufferModule {
  Buffer: { concat(chunks: Uint8Array[]): Uint8Array; byteLength(text: string): number };
}
type RuntimeGlobal = { process?: { getBuiltinModule?: (id: string) => unknown } };

const decoder = new TextDecoder();

interface EventsModule {
  setMaxListeners(n: number, ...targets: EventTarget[]): void;
}

/**
 * Lifts Node's listener warning off a signal that many calls share (a deadline slot's): each call
 * in flight adds one abort listener, removed when it ends, so 100 concurrent calls are 100
 * listeners, not a leak. A no-op where the runtime has no `node:events`.
 *
 * @example
 * ```ts
 * allowManyListeners(controller.signal);
 * ```
 */
export function allowManyListeners(signal: AbortSignal, runtime: object = globalThis): void {
  const getBuiltinModule = (runtime as RuntimeGlobal).process?.getBuiltinModule;
  const events =
    typeof getBuiltinModule === 'function'
      ? (getBuiltinModule('node:events') as EventsModule | undefined)
      : undefined;
  events?.setMaxListeners?.(0, signal);
}

/** The content codings `fetch` accepted and decoded; the same are asked for and decoded here. */
const ACCEPT_ENCODING = 'gzip, deflate, br';

function decode(zlib: ZlibModule, body: Uint8Array, coding: string | string[] | undefined) {
  if (coding === undefined) return body;
  let bytes = body;
  // Codings apply in order; undo them from the last.
  const codings = String(coding)
    .toLowerCase()
    .split(',')
    .map((c) => c.trim());
  for (const c of codings.reverse()) {
    if (c === '' || c === 'identity') continue;
    if (c === 'gzip' || c === 'x-gzip') bytes = zlib.gunzipSync(bytes);
    else if (c === 'deflate') {
      // RFC 9110 deflate is zlib-wrapped; some servers send it raw, as browsers tolerate.
      try {
        bytes = zlib.inflateSync(bytes);
      } catch {
        bytes = zlib.inflateRawSync(bytes);
      }
    } else if (c === 'br') bytes = zlib.brotliDecompressSync(bytes);
    else throw new TypeError(`WPay answered with an unsupported content-encoding: ${c}`);
  }
  return bytes;
}

/**
 * The Node transport of `runtime` (default `globalThis`), or `undefined` without
 * `process.getBuiltinModule` (edge runtimes, browsers). Each call makes its own agents: one pool
 * of sockets per client.
 *
 * @example
 * ```ts
 * const post = nodeHttpPost();
 * const answer = await post?.(url, { headers, body: '{}', signal: AbortSignal.timeout(30_000) });
 * ```
 */
export function nodeHttpPost(runtime: object = globalThis): NodeHttpPost | undefined {
  const getBuiltinModule = (runtime as RuntimeGlobal).process?.getBuiltinModule;
  if (typeof getBuiltinModule !== 'function') return undefined;
  const http = getBuiltinModule('node:http') as HttpModule | undefined;
  const https = getBuiltinModule('node:https') as HttpModule | undefined;
  const zlib = getBuiltinModule('node:zlib') as ZlibModule | undefined;
  const buffer = getBuiltinModule('node:buffer') as BufferModule | undefined;
  if (!http?.request || !https?.request || !zlib?.gunzipSync || !buffer?.Buffer) return undefined;
  const { Buffer } = buffer;
  const agents: { http?: unknown; https?: unknown } = {};
  const agentOf = (secure: boolean) => {
    const scheme = secure ? 'https' : 'http';
    agents[scheme] ??= new (secure ? https : http).Agent({ keepAlive: true });
    return agents[scheme];
  };
  return (url, { headers, body, signal }) =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      if (!secure && target.protocol !== 'http:') {
        reject(new TypeError(`Cannot POST to ${target.protocol} URLs`));
        return;
      }
      const agent = agentOf(secure);
      const request = (secure ? https : http).request(target, {
        method: 'POST',
        headers: {
          'accept-encoding': ACCEPT_ENCODING,
          ...headers,
          'content-length': String(Buffer.byteLength(body)),
        },
        agent,
        signal,
      });
      request.once('error', reject);
      request.once('response', (response) => {
        const chunks: Uint8Array[] = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.once('error', reject);
        response.once('close', () => {
          if (!response.complete)
            reject(new Error('The connection closed before the answer ended'));
        });
        response.once('end', () => {
          try {
            const bytes = decode(zlib, Buffer.concat(chunks), response.headers['content-encoding']);
            resolve({
              status: response.statusCode ?? 0,
              headers: new NodeHeaders(response.rawHeaders) as unknown as Headers,
              text: decoder.decode(bytes),
            });
          } catch (error) {
            reject(error);
          }
        });
      });
      request.end(body);
    });
}
