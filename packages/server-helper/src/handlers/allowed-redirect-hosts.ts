/**
 * The check of the hosted-page URL WPay returned, before the checkout handler sends the buyer
 * there. WPay's hosted-page host is not documented, so there is no default list: unset, any
 * http(s) URL is followed and a one-time warning names the host to allow.
 *
 * @module
 */
import { WPayConfigError } from '../errors.js';
import type { Logger } from '../logger.js';

/**
 * The host names the hosted page may be on, or a predicate of its URL.
 *
 * @example
 * ```ts
 * wpay.checkoutHandler({ …, allowedRedirectHosts: ['pay.wpay.example'] });
 * wpay.checkoutHandler({ …, allowedRedirectHosts: (url) => url.hostname.endsWith('.wpay.example') });
 * ```
 */
export type AllowedRedirectHosts = readonly string[] | ((url: URL) => boolean);

/**
 * Why a redirect URL is refused, or `undefined` when the buyer may be sent there.
 *
 * @example
 * ```ts
 * const refusal = checkRedirect('https://evil.example/hpp'); // 'host evil.example is not in allowedRedirectHosts'
 * ```
 */
export type RedirectCheck = (redirectUrl: string) => string | undefined;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const HOSTNAME = /^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/;

function normalizeHosts(hosts: readonly string[]): Set<string> {
  return new Set(
    hosts.map((host) => {
      const name = typeof host === 'string' ? host.trim().toLowerCase() : '';
      if (!HOSTNAME.test(name)) {
        throw new WPayConfigError({
          field: 'allowedRedirectHosts',
          message: `allowedRedirectHosts contains ${JSON.stringify(host)}, which is not a host name`,
          hint: "List bare host names such as 'pay.wpay.example' (no scheme, port or path), or pass a predicate (url) => boolean.",
        });
      }
      return name;
    }),
  );
}

function parseHttp(redirectUrl: string): URL | undefined {
  try {
    const url = new URL(redirectUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Builds the check of WPay's `redirectUrl` from `allowedRedirectHosts`.
 *
 * With a list or predicate: only `https:` (or `http:` on a loopback host, for the local sandbox),
 * no user info, and an allowed host. Without: any http(s) URL, and one warning suggesting the
 * option. Never anything but http(s).
 *
 * @throws {WPayConfigError} naming `allowedRedirectHosts` when the list holds a non-host.
 * @example
 * ```ts
 * const check = redirectCheck(['pay.wpay.example'], { logger });
 * if (check(session.redirectUrl)) return errorResponse(502, 'untrusted_redirect', '…');
 * ```
 */
export function redirectCheck(
  allowed: AllowedRedirectHosts | undefined,
  { logger }: { logger: Logger },
): RedirectCheck {
  const list =
    typeof allowed === 'function' || allowed === undefined ? undefined : normalizeHosts(allowed);
  let warned = false;
  return (redirectUrl) => {
    const url = parseHttp(redirectUrl);
    if (!url) return 'the redirect URL is not an http(s) URL';
    if (allowed === undefined) {
      if (!warned) {
        warned = true;
        logger.warn(
          `checkoutHandler: allowedRedirectHosts is not set, so the buyer is sent to whatever host WPay's answer names (this time ${url.hostname}). Set allowedRedirectHosts: ['${url.hostname}'] once you have checked it is WPay's hosted page.`,
        );
      }
      return undefined;
    }
    if (url.username || url.password) return 'the redirect URL carries user info';
    if (url.protocol !== 'https:' && !LOOPBACK.has(url.hostname)) {
      return 'the redirect URL is not https';
    }
    const ok = list ? list.has(url.hostname) : (allowed as (url: URL) => boolean)(url);
    return ok ? undefined : `host ${url.hostname} is not in allowedRedirectHosts`;
  };
}
