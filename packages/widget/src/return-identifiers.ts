/** How `<wpay-return>` names the payment to its status endpoint. */
export type ReturnIdentifier = { trxNo: string } | { mchOrderNo: string };

/**
 * The payment's identifier for the status request: `trxNo` if known, else `mchOrderNo`, each
 * taken from the explicit value if given, else from the page URL's query (`?trxNo=…&mchOrderNo=…`,
 * as appended by WPay to the return URLs). `undefined` when there is neither.
 *
 * @example
 * ```ts
 * returnIdentifier({ search: '?trxNo=TRX123&mchOrderNo=order-1' }); // { trxNo: 'TRX123' }
 * returnIdentifier({ search: '', mchOrderNo: 'order-1' });          // { mchOrderNo: 'order-1' }
 * ```
 */
export function returnIdentifier({
  search,
  trxNo,
  mchOrderNo,
}: {
  search: string;
  trxNo?: string;
  mchOrderNo?: string;
}): ReturnIdentifier | undefined {
  const query = new URLSearchParams(search);
  const trx = trxNo || query.get('trxNo');
  if (trx) return { trxNo: trx };
  const order = mchOrderNo || query.get('mchOrderNo');
  return order ? { mchOrderNo: order } : undefined;
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
