/**
 * Walks every page of a list endpoint.
 *
 * @module
 */
import type { Page } from '../schemas/common.js';

/**
 * Yields every record of every page, fetching pages one at a time, starting at `firstPage`.
 * Stops at an empty or short page, or once `total` records were covered.
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
    const { records, total } = await fetchPage(page);
    yield* records;
    if (records.length === 0 || records.length < pageSize || page * pageSize >= total) return;
  }
}
