/**
 * `@wpay/server-helper/node`: run a `(Request) => Promise<Response>` handler on Node's `http`
 * server, Express or NestJS ({@link toNodeHandler}), or Fastify ({@link toFastifyHandler}).
 *
 * Where the body comes from, in order:
 * 1. `req.rawBody` (a `Buffer` or string), kept by frameworks that parse bodies themselves
 *    (NestJS `rawBody: true`, Firebase Functions, `fastify-raw-body`): the exact bytes, as sent.
 * 2. A raw `req.body` left by `express.raw()` / `express.text()` (a `Buffer` or string), as is.
 * 3. The unread request stream, streamed to the handler untouched.
 * 4. A body a parser already read into `req.body` (an object from `express.json()` or
 *    `express.urlencoded()`): rebuilt as JSON, or as a urlencoded form, for the handlers that only
 *    need its fields (checkout). The `Request` is marked as rebuilt, so the webhook handler, which
 *    needs the exact bytes WPay signed, answers `500 body_already_parsed` naming the fix.
 * 5. Nothing usable (the stream was read, `req.body` is not a parsed JSON or form body): the adapter
 *    answers `500 body_already_parsed` itself, naming the fix.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import {
  BODY_ALREADY_PARSED,
  BODY_ALREADY_PARSED_MESSAGE,
  markRebuiltBody,
} from './handlers/parsed-body.js';
import { type PreparedAnswer, preparedAnswerOf } from './handlers/prepared-response.js';
import { LAZY_REQUESTS, LazyRequest } from './node-lazy-request.js';

export { BODY_ALREADY_PARSED };

/**
 * A Web-standard handler, as returned by `wpay.checkoutHandler()` and the others.
 *
 * @example
 * ```ts
 * const handler: FetchHandler = wpay.statusHandler();
 * ```
 */
export type FetchHandler = (request: Request) => Promise<Response>;

/**
 * A Node request, possibly decorated by Express (`originalUrl`, `body`) or by a framework that
 * keeps the raw body (`rawBody`: NestJS with `rawBody: true`, Firebase Functions).
 *
 * @example
 * ```ts
 * const path = (req: NodeRequest) => req.originalUrl ?? req.url;
 * ```
 */
export type NodeRequest = IncomingMessage & {
  originalUrl?: string;
  body?: unknown;
  rawBody?: unknown;
};

/**
 * A Node / Express / Connect middleware function.
 *
 * @example
 * ```ts
 * const middleware: NodeHandler = toNodeHandler(checkout);
 * app.post('/api/checkout', middleware);
 * ```
 */
export type NodeHandler = (
  req: NodeRequest,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => Promise<void>;

/**
 * Options of {@link toNodeHandler}.
 *
 * @example
 * ```ts
 * toNodeHandler(checkout, { trustProxy: true }); // only behind a proxy you run
 * ```
 */
export interface ToNodeHandlerOptions {
  /**
   * Build the request URL from `X-Forwarded-Proto` / `X-Forwarded-Host` (only behind a proxy you
   * control). Default `false`: the socket's protocol and the `Host` header.
   */
  trustProxy?: boolean;
}

type BodySource =
  | { kind: 'stream' }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'rebuilt'; bytes: Uint8Array; contentType: string }
  | { kind: 'gone' };

function bytesOf(value: unknown): Uint8Array | undefined {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string') return new TextEncoder().encode(value);
  return undefined;
}

function mediaType(req: NodeRequest): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Appends `value` as form fields: arrays repeat the name, objects (`qs`) nest in brackets. */
function appendField(form: URLSearchParams, name: string, value: unknown): void {
  if (Array.isArray(value)) for (const item of value) appendField(form, name, item);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) appendField(form, `${name}[${key}]`, inner);
  } else if (value !== undefined && value !== null) form.append(name, String(value));
}

/** A body parser's value as bytes again: JSON stays JSON, form posts become urlencoded. */
function rebuild(req: NodeRequest): BodySource {
  const { body } = req;
  if (body === null || typeof body !== 'object') return { kind: 'gone' };
  const type = mediaType(req);
  if (type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type)) {
    const bytes = new TextEncoder().encode(JSON.stringify(body));
    return { kind: 'rebuilt', bytes, contentType: 'application/json' };
  }
  if (type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data') {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(body)) appendField(form, name, value);
    const bytes = new TextEncoder().encode(form.toString());
    return { kind: 'rebuilt', bytes, contentType: 'application/x-www-form-urlencoded' };
  }
  return { kind: 'gone' };
}

