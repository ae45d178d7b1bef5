/** @module The sandbox's three kinds of answer: JSON, an HTML page, a redirect. */
import { PAGE_HEADERS } from '../pages/html.js';

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
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': JSON_TYPE } });
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
  return new Response(body, { status, headers: { 'content-type': contentType } });
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
  return new Response(body, { status, headers: { ...PAGE_HEADERS, ...headers } });
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
  return new Response('See Other', {
    status: 303,
    headers: { 'content-type': 'text/plain; charset=utf-8', location, 'cache-control': 'no-store' },
  });
}
