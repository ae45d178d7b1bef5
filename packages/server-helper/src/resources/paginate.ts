/**
 * Walks every page of a list endpoint.
 *
 * @module
 */
import type { Page } from '../schemas/common.js';

/**
 * Yields every record of every page, fetching pages one at a time, starting at `firstPage`.
 * Stops at an empty or short page, or once `total` records were covered, measured with the page
 * size the answer gives (a server may cap the size asked for).
 *
 * @example
 * ```ts
 * for await (const payment of paginate((pageNum) => wpay.payments.list({ pageNum, pageSize: 50 }), { pageSize: 50 })) {
 *   console.log(payment.trxNo);
 * }
 * ```
 */
export async function* paginate<T>(
  fetchPage: (page: number) => Promise<Page<T>>,
  { pageSize, firstPage = 1 }: { pageSize: number; firstPage?: number },
): AsyncGenerator<T, void, undefined> {
  for (let page = firstPage; ; page++) {
    const { records, total, pageSize: answered } = await fetchPage(page);
    yield* records;
    // WPay may cap the page size: what the page says it used decides whether a page is short.
    const size = answered > 0 ? answered : pageSize;
    if (records.length === 0 || records.length < size || page * size >= total) return;
  }
}
