/** @module One page of a list, as WPay pages its list endpoints. */
/** A page as WPay returns it: `records, total, pageSize, pageNo`. */
export interface Page<T> {
  records: T[];
  total: number;
  pageSize: number;
  pageNo: number;
}

/**
 * Cuts one page out of a list (pages count from 1).
 *
 * @example
 * ```ts
 * paginate([1, 2, 3], 2, 2); // { records: [3], total: 3, pageSize: 2, pageNo: 2 }
 * ```
 */
export function paginate<T>(items: readonly T[], pageNo: number, pageSize: number): Page<T> {
  const start = (pageNo - 1) * pageSize;
  return { records: items.slice(start, start + pageSize), total: items.length, pageSize, pageNo };
}
