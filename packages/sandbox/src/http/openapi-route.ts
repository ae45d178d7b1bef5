/** @module `GET /openapi.json`: the WPay API's OpenAPI 3.1 document, as `@wpay/protocol` ships it. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Hono } from 'hono';
import type { SandboxEnv } from '../app-bindings.js';

/**
 * The path of the OpenAPI document.
 *
 * @example
 * ```ts
 * await fetch(`${sb.url}${OPENAPI_PATH}`); // the document
 * ```
 */
export const OPENAPI_PATH = '/openapi.json';

let document: string | undefined;

/** The document's text, read once from `@wpay/protocol/openapi.json` (generated from the zod schemas). */
function openApiText(): string {
  document ??= readFileSync(
    createRequire(import.meta.url).resolve('@wpay/protocol/openapi.json'),
    'utf8',
  );
  return document;
}

/**
 * Mounts `GET /openapi.json`: the contract the sandbox answers by (and the helper sends by),
 * generated from the helper's zod schemas, every [default] marked `x-wpay-default`.
 *
 * @example
 * ```ts
 * mountOpenApiRoute(app);
 * ```
 */
export function mountOpenApiRoute(app: Hono<SandboxEnv>): void {
  app.get(
    OPENAPI_PATH,
    () =>
      new Response(openApiText(), {
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' },
      }),
  );
}
