/**
 * The return URLs of a checkout (`successUrl`, `cancelUrl`): the merchant's URL, relative ones
 * resolved against `publicUrl`, with the order's `mchOrderNo` in the query.
 *
 * @module
 */
import { WPayConfigError } from '../errors.js';
import type { ResolvedOrder, ReturnUrl } from './checkout-handler.js';

/** Order numbers that `URLSearchParams` writes as they are (no escapes needed). */
const PLAIN_ORDER_NO = /^[\w.*-]*$/;

/**
 * Builds a return URL for each order.
 *
 * @example
 * ```ts
 * const successUrl = returnUrlBuilder('/thanks', { field: 'successUrl', publicBase, baseOf });
 * successUrl(order, request); // 'https://shop.example/thanks?mchOrderNo=order_1'
 * ```
 */
export type ReturnUrlBuilder = (order: ResolvedOrder, request: Request) => string;

/**
 * The builder of one return URL. A fixed URL is parsed once, here: when it has no query or
 * fragment, each order only appends `?mchOrderNo=…` (the same text `URLSearchParams` would
 * write); anything else is parsed per order.
 *
 * @example
 * ```ts
 * const successUrl = returnUrlBuilder('/thanks', {
 *   field: 'successUrl', publicBase: 'https://shop.example/', baseOf: trust.baseOf,
 * });
 * ```
 */
export function returnUrlBuilder(
  url: ReturnUrl,
  {
    field,
    publicBase,
    baseOf,
  }: {
    field: string;
    /** The base of relative URLs when it does not depend on the request (`publicUrl`). */
    publicBase: string | undefined;
    baseOf: (request: Request) => string | undefined;
  },
): ReturnUrlBuilder {
  const build: ReturnUrlBuilder = (order, request) =>
    returnUrl(url, order, request, { field, base: baseOf(request) });
  if (typeof url !== 'string') return build;
  let fixed: URL | undefined;
  try {
    fixed = new URL(url, publicBase);
  } catch {
    return build;
  }
  const prefix = fixed.href;
  const plain =
    (fixed.protocol === 'https:' || fixed.protocol === 'http:') &&
    !prefix.includes('?') &&
    !prefix.includes('#');
  if (!plain) return build;
  return (order, request) =>
    PLAIN_ORDER_NO.test(order.mchOrderNo)
      ? `${prefix}?mchOrderNo=${order.mchOrderNo}`
      : build(order, request);
}

/** One return URL, parsed for this order: `url` resolved against `base`, `mchOrderNo` added. */
function returnUrl(
  url: ReturnUrl,
  order: ResolvedOrder,
  request: Request,
  { field, base }: { field: string; base: string | undefined },
): string {
  const raw = typeof url === 'function' ? url(order, request) : url;
  let parsed: URL | undefined;
  try {
    parsed = new URL(raw, base);
  } catch {}
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    throw new WPayConfigError({
      field,
      message: `${field} is not an http(s) URL${base ? '' : ' (relative URLs need publicUrl)'}`,
      hint: `Give ${field} as a URL of your shop, e.g. 'https://shop.example/thanks', or set publicUrl.`,
    });
  }
  parsed.searchParams.set('mchOrderNo', order.mchOrderNo);
  return parsed.href;
}
