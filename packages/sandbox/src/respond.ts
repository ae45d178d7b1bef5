import type { ServerResponse } from 'node:http';
import type { SandboxContext } from './context.js';
import { PAGE_HEADERS } from './pages/html.js';
import { signRequest } from './signature.js';

/** The request a response answers (its signature covers the request's method, path and query). */
export interface RequestTarget {
  method: string;
  path: string;
  query: string;
}

/**
 * Sends a response signed like WPay's: headers SIGNATURE and TIMESTAMP over
 * METHOD + responseTimestamp + PATH + QUERY + responseBody.
 *
 * @example
 * ```ts
 * sendSigned(ctx, res, target, 200, 'application/json', JSON.stringify(body));
 * ```
 */
export function sendSigned(
  ctx: SandboxContext,
  res: ServerResponse,
  target: RequestTarget,
  status: number,
  contentType: string,
  body: string,
  extraHeaders: Record<string, string> = {},
): void {
  const timestamp = String(Date.now());
  const { signKey } = ctx.options.credentials;
  const signature = signRequest(signKey, { ...target, timestamp, body });
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    [ctx.options.signatureHeader]: signature,
    [ctx.options.timestampHeader]: timestamp,
    ...extraHeaders,
  });
  res.end(body);
}

/**
 * Sends a signed HTML page: status, body and extra headers.
 *
 * @example
 * ```ts
 * const page: SendPage = pageSender(ctx, res, target);
 * page(405, html, { allow: 'GET, POST' });
 * ```
 */
export type SendPage = (status: number, body: string, headers?: Record<string, string>) => void;

/**
 * A {@link SendPage} for one request: signed like every answer, with the pages' security headers.
 *
 * @example
 * ```ts
 * const page = pageSender(ctx, res, target);
 * page(404, renderClosedPage(view));
 * ```
 */
export function pageSender(
  ctx: SandboxContext,
  res: ServerResponse,
  target: RequestTarget,
): SendPage {
  const { 'content-type': contentType = 'text/html; charset=utf-8', ...security } = PAGE_HEADERS;
  return (status, body, headers = {}) =>
    sendSigned(ctx, res, target, status, contentType, body, { ...security, ...headers });
}
