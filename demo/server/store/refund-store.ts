import type { Db } from './open-database.js';

/** A refund the shop asked WPay for. */
export interface Refund {
  readonly refundNo: string;
  readonly mchOrderNo: string;
  readonly amountMinor: number;
  readonly reason: string | null;
  readonly createdAt: string;
}

interface RefundRow {
  refund_no: string;
  mch_order_no: string;
  amount_minor: number;
  reason: string | null;
  created_at: string;
}

/**
 * The refunds made from the admin page, in SQLite (WPay's `refundNo` is the key, so recording the
 * same answer twice is harmless).
 *
 * @example
 * ```ts
 * const refunds = createRefundStore(db);
 * refunds.record({ refundNo: 'RF1', mchOrderNo: 'ord_1', amountMinor: 500, reason: null });
 * ```
 */
export function createRefundStore(db: Db, { now = () => new Date() } = {}) {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO refunds (refund_no, mch_order_no, amount_minor, reason, created_at)
     VALUES (@refundNo, @mchOrderNo, @amountMinor, @reason, @createdAt)`,
  );
  const forOrder = db.prepare<[string], RefundRow>(
    'SELECT * FROM refunds WHERE mch_order_no = ? ORDER BY created_at, rowid',
  );
  return {
    /** Records a refund; returns false when this refundNo was already recorded. */
    record(refund: Omit<Refund, 'createdAt'>): boolean {
      return insert.run({ ...refund, createdAt: now().toISOString() }).changes === 1;
    },
    forOrder(mchOrderNo: string): Refund[] {
      return forOrder.all(mchOrderNo).map((row) => ({
        refundNo: row.refund_no,
        mchOrderNo: row.mch_order_no,
        amountMinor: row.amount_minor,
        reason: row.reason,
        createdAt: row.created_at,
      }));
    },
  };
}

/** The store returned by {@link createRefundStore}. */
export type RefundStore = ReturnType<typeof createRefundStore>;