function bodySource(req: NodeRequest): BodySource {
  const raw = bytesOf(req.rawBody) ?? bytesOf(req.body);
  if (raw) return { kind: 'bytes', bytes: raw };
  // Express 4's parsers set `req.body = {}` even when they leave the stream alone: only a read
  // stream means the body is gone.
  if (!req.readableDidRead && !req.readableEnded) return { kind: 'stream' };
  return rebuild(req);
}

function firstValue(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.split(',')[0]?.trim() || undefined;
}

function requestUrl(req: NodeRequest, trustProxy: boolean): string {
  const encrypted = (req.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
  const forwardedProto = trustProxy ? firstValue(req.headers['x-forwarded-proto']) : undefined;
  const forwardedHost = trustProxy ? firstValue(req.headers['x-forwarded-host']) : undefined;
  const proto = forwardedProto ?? (encrypted ? 'https' : 'http');
  const host = forwardedHost ?? req.headers.host ?? firstValue(req.headers[':authority']);
  return new URL(req.originalUrl ?? req.url ?? '/', `${proto}://${host ?? 'localhost'}`).href;
}

function requestHeaders(req: NodeRequest): Headers {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    if (name.startsWith(':')) continue;
    headers.append(name, raw[i + 1] as string);
  }
  return headers;
}

/** Methods `new Request()` refuses: built eagerly, so that they fail as they always did. */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

function toRequest(
  req: NodeRequest,
  res: ServerResponse,
  body: BodySource,
  options: ToNodeHandlerOptions,
): Request {
  if (body.kind === 'stream' && LAZY_REQUESTS && !FORBIDDEN_METHODS.has(req.method ?? '')) {
    // The common case (nothing read the body yet): a Request built only as far as it is read.
    const trustProxy = options.trustProxy === true;
    return new LazyRequest(req, {
      res,
      url: () => requestUrl(req, trustProxy),
    }) as unknown as Request;
  }
  const method = req.method ?? 'GET';
  const controller = new AbortController();
  req.once('close', () => {
    if (!req.complete) controller.abort();
  });
  const headers = requestHeaders(req);
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal: controller.signal };
  if (method !== 'GET' && method !== 'HEAD') {
    if (body.kind === 'stream') init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    else if (body.kind !== 'gone') init.body = body.bytes as Uint8Array<ArrayBuffer>;
    if (body.kind === 'rebuilt') {
      // The sent length and encoding describe bytes that are gone.
      for (const name of ['content-length', 'content-encoding', 'transfer-encoding']) {
        headers.delete(name);
      }
      headers.set('content-type', body.contentType);
    }
    init.duplex = 'half';
  }
  const request = new Request(requestUrl(req, options.trustProxy === true), init);
  return body.kind === 'rebuilt' ? markRebuiltBody(request) : request;
}

async function writeResponse(
  res: ServerResponse,
  response: Response,
  head: boolean,
): Promise<void> {
  const prepared = preparedAnswerOf(response);
  if (prepared) {
    writePrepared(res, prepared, head);
    return;
  }
  res.statusCode = response.status;
  const cookies = response.headers.getSetCookie();
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  if (!response.body || head) {
    await response.body?.cancel();
    res.end();
    return;
  }
  const reader = response.body.getReader();
  const first = await reader.read();
  if (first.done) {
    res.end();
    return;
  }
  // A body of one chunk (every handler's JSON answer, any Response of a string or bytes) is
  // closed by now: it goes whole with its length, in one write, rather than as a chunked stream
  // whose terminating chunk is a second write. A real stream's first chunk is not held back for
  // its second: whatever has not come by the next turn of the event loop is streamed.
  const pending = reader.read();
  const next = await Promise.race([pending, nextTurn()]);
  if (next !== NOT_YET && next.done) {
    if (!res.hasHeader('content-length')) res.setHeader('content-length', first.value.byteLength);
    res.end(first.value);
    return;
  }
  res.write(first.value);
  for (let part = next === NOT_YET ? await pending : next; !part.done; part = await reader.read()) {
    if (res.destroyed) {
      await reader.cancel();
      return;
    }
    if (res.write(part.value)) continue;
    await new Promise((resolve) => {
      res.once('drain', resolve);
      res.once('close', resolve);
    });
  }
  res.end();
}

/** A handler's prepared answer: as a one-chunk `Response` would be written, without building it. */
function writePrepared(
  res: ServerResponse,
  { status, headers, body }: PreparedAnswer,
  head: boolean,
) {
  res.statusCode = status;
  for (const name in headers) res.setHeader(name, headers[name] as string);
  if (head) {
    res.end();
    return;
  }
  if (!res.hasHeader('content-length')) res.setHeader('content-length', Buffer.byteLength(body));
  res.end(body);
}

const NOT_YET = Symbol('not yet');

