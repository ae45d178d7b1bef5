/**
 * Where the checkout handler's trust comes from: its configuration, never the request. The
 * request's own URL is built from the client's `Host` header, so neither the allowed origin (CSRF)
 * nor the base of relative return URLs may come from it — unless the merchant opts in with
 * `trustRequestHost` for local development.
 *
 * Precedence: `allowedOrigins` › the origin of `publicUrl` › the request's origin
 * (`trustRequestHost`) for the origin check; `publicUrl` › the request URL (`trustRequestHost`)
 * for relative `successUrl` / `cancelUrl`.
 *
 * @module
 */
import { WPayConfigError } from '../errors.js';
import type { Logger } from '../logger.js';
import { type AllowedOrigins, normalizeOrigins } from './check-origin.js';

/**
 * The options that decide what the checkout handler trusts.
 *
 * @example
 * ```ts
 * const trust = checkoutTrust({ publicUrl: 'https://shop.example', successUrl: '/thanks', cancelUrl: '/cart' });
 * ```
 */
export interface CheckoutTrustOptions {
  publicUrl?: string | undefined;
  allowedOrigins?: AllowedOrigins | undefined;
  trustRequestHost?: boolean | undefined;
  successUrl: unknown;
  cancelUrl: unknown;
  logger?: Logger | undefined;
}

/**
 * What the checkout handler trusts, resolved once at creation.
 *
 * @example
 * ```ts
 * const refusal = checkOrigin(request, trust.allowedOrigins);
 * const success = new URL('/thanks', trust.baseOf(request));
 * ```
 */
export interface CheckoutTrust {
  /** The origins allowed to post (never derived from the request unless `trustRequestHost`). */
  allowedOrigins: AllowedOrigins;
  /** The base of relative return URLs, or `undefined` when relative ones are not allowed. */
  baseOf(request: Request): string | undefined;
  /** The base of relative return URLs when it does not depend on the request (`publicUrl`). */
  publicBase: string | undefined;
  /** What an Idempotency-Key is bound to besides the body: the request's origin when trusted. */
  scopeOf(request: Request): string;
}

const HINT =
  "Set publicUrl: 'https://shop.example' (your shop's public base URL), or list allowedOrigins " +
  'and give absolute successUrl/cancelUrl. For local development only, trustRequestHost: true ' +
  "trusts the request's Host header (unsafe in production).";

function httpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function parsePublicUrl(publicUrl: string | undefined): URL | undefined {
  if (publicUrl === undefined) return undefined;
  const url = typeof publicUrl === 'string' ? httpUrl(publicUrl) : undefined;
  if (!url || url.search || url.hash) {
    throw new WPayConfigError({
      field: 'publicUrl',
      message: `publicUrl must be an absolute http(s) URL without query or hash, got ${JSON.stringify(publicUrl)}`,
      hint: "Give your shop's public base URL, e.g. publicUrl: 'https://shop.example'.",
    });
  }
  return url;
}

function checkReturnUrl(field: 'successUrl' | 'cancelUrl', value: unknown, relativeOk: boolean) {
  if (typeof value === 'function') return;
  if (typeof value !== 'string') {
    throw new WPayConfigError({
      field,
      message: `${field} must be a URL string or a function of the order`,
      hint: `Give e.g. ${field}: '/thanks' with publicUrl, or an absolute https URL.`,
    });
  }
  if (httpUrl(value)) return;
  let absoluteOther = false;
  try {
    new URL(value);
    absoluteOther = true;
  } catch {}
  if (absoluteOther || !relativeOk) {
    throw new WPayConfigError({
      field,
      message: absoluteOther
        ? `${field} must be an http(s) URL, got ${JSON.stringify(value)}`
        : `${field} ${JSON.stringify(value)} is relative, but there is no publicUrl to resolve it against`,
      hint: absoluteOther ? `Give ${field} as an https URL of your shop.` : HINT,
    });
  }
}

/**
 * Resolves what the checkout handler trusts from its options, throwing at creation when nothing
 * trustworthy is configured.
 *
 * @throws {WPayConfigError} naming `publicUrl` (nothing configured, or not an http(s) URL),
 * `successUrl` or `cancelUrl` (relative without `publicUrl`, or not http(s)).
 * @example
 * ```ts
 * const trust = checkoutTrust({ publicUrl: 'https://shop.example', successUrl: '/thanks', cancelUrl: '/cart' });
 * trust.baseOf(request); // 'https://shop.example/'
 * ```
 */
export function checkoutTrust(options: CheckoutTrustOptions): CheckoutTrust {
  const publicUrl = parsePublicUrl(options.publicUrl);
  const trustHost = options.trustRequestHost === true;
  const listed = normalizeOrigins(options.allowedOrigins);
  if (!publicUrl && !listed && !trustHost) {
    throw new WPayConfigError({
      field: 'publicUrl',
      message:
        'checkoutHandler has no trusted origin: give publicUrl (or allowedOrigins); the request URL comes from the client-controlled Host header',
      hint: HINT,
    });
  }
  checkReturnUrl('successUrl', options.successUrl, publicUrl !== undefined || trustHost);
  checkReturnUrl('cancelUrl', options.cancelUrl, publicUrl !== undefined || trustHost);
  if (trustHost) {
    options.logger?.warn(
      'checkoutHandler: trustRequestHost is on — the origin check and return URLs trust the request Host header. Use it for local development only; set publicUrl in production.',
    );
  }
  const requestOrigin = (request: Request) => new URL(request.url).origin;
  const allowedOrigins: AllowedOrigins =
    listed ??
    (publicUrl
      ? [publicUrl.origin]
      : (origin: string, request: Request) => origin === requestOrigin(request));
  return {
    allowedOrigins,
    baseOf: (request) => publicUrl?.href ?? (trustHost ? request.url : undefined),
    publicBase: publicUrl?.href,
    scopeOf: (request) => (!publicUrl && trustHost ? requestOrigin(request) : ''),
  };
}
