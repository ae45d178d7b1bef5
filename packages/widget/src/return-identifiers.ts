/**
 * How `<wpay-return>` names the payment to its status endpoint.
 *
 * @example
 * ```ts
 * const identifier: ReturnIdentifier = { trxNo: 'TRX1' };
 * ```
 */
export type ReturnIdentifier = { trxNo: string } | { mchOrderNo: string };

/**
 * The payment's identifier for the status request, from the page URL's query (`?trxNo=…` and
 * `&mchOrderNo=…`, as WPay appends them to the return URLs): `trxNo` if present, else
 * `mchOrderNo`, else `undefined`.
 *
 * @example
 * ```ts
 * returnIdentifier('?trxNo=TRX123&mchOrderNo=order-1'); // { trxNo: 'TRX123' }
 * returnIdentifier('?mchOrderNo=order-1');              // { mchOrderNo: 'order-1' }
 * ```
 */
export function returnIdentifier(search: string): ReturnIdentifier | undefined {
  const query = new URLSearchParams(search);
  const trxNo = query.get('trxNo');
  if (trxNo) return { trxNo };
  const mchOrderNo = query.get('mchOrderNo');
  return mchOrderNo ? { mchOrderNo } : undefined;
}

/**
 * The status endpoint's URL for an identifier, keeping the endpoint's own query.
 *
 * @example
 * ```ts
 * statusUrl('/api/status', { trxNo: 'TRX1' }, 'https://shop.test/thanks'); // 'https://shop.test/api/status?trxNo=TRX1'
 * ```
 */
export function statusUrl(endpoint: string, identifier: ReturnIdentifier, base: string): string {
  const url = new URL(endpoint, base);
  for (const [name, value] of Object.entries(identifier)) url.searchParams.set(name, value);
  return url.href;
}
