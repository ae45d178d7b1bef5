/** @module The sandbox's three kinds of answer: JSON, an HTML page, a redirect. */
import { PAGE_HEADERS } from '../pages/html.js';
import { preparedResponse, responseOf } from './prepared-response.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * A JSON answer.
 *
 * @example
 * ```ts
 * jsonResponse(404, { error: { message: 'no such fault' } });
 * ```
 */
export function jsonResponse(status: number, body: unknown): Response {
  return responseOf({ status, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify(body) });
}

/**
 * An answer whose body is text already serialised (an envelope, an injected fault's bytes).
 *
 * @example
 * ```ts
 * textResponse(503, 'text/plain; charset=utf-8', 'injected fault: HTTP 503');
 * ```
 */
export function textResponse(status: number, contentType: string, body: string): Response {
  return responseOf({ status, headers: { 'content-type': contentType }, body });
}

/**
 * An HTML page with the pages' security headers (no script, `no-referrer`, no framing).
 *
 * @example
 * ```ts
 * pageResponse(405, html, { allow: 'GET, POST' });
 * ```
 */
export function pageResponse(
  status: number,
  body: string,
  headers: Record<string, string> = {},
): Response {
  return preparedResponse(status, { ...PAGE_HEADERS, ...headers }, body);
}

/**
 * A `303 See Other` to `location` (after a form post).
 *
 * @example
 * ```ts
 * seeOther('/');
 * ```
 */
export function seeOther(location: string): Response {
  return preparedResponse(
    303,
    { 'content-type': 'text/plain; charset=utf-8', location, 'cache-control': 'no-store' },
    'See Other',
  );
}
