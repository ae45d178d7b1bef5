import { randomBytes } from 'node:crypto';
import type { Db } from './open-database.js';

/**
 * Where a refund intent stands: `pending` while WPay is being asked, `in_doubt` when WPay's
 * answer was lost and reading the payment back could not tell, `done` once WPay shows the refund,
 * `not_made` once it is certain nothing was refunded.
 */
export type RefundIntentState = 'pending' | 'in_doubt' | 'done' | 'not_made';

/** A refund the admin asked for, recorded before WPay is called. */
export interface RefundIntent {
  readonly intentKey: string;
  readonly mchOrderNo: string;
  readonly trxNo: string;
  readonly amountMinor: number;
  /** The order's refunded total in the books when the intent was made. */
  readonly refundedBeforeMinor: number;
  readonly reason: string | null;
  readonly state: RefundIntentState;
  /** How it ended: the server helper's outcome, or why it was not made. */
  readonly outcome: string | null;
  readonly refundNo: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface IntentRow {
  intent_key: string;
  mch_order_no: string;
  trx_no: string;
  amount_minor: number;
  refunded_before_minor: number;
  reason: string | null;
  state: RefundIntentState;
  outcome: string | null;
  refund_no: string | null;
  created_at: string;
  updated_at: string;
}

/** What a new intent needs. */
export type NewRefundIntent = Pick<
  RefundIntent,
  'mchOrderNo' | 'trxNo' | 'amountMinor' | 'refundedBeforeMinor' | 'reason'
>;

/**
 * Refund intents in SQLite. An order has at most one open intent (`pending` or `in_doubt`): a
 * second press of Refund while one is open resumes it instead of making another.
 *
 * @example
 * ```ts
 * const intents = createRefundIntentStore(db);
 * const intent = intents.open({ mchOrderNo, trxNo, amountMinor: 500, refundedBeforeMinor: 0, reason: null });
 * intents.finish(intent.intentKey, 'done', { outcome: 'refunded', refundNo: 'RFD1' });
 * ```
 */
export function createRefundIntentStore(db: Db, { now = () => new Date() } = {}) {
  const insert = db.prepare(
    `INSERT INTO refund_intents (intent_key, mch_order_no, trx_no, amount_minor,
       refunded_before_minor, reason, state, created_at, updated_at)
     VALUES (@intentKey, @mchOrderNo, @trxNo, @amountMinor, @refundedBeforeMinor, @reason,
       'pending', @now, @now)`,
  );
  const openRow = db.prepare<[string], IntentRow>(
    `SELECT * FROM refund_intents WHERE mch_order_no = ? AND state IN ('pending', 'in_doubt')`,
  );
  const byKey = db.prepare<[string], IntentRow>(
    'SELECT * FROM refund_intents WHERE intent_key = ?',
  );
  const setState = db.prepare(
    `UPDATE refund_intents SET state = @state, outcome = @outcome,
       refund_no = COALESCE(@refundNo, refund_no), updated_at = @now WHERE intent_key = @intentKey`,
  );
  return {
    /**
     * The order's open intent if it has one (`resumed: true`), else a new pending one recorded
     * now, before anything is sent.
     */
    open(input: NewRefundIntent): { intent: RefundIntent; resumed: boolean } {
      return db.transaction(() => {
        const existing = openRow.get(input.mchOrderNo);
        if (existing) return { intent: toIntent(existing), resumed: true };
        const intentKey = `rfi_${randomBytes(12).toString('hex')}`;
        insert.run({ ...input, intentKey, now: now().toISOString() });
        return { intent: toIntent(byKey.get(intentKey)!), resumed: false };
      })();
    },

    /** The order's open intent, if any. */
    openFor(mchOrderNo: string): RefundIntent | undefined {
      const row = openRow.get(mchOrderNo);
      return row ? toIntent(row) : undefined;
    },

    /** Moves an intent on. */
    finish(
      intentKey: string,
      state: Exclude<RefundIntentState, 'pending'>,
      details: { outcome: string; refundNo?: string | undefined },
    ): void {
      setState.run({
        intentKey,
        state,
        outcome: details.outcome,
        refundNo: details.refundNo ?? null,
        now: now().toISOString(),
      });
    },
  };
}

/** The store returned by {@link createRefundIntentStore}. */
export type RefundIntentStore = ReturnType<typeof createRefundIntentStore>;

function toIntent(row: IntentRow): RefundIntent {
  return {
    intentKey: row.intent_key,
    mchOrderNo: row.mch_order_no,
    trxNo: row.trx_no,
    amountMinor: row.amount_minor,
    refundedBeforeMinor: row.refunded_before_minor,
    reason: row.reason,
    state: row.state,
    outcome: row.outcome,
    refundNo: row.refund_no,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
