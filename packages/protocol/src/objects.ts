/**
 * Request vocabulary and list pages (wpay-api.md §5 and §6).
 *
 * @module
 */
import { deepFreeze } from './deep-freeze.js';

/**
 * `payMode` of a hosted page: one payment [doc], or the first payment of a subscription [default].
 *
 * @example
 * ```ts
 * PAY_MODES; // ['ONETIME', 'SUBSCRIPTION']
 * ```
 */
export const PAY_MODES = deepFreeze(['ONETIME', 'SUBSCRIPTION'] as const);

/**
 * A `payMode`.
 *
 * @example
 * ```ts
 * const payMode: PayMode = 'ONETIME';
 * ```
 */
export type PayMode = (typeof PAY_MODES)[number];

/**
 * `intervalUnit` of a subscription [default, inferred from the subscription object].
 *
 * @example
 * ```ts
 * INTERVAL_UNITS.includes('month'); // true
 * ```
 */
export const INTERVAL_UNITS = deepFreeze(['day', 'week', 'month', 'year'] as const);

/**
 * An `intervalUnit`.
 *
 * @example
 * ```ts
 * const unit: IntervalUnit = 'month';
 * ```
 */
export type IntervalUnit = (typeof INTERVAL_UNITS)[number];

/**
 * Accepted merchant order and subscription numbers: 1–64 characters of `[A-Za-z0-9_-]` [default;
 * WPay refuses others with retcode `00008` [twin]].
 *
 * @example
 * ```ts
 * MCH_ORDER_NO_PATTERN.test('order_42'); // true
 * ```
 */
// Not frozen: validators (zod among them) reset `lastIndex` before each use, and a frozen RegExp
// throws on that. It has no `g` or `y` flag, so `lastIndex` never carries state.
export const MCH_ORDER_NO_PATTERN: RegExp = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Response keys of a list page: subscriptions and bills use these [doc], payments the same
 * [default]. Payments are asked for with `pageNum`/`pageSize`, the others with `page`/`size` [doc].
 *
 * @example
 * ```ts
 * PAGE_KEYS.records; // 'records'
 * ```
 */
export const PAGE_KEYS = deepFreeze({
  records: 'records',
  total: 'total',
  pageSize: 'pageSize',
  pageNo: 'pageNo',
} as const);

/**
 * The query parameters the return URL carries: WPay (the sandbox) appends them, and the server
 * helper's checkout handler puts `mchOrderNo` in the URLs it sends [default].
 *
 * @example
 * ```ts
 * const params: ReturnUrlParam[] = ['trxNo', 'mchOrderNo'];
 * ```
 */
export type ReturnUrlParam = 'trxNo' | 'mchOrderNo';
