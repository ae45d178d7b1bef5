/**
 * The one JSON error shape of every handler (docs/architecture.md):
 * `{ "error": { "code", "message", "fields"?: [{ "path", "message" }] } }`.
 *
 * @module
 */

/**
 * One bad field of an error answer.
 *
 * @example
 * ```ts
 * const fields: ErrorField[] = [{ path: 'sku', message: 'Unknown product' }];
 * ```
 */
export interface ErrorField {
  /** Dotted path, e.g. `sku` or `items.0.qty`. */
  path: string;
  message: string;
}

/**
 * The body of every error answer.
 *
 * @example
 * ```ts
 * const body: HandlerErrorBody = { error: { code: 'invalid_body', message: 'Invalid request', fields: [] } };
 * ```
 */
export interface HandlerErrorBody {
  error: { code: string; message: string; fields?: ErrorField[] };
}

import { acceptsPreparedAnswers, PreparedResponse } from './prepared-response.js';

/** Options of {@link errorResponse}. */
export interface ErrorResponseOptions {
  fields?: ErrorField[] | undefined;
  headers?: Record<string, string>;
}

/**
 * A JSON answer with `Cache-Control: no-store`. Given the `request` it answers, a request from
 * the Node adapter gets a `PreparedResponse` (the same answer, built as a `Response` only if
 * read as one); any other, a real `Response`.
 *
 * @example
 * ```ts
 * return jsonResponse(200, { redirectUrl, trxNo }, {}, request);
 * ```
 */
export function jsonResponse(
  status: number,
  body: unknown,
  extraHeaders: Record<string, string> = {},
  request?: Request,
): Response {
  const text = JSON.stringify(body);
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...extraHeaders,
  };
  if (acceptsPreparedAnswers(request)) {
    return new PreparedResponse({ status, headers, body: text }) as unknown as Response;
  }
  return new Response(text, { status, headers });
}

/**
 * An error answer in the shared shape.
 *
 * @example
 * ```ts
 * return errorResponse(405, 'method_not_allowed', 'Use POST', { headers: { allow: 'POST' } });
 * ```
 */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  { fields, headers }: ErrorResponseOptions = {},
): Response {
  const error: HandlerErrorBody['error'] = { code, message };
  if (fields && fields.length > 0) error.fields = fields;
  return jsonResponse(status, { error } satisfies HandlerErrorBody, headers);
}