/** Resolves once the event loop has turned: after every promise already settling. */
function nextTurn(): Promise<typeof NOT_YET> {
  return new Promise((resolve) => setImmediate(resolve, NOT_YET));
}

function answerJson(res: ServerResponse, status: number, code: string, message: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify({ error: { code, message } }));
}

/**
 * Adapts a `(Request) => Promise<Response>` handler to Node's `http` server, Express, NestJS
 * (`@Req()`, `@Res()`) and Fastify (`request.raw`, `reply.raw`). The body is `req.rawBody` when a
 * framework kept it, else the unread stream, else `req.body` rebuilt (checkout only: the webhook
 * refuses a rebuilt body). In Express, errors thrown by the handler go to `next`.
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { toNodeHandler } from '@wpay/server-helper/node';
 *
 * const app = express();
 * app.post('/api/webhooks/wpay', toNodeHandler(wpay.webhookHandler({ on }))); // before express.json()
 * app.use(express.json());
 * ```
 */
export function toNodeHandler(
  handler: FetchHandler,
  options: ToNodeHandlerOptions = {},
): NodeHandler {
  return async (req, res, next) => {
    const body = bodySource(req);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    if (hasBody && body.kind === 'gone') {
      answerJson(res, 500, BODY_ALREADY_PARSED, BODY_ALREADY_PARSED_MESSAGE);
      return;
    }
    try {
      const response = await handler(toRequest(req, res, body, options));
      // The handler answered without reading the whole body (e.g. 413): the rest of it is still
      // on the connection, so it cannot carry another request. Close it after this answer.
      if (!req.complete) res.setHeader('connection', 'close');
      await writeResponse(res, response, req.method === 'HEAD');
    } catch (error) {
      if (next) return next(error);
      if (!res.headersSent) answerJson(res, 500, 'internal_error', 'Internal server error');
      else res.destroy();
    }
  };
}

/**
 * A Fastify request, as far as {@link toFastifyHandler} reads it: Node's request (`raw`), the body
 * Fastify's parser made (`body`) and the bytes `fastify-raw-body` kept (`rawBody`).
 *
 * @example
 * ```ts
 * const bytes = (request: FastifyRequestLike) => request.rawBody;
 * ```
 */
export interface FastifyRequestLike {
  raw: NodeRequest;
  body?: unknown;
  rawBody?: unknown;
}

/**
 * A Fastify reply, as far as {@link toFastifyHandler} uses it: Node's response (`raw`), which the
 * handler writes once it has taken the reply over (`hijack()`).
 *
 * @example
 * ```ts
 * const nodeResponse = (reply: FastifyReplyLike) => reply.raw;
 * ```
 */
export interface FastifyReplyLike {
  raw: ServerResponse;
  hijack(): unknown;
}

/**
 * A Fastify route handler, as returned by {@link toFastifyHandler}.
 *
 * @example
 * ```ts
 * const route: FastifyHandler = toFastifyHandler(wpay.statusHandler());
 * ```
 */
export type FastifyHandler = (
  request: FastifyRequestLike,
  reply: FastifyReplyLike,
) => Promise<void>;

/**
 * Adapts a `(Request) => Promise<Response>` handler to a Fastify route. The body is, in order: the
 * bytes `fastify-raw-body` kept (`{ config: { rawBody: true } }` on the route), the unread stream
 * (a catch-all content-type parser that reads nothing), or the JSON / form body Fastify parsed,
 * rebuilt (checkout only: the webhook, which needs the bytes WPay signed, answers
 * `500 body_already_parsed` naming the fix).
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import fastifyRawBody from 'fastify-raw-body';
 * import { toFastifyHandler } from '@wpay/server-helper/node';
 *
 * const app = Fastify();
 * await app.register(fastifyRawBody, { global: false, runFirst: true });
 * app.post('/api/checkout', toFastifyHandler(wpay.checkoutHandler({ resolveOrder })));
 * app.post('/api/webhooks/wpay', { config: { rawBody: true } }, toFastifyHandler(wpay.webhookHandler({ on })));
 * app.get('/api/status', toFastifyHandler(wpay.statusHandler()));
 * ```
 */
export function toFastifyHandler(
  handler: FetchHandler,
  options: ToNodeHandlerOptions = {},
): FastifyHandler {
  const node = toNodeHandler(handler, options);
  return async (request, reply) => {
    const req = request.raw;
    // Fastify keeps what it read on its own request, not on Node's: hand both to the adapter.
    if (req.rawBody === undefined && request.rawBody !== undefined) req.rawBody = request.rawBody;
    if (req.body === undefined && request.body !== undefined) req.body = request.body;
    reply.hijack();
    await node(req, reply.raw);
  };
}
