/**
 * Finding the `trxNo` of orders known only by their `mchOrderNo`, by one bounded scan of WPay's
 * payment list shared by a whole sweep (pages are read once, as far as needed, at most `maxPages`).
 *
 * @module
 */
import { paginate } from '../resources/paginate.js';
import type { FulfilmentClient } from './create-fulfilment.js';

/**
 * How far the payment list is read for orders known only by `mchOrderNo`.
 *
 * @example
 * ```ts
 * await fulfilment.reconcile({ pending, scan: { maxPages: 20, pageSize: 100 } satisfies OrderScanOptions });
 * ```
 */
export interface OrderScanOptions {
  /** Pages read at most in one sweep. Default 10. */
  maxPages?: number;
  /** Payments per page. Default 50. */
  pageSize?: number;
}

/**
 * A lazy `mchOrderNo → trxNo` index over the payment list (newest first).
 *
 * @example
 * ```ts
 * const find = orderIndex(wpay, { maxPages: 10, pageSize: 50 });
 * await find('order_42'); // 'TRX…' or undefined
 * ```
 */
export function orderIndex(
  client: FulfilmentClient,
  { maxPages, pageSize }: Required<OrderScanOptions>,
): (mchOrderNo: string) => Promise<string | undefined> {
  const known = new Map<string, string>();
  const records = paginate((pageNum) => client.payments.list({ pageNum, pageSize }), { pageSize });
  let read = 0;
  let exhausted = false;
  return async (mchOrderNo) => {
    // Async generators queue concurrent next() calls: each record is read once, by some caller.
    while (!known.has(mchOrderNo) && !exhausted) {
      const next = await records.next();
      if (next.done || ++read >= maxPages * pageSize) exhausted = true;
      if (!next.done && !known.has(next.value.mchOrderNo)) {
        known.set(next.value.mchOrderNo, next.value.trxNo);
      }
    }
    return known.get(mchOrderNo);
  };
}
