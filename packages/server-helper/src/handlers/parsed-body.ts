/**
 * A body a framework parsed before the handler ran: the Node adapter rebuilds it (JSON or form)
 * for the handlers that only need its fields, and marks the rebuilt `Request` so that the webhook
 * handler, which needs the exact bytes WPay signed, refuses it with a message naming the fix.
 *
 * @module
 */

/**
 * Error code of the 500 answered when a body parser consumed the raw body a handler needs.
 *
 * @example
 * ```ts
 * const { error } = (await res.json()) as HandlerErrorBody;
 * if (error.code === BODY_ALREADY_PARSED) console.error(error.message); // names the fix
 * ```
 */
export const BODY_ALREADY_PARSED = 'body_already_parsed';

/**
 * What to do when the raw body is gone, for each framework that parses bodies by itself.
 *
 * @example
 * ```ts
 * errorResponse(500, BODY_ALREADY_PARSED, BODY_ALREADY_PARSED_MESSAGE);
 * ```
 */
export const BODY_ALREADY_PARSED_MESSAGE =
  'A body parser read the raw body this handler needs (a webhook: the bytes WPay signed). ' +
  'Express: mount this route before express.json() / express.urlencoded(), or give it ' +
  "express.raw({ type: '*/*' }). NestJS: create the app with NestFactory.create(AppModule, { rawBody: true }) " +
  '(req.rawBody is then used). Fastify: mount it with toFastifyHandler and register fastify-raw-body ' +
  'with { config: { rawBody: true } } on the route, or register the route in a plugin with ' +
  "addContentTypeParser('*', (_req, _payload, done) => done(null)) so the body stays unread.";

// A registered symbol, so that two copies of this package (ESM and a bundled one) still agree.
const REBUILT = Symbol.for('@wpay/server-helper.rebuilt-body');

/**
 * Marks `request` as carrying a body rebuilt from a framework's parsed value, not the bytes sent.
 *
 * @example
 * ```ts
 * const request = markRebuiltBody(new Request(url, { method: 'POST', body: JSON.stringify(req.body) }));
 * ```
 */
export function markRebuiltBody(request: Request): Request {
  Object.defineProperty(request, REBUILT, { value: true });
  return request;
}

/**
 * Whether `request`'s body was rebuilt from a parsed value (see {@link markRebuiltBody}).
 *
 * @example
 * ```ts
 * if (hasRebuiltBody(request)) return errorResponse(500, BODY_ALREADY_PARSED, BODY_ALREADY_PARSED_MESSAGE);
 * ```
 */
export function hasRebuiltBody(request: Request): boolean {
  return (request as Request & { [REBUILT]?: boolean })[REBUILT] === true;
}
