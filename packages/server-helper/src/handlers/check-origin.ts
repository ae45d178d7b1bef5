/**
 * CSRF protection for the checkout endpoint: the request must come from one of the shop's own
 * origins. `Origin` decides when present; otherwise `Sec-Fetch-Site`; otherwise `Referer`.
 *
 * @module
 */
import { WPayConfigError } from '../errors.js';

/**
 * The shop's own origins, or a predicate. Default: the origin of the handler's `publicUrl` (never
 * the request's own URL, which comes from the client's `Host` header).
 *
 * @example
 * ```ts
 * wpay.checkoutHandler({ …, allowedOrigins: ['https://shop.example', 'https://www.shop.example'] });
 * wpay.checkoutHandler({ …, allowedOrigins: (origin) => new URL(origin).hostname.endsWith('.shop.example') });
 * ```
 */
export type AllowedOrigins = readonly string[] | ((origin: string, request: Request) => boolean);

/** Result of {@link checkOrigin}: `undefined` when allowed, else why not. */
export type OriginRefusal = string | undefined;

/**
 * Normalizes a list of origins (`https://shop.example`, with or without a path) once, at setup.
 *
 * @example
 * ```ts
 * normalizeOrigins(['https://shop.example/', 'http://localhost:5173']);
 * ```
 */
export function normalizeOrigins(origins: AllowedOrigins | undefined): AllowedOrigins | undefined {
  if (origins === undefined || typeof origins === 'function') return origins;
  return origins.map((origin) => {
    try {
      return new URL(origin).origin;
    } catch {
      throw new WPayConfigError({
        field: 'allowedOrigins',
        message: `allowedOrigins contains "${origin}", which is not an origin`,
        hint: "List full origins such as 'https://shop.example' or 'http://localhost:5173'.",
      });
    }
  });
}

function isAllowed(origin: string, request: Request, allowed: AllowedOrigins): boolean {
  if (typeof allowed === 'function') return allowed(origin, request);
  return allowed.includes(origin);
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * Checks that `request` comes from an allowed origin; returns the reason when it does not.
 *
 * @example
 * ```ts
 * const refusal = checkOrigin(request, ['https://shop.example'], { allowMissing: false });
 * if (refusal) return errorResponse(403, 'forbidden_origin', refusal);
 * ```
 */
export function checkOrigin(
  request: Request,
  allowed: AllowedOrigins,
  { allowMissing = false }: { allowMissing?: boolean } = {},
): OriginRefusal {
  const origin = request.headers.get('origin');
  if (origin !== null) {
    if (origin !== 'null' && isAllowed(origin, request, allowed)) return undefined;
    return `Requests from origin ${origin} are not allowed (allowedOrigins)`;
  }
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) {
    if (site === 'same-origin') return undefined;
    return `Cross-site request refused (Sec-Fetch-Site: ${site})`;
  }
  const referer = request.headers.get('referer');
  if (referer !== null) {
    const refererOrigin = originOf(referer);
    if (refererOrigin && isAllowed(refererOrigin, request, allowed)) return undefined;
    return 'Requests from this referrer are not allowed (allowedOrigins)';
  }
  if (allowMissing) return undefined;
  return 'The request has no Origin, Sec-Fetch-Site or Referer header; browsers send them, so it cannot be checked against allowedOrigins';
}
