/**
 * `@wpay/server-helper/node`: run a `(Request) => Promise<Response>` handler on Node's `http`
 * server, Express or Fastify.
 *
 * The request body is streamed to the handler untouched (webhook signatures are computed over the
 * raw bytes). When a body parser has already consumed it (the stream was read and `req.body`
 * holds parsed JSON or form data), the adapter answers 500 with a message naming the fix instead of
 * handing the handler an empty body. A raw body left by `express.raw()` / `express.text()` (a
 * `Buffer` or string in `req.body`) is used as is.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';

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
 * A Node request, possibly decorated by Express (`originalUrl`, `body`).
 *
 * @example
 * ```ts
 * const path = (req: NodeRequest) => req.originalUrl ?? req.url;
 * ```
 */
export type NodeRequest = IncomingMessage & { originalUrl?: string; body?: unknown };

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

/**
 * Error code of the 500 answered when a body parser consumed the body.
 *
 * @example
 * ```ts
 * const { error } = (await res.json()) as HandlerErrorBody;
 * if (error.code === BODY_ALREADY_PARSED) console.error(error.message); // names the fix
 * ```
 */
export const BODY_ALREADY_PARSED = 'body_already_parsed';

const BODY_PARSED_MESSAGE =
  'The request body was already consumed by a body parser, but this handler needs the raw body. ' +
  'Express: mount this route before express.json() / express.urlencoded(), or give it ' +
  "express.raw({ type: '*/*' }). Fastify: register it in a plugin with " +
  "addContentTypeParser('*', (_req, _payload, done) => done(null)) so the body stays unread.";

type RawBodyState = { kind: 'stream' } | { kind: 'bytes'; bytes: Uint8Array } | { kind: 'parsed' };

function rawBodyState(req: NodeRequest): RawBodyState {
  const { body } = req;
  if (body instanceof Uint8Array) return { kind: 'bytes', bytes: body };
  if (typeof body === 'string') return { kind: 'bytes', bytes: new TextEncoder().encode(body) };
  // Express 4's parsers set `req.body = {}` even when they leave the stream alone: only a read
  // stream means the body is gone.
  if (req.readableDidRead || req.readableEnded) return { kind: 'parsed' };
  return { kind: 'stream' };
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

function toRequest(req: NodeRequest, body: RawBodyState, options: ToNodeHandlerOptions): Request {
  const method = req.method ?? 'GET';
  const controller = new AbortController();
  req.once('close', () => {
    if (!req.complete) controller.abort();
  });
  const init: RequestInit & { duplex?: 'half' } = {
    method,
    headers: requestHeaders(req),
    signal: controller.signal,
  };
  if (method !== 'GET' && method !== 'HEAD') {
    if (body.kind === 'bytes') init.body = body.bytes as Uint8Array<ArrayBuffer>;
    else init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    init.duplex = 'half';
  }
  return new Request(requestUrl(req, options.trustProxy === true), init);
}

async function writeResponse(
  res: ServerResponse,
  response: Response,
  head: boolean,
): Promise<void> {
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
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
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

function answerJson(res: ServerResponse, status: number, code: string, message: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify({ error: { code, message } }));
}

/**
 * Adapts a `(Request) => Promise<Response>` handler to Node's `http` server, Express and
 * Fastify (`request.raw`, `reply.raw`). In Express, errors thrown by the handler go to `next`.
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { toNodeHandler } from '@wpay/server-helper/node';
 *
 * const app = express();
 * app.post('/api/wpay/webhook', toNodeHandler(wpay.webhookHandler({ on }))); // before express.json()
 * app.use(express.json());
 * ```
 */
export function toNodeHandler(
  handler: FetchHandler,
  options: ToNodeHandlerOptions = {},
): NodeHandler {
  return async (req, res, next) => {
    const body = rawBodyState(req);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    if (hasBody && body.kind === 'parsed') {
      answerJson(res, 500, BODY_ALREADY_PARSED, BODY_PARSED_MESSAGE);
      return;
    }
    try {
      const response = await handler(toRequest(req, body, options));
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
