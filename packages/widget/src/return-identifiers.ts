/**
 * How `<wpay-return>` names the payment to its status endpoint: both identifiers when the return
 * URL has both (the pair proves the order, so the server may answer its details), else the one
 * it has (the server then answers the outcome only).
 *
 * @example
 * ```ts
 * const identifier: ReturnIdentifier = { trxNo: 'TRX1', mchOrderNo: 'order_1' };
 * ```
 */
export type ReturnIdentifier = { trxNo: string; mchOrderNo?: string } | { mchOrderNo: string };

/**
 * The payment's identifiers for the status request, from the page URL's query (`?trxNo=…` and
 * `&mchOrderNo=…`, as WPay appends them to the return URLs): each one present and non-empty, or
 * `undefined` when there is none.
 *
 * @example
 * ```ts
 * returnIdentifier('?trxNo=TRX123&mchOrderNo=order-1'); // { trxNo: 'TRX123', mchOrderNo: 'order-1' }
 * returnIdentifier('?mchOrderNo=order-1');              // { mchOrderNo: 'order-1' }
 * ```
 */
export function returnIdentifier(search: string): ReturnIdentifier | undefined {
  const query = new URLSearchParams(search);
  const trxNo = query.get('trxNo');
  const mchOrderNo = query.get('mchOrderNo');
  if (trxNo) return mchOrderNo ? { trxNo, mchOrderNo } : { trxNo };
  return mchOrderNo ? { mchOrderNo } : undefined;
}

/**
 * The status endpoint's URL for an identifier, keeping the endpoint's own query.
 *
 * @example
 * ```ts
 * statusUrl('/api/status', { trxNo: 'TRX1', mchOrderNo: 'o_1' }, 'https://shop.test/thanks');
 * // 'https://shop.test/api/status?trxNo=TRX1&mchOrderNo=o_1'
 * ```
 */
export function statusUrl(endpoint: string, identifier: ReturnIdentifier, base: string): string {
  const url = new URL(endpoint, base);
  for (const [name, value] of Object.entries(identifier)) url.searchParams.set(name, value);
  return url.href;
}
