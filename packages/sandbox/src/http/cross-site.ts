/**
 * @module Refuses what another site's page makes a browser send to the sandbox (CSRF): the
 * control API, the dashboard's buttons and the hosted page's form are for the sandbox's own pages
 * and for tools that send no `Origin` (curl, test code), never for third-party pages.
 */

/** Reads one request header by case-insensitive name. */
export type HeaderReader = (name: string) => string | undefined;

/** `Sec-Fetch-Site` values of a request the user or the sandbox's own page made. */
const OWN_SITES = new Set(['same-origin', 'none']);

/**
 * Why a request looks cross-site, or `undefined` when it may go on. A browser's `Sec-Fetch-Site`
 * must be `same-origin` or `none` (`same-site` is refused too: another port of `localhost` is
 * another program); an `Origin` must be one of `ownOrigins`, or `null` on a request the browser
 * marked same-origin (the pages send `Referrer-Policy: no-referrer`, under which Chromium sends
 * `Origin: null` on their own form posts). A request with neither header is a tool, not a page.
 *
 * @example
 * ```ts
 * crossSiteRefusal((name) => headers.get(name) ?? undefined, ['http://127.0.0.1:4010']);
 * // 'cross-site request refused (Origin https://evil.example) …' or undefined
 * ```
 */
export function crossSiteRefusal(
  header: HeaderReader,
  ownOrigins: readonly string[],
): string | undefined {
  const site = header('sec-fetch-site')?.trim().toLowerCase();
  const origin = header('origin')?.trim();
  const advice = 'the sandbox takes these only from its own pages and from tools without an Origin';
  if (site !== undefined && !OWN_SITES.has(site)) {
    return `cross-site request refused (Sec-Fetch-Site: ${site}): ${advice}`;
  }
  if (origin === undefined) return undefined;
  if (origin === 'null' ? site === 'same-origin' : ownOrigins.includes(origin)) return undefined;
  return `cross-site request refused (Origin ${origin}): ${advice}`;
}

/**
 * The origins a sandbox at `url` (and `publicUrl`) answers as itself: each URL's origin and, for
 * a loopback host, the same port under `localhost`, `127.0.0.1` and `[::1]`.
 *
 * @example
 * ```ts
 * ownOriginsOf(['http://127.0.0.1:4010']); // ['http://127.0.0.1:4010', 'http://localhost:4010', 'http://[::1]:4010']
 * ```
 */
export function ownOriginsOf(urls: readonly string[]): string[] {
  const loopback = ['127.0.0.1', 'localhost', '[::1]'];
  const origins = new Set<string>();
  for (const url of urls) {
    const parsed = new URL(url);
    origins.add(parsed.origin);
    if (loopback.includes(parsed.hostname)) {
      const port = parsed.port ? `:${parsed.port}` : '';
      for (const host of loopback) origins.add(`${parsed.protocol}//${host}${port}`);
    }
  }
  return [...origins];
}

/**
 * Whether a `Content-Type` names JSON (`application/json` or `application/*+json`); forms and
 * `text/plain`, which a page can post cross-site without a CORS preflight, are not.
 *
 * @example
 * ```ts
 * isJsonType('application/json; charset=utf-8'); // true
 * isJsonType('text/plain'); // false
 * ```
 */
export function isJsonType(contentType: string | undefined): boolean {
  const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return media === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(media);
}
