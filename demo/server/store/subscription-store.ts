import type { BillingInterval } from '../catalogue.js';
import type { Db } from './open-database.js';

/** Where a subscription stands: WPay's status in lower case, or `pending` before the first payment. */
export type SubscriptionStatus = 'pending' | 'active' | 'past_due' | 'cancelled' | 'expired';

/** A subscription as the shop keeps it. */
export interface Subscription {
  readonly mchSubscriptionNo: string;
  readonly wpayId: number | null;
  readonly sku: string;
  readonly status: SubscriptionStatus;
  readonly amountMinor: number;
  readonly currency: string;
  readonly interval: BillingInterval;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A bill of a subscription, as reported by WPay. */
export interface Bill {
  readonly wpayId: number;
  readonly wpaySubscriptionId: number;
  readonly amountMinor: number;
  readonly currency: string;
  readonly status: string;
  readonly createdTime: string;
}

interface SubscriptionRow {
  mch_subscription_no: string;
  wpay_id: number | null;
  sku: string;
  status: SubscriptionStatus;
  amount_minor: number;
  currency: string;
  interval_unit: BillingInterval['unit'];
  interval_count: number;
  created_at: string;
  updated_at: string;
}

interface BillRow {
  wpay_id: number;
  wpay_subscription_id: number;
  amount_minor: number;
  currency: string;
  status: string;
  created_time: string;
}

const FROM_WPAY: Readonly<Record<string, SubscriptionStatus>> = {
  ACTIVE: 'active',
  PAST_DUE: 'past_due',
  CANCELLED: 'cancelled',
  EXPIRED: 'expired',
};
const FINAL: ReadonlySet<SubscriptionStatus> = new Set(['cancelled', 'expired']);

/**
 * Subscriptions and their bills in SQLite: created pending at checkout, then kept in step with
 * what WPay reports (a cancelled or expired subscription never comes back to life).
 *
 * @example
 * ```ts
 * const subs = createSubscriptionStore(db);
 * subs.create({ mchSubscriptionNo: 'sub_1', sku: 'coffee-club', amountMinor: 1800, currency: 'USD',
 *   interval: { unit: 'month', count: 1 } });
 * subs.applyWpay({ mchSubscriptionNo: 'sub_1', id: 7, status: 'ACTIVE' });
 * ```
 */
export function createSubscriptionStore(db: Db, { now = () => new Date() } = {}) {
  const byNo = db.prepare<[string], SubscriptionRow>(
    'SELECT * FROM subscriptions WHERE mch_subscription_no = ?',
  );
  const byWpayId = db.prepare<[number], SubscriptionRow>(
    'SELECT * FROM subscriptions WHERE wpay_id = ?',
  );
  const all = db.prepare<[], SubscriptionRow>(
    'SELECT * FROM subscriptions ORDER BY created_at DESC, rowid DESC',
  );
  const insert = db.prepare(
    `INSERT OR IGNORE INTO subscriptions (mch_subscription_no, sku, status, amount_minor, currency,
       interval_unit, interval_count, created_at, updated_at)
     VALUES (@mchSubscriptionNo, @sku, 'pending', @amountMinor, @currency, @unit, @count, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE subscriptions SET wpay_id = COALESCE(wpay_id, @id), status = @status, updated_at = @now
     WHERE mch_subscription_no = @mchSubscriptionNo`,
  );
  // WPay's ids are unique within one WPay only: the embedded sandbox starts again from the same
  // ids on each start, while this database keeps the subscriptions of earlier runs. What WPay says
  // now wins: an id it gives to another subscription (or bill) is taken from the stale row.
  const releaseWpayId = db.prepare(
    'UPDATE subscriptions SET wpay_id = NULL WHERE wpay_id = ? AND mch_subscription_no <> ?',
  );
  const upsertBill = db.prepare(
    `INSERT INTO bills (wpay_id, wpay_subscription_id, amount_minor, currency, status, created_time)
     VALUES (@wpayId, @wpaySubscriptionId, @amountMinor, @currency, @status, @createdTime)
     ON CONFLICT (wpay_id) DO UPDATE SET wpay_subscription_id = excluded.wpay_subscription_id,
       amount_minor = excluded.amount_minor, currency = excluded.currency,
       status = excluded.status, created_time = excluded.created_time`,
  );
  const billsOf = db.prepare<[number], BillRow>(
    'SELECT * FROM bills WHERE wpay_subscription_id = ? ORDER BY created_time, wpay_id',
  );

  return {
    /** Records a subscription the shopper is about to pay for. */
    create(input: Omit<Subscription, 'wpayId' | 'status' | 'createdAt' | 'updatedAt'>): void {
      insert.run({
        mchSubscriptionNo: input.mchSubscriptionNo,
        sku: input.sku,
        amountMinor: input.amountMinor,
        currency: input.currency,
        unit: input.interval.unit,
        count: input.interval.count,
        now: now().toISOString(),
      });
    },

    /**
     * Applies what WPay says about a subscription (found by `mchSubscriptionNo`, else by WPay `id`).
     * Returns the subscription, or `undefined` when the shop does not know it. When WPay names the
     * subscription, the id is its own: an earlier row holding the same id lets go of it.
     */
    applyWpay(facts: {
      id: number;
      mchSubscriptionNo?: string | null | undefined;
      status: string;
    }): Subscription | undefined {
      return db.transaction((): Subscription | undefined => {
        const named = facts.mchSubscriptionNo ? byNo.get(facts.mchSubscriptionNo) : undefined;
        if (named) releaseWpayId.run(facts.id, named.mch_subscription_no);
        const row = named ?? byWpayId.get(facts.id);
        if (!row) return undefined;
        const next = FROM_WPAY[facts.status] ?? row.status;
        const status = FINAL.has(row.status) ? row.status : next;
        update.run({
          id: facts.id,
          status,
          now: now().toISOString(),
          mchSubscriptionNo: row.mch_subscription_no,
        });
        return toSubscription(byNo.get(row.mch_subscription_no)!);
      })();
    },

    /** Records a bill, or updates it to what WPay now says. */
    recordBill(bill: Bill): void {
      upsertBill.run({ ...bill });
    },

    find(mchSubscriptionNo: string): Subscription | undefined {
      const row = byNo.get(mchSubscriptionNo);
      return row ? toSubscription(row) : undefined;
    },

    findByWpayId(id: number): Subscription | undefined {
      const row = byWpayId.get(id);
      return row ? toSubscription(row) : undefined;
    },

    /** The newest subscriptions first. */
    list(): Subscription[] {
      return all.all().map(toSubscription);
    },

    /** The bills recorded for a WPay subscription id, oldest first. */
    bills(wpaySubscriptionId: number): Bill[] {
      return billsOf.all(wpaySubscriptionId).map((row) => ({
        wpayId: row.wpay_id,
        wpaySubscriptionId: row.wpay_subscription_id,
        amountMinor: row.amount_minor,
        currency: row.currency,
        status: row.status,
        createdTime: row.created_time,
      }));
    },
  };
}

/** The store returned by {@link createSubscriptionStore}. */
export type SubscriptionStore = ReturnType<typeof createSubscriptionStore>;

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    mchSubscriptionNo: row.mch_subscription_no,
    wpayId: row.wpay_id,
    sku: row.sku,
    status: row.status,
    amountMinor: row.amount_minor,
    currency: row.currency,
    interval: { unit: row.interval_unit, count: row.interval_count },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
