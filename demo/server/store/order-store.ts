import { randomBytes } from 'node:crypto';
import type { TransitionSource } from '@wpay/server-helper';
import type { Db } from './open-database.js';

/**
 * Where an order stands, from the shop's point of view: `pending` until the server helper's
 * fulfilment core reports a transition (it never reports one backwards, so no ranking is needed).
 */
export type OrderStatus =
  | 'pending'
  | 'paid'
  | 'failed'
  | 'cancelled'
  | 'expired'
  | 'partially_refunded'
  | 'refunded';

/** Which entry point moved an order last: the server helper's `TransitionSource`. */
export type StatusSource = TransitionSource;

/** An order as the shop keeps it. */
export interface Order {
  readonly mchOrderNo: string;
  readonly idempotencyKey: string | null;
  readonly sku: string;
  readonly kind: 'one_time' | 'subscription';
  readonly amountMinor: number;
  readonly currency: string;
  readonly status: OrderStatus;
  /** The payment status last read from WPay, verbatim (it may be one this code does not know). */
  readonly wpayStatus: string | null;
  readonly trxNo: string | null;
  readonly mchSubscriptionNo: string | null;
  readonly refundedMinor: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly paidAt: string | null;
  /** Which entry point moved the order to its status; null while pending. */
  readonly statusSource: StatusSource | null;
  /** The expired order this one recovers (a new session for the same purchase), or null. */
  readonly recoveredFrom: string | null;
}

/** What a new order needs. */
export interface NewOrder {
  readonly sku: string;
  readonly kind: Order['kind'];
  readonly amountMinor: number;
  readonly currency: string;
  /** The browser's `Idempotency-Key`: a second request with the same key gets the same order. */
  readonly idempotencyKey?: string | undefined;
  readonly mchSubscriptionNo?: string | undefined;
  /** The expired order this one recovers. */
  readonly recoveredFrom?: string | undefined;
}

/** A transition of an order's payment, as the fulfilment core reports it. */
export interface OrderTransition {
  readonly trxNo: string;
  /** The order WPay names; else the order holding `trxNo`. */
  readonly mchOrderNo?: string | undefined;
  readonly status: Exclude<OrderStatus, 'pending'>;
  /** WPay's payment status as read, verbatim. */
  readonly wpayStatus: string;
  readonly source: StatusSource;
  /** WPay's refunded total, in minor units, when the payment reports it. */
  readonly refundedMinor?: number | undefined;
}

interface OrderRow {
  mch_order_no: string;
  idempotency_key: string | null;
  sku: string;
  kind: Order['kind'];
  amount_minor: number;
  currency: string;
  status: OrderStatus;
  wpay_status: string | null;
  trx_no: string | null;
  mch_subscription_no: string | null;
  refunded_minor: number;
  created_at: string;
  updated_at: string;
  paid_at: string | null;
  status_source: StatusSource | null;
  recovered_from: string | null;
}

/** Options of {@link createOrderStore}. */
export interface OrderStoreOptions {
  /** The clock, injectable for tests. */
  readonly now?: () => Date;
}

/**
 * Orders in SQLite: created pending at checkout, then moved only by the transitions the server
 * helper's fulfilment core reads from WPay (each reported once, in order).
 *
 * @example
 * ```ts
 * const orders = createOrderStore(openDatabase(':memory:'));
 * const order = orders.create({ sku: 'mug', kind: 'one_time', amountMinor: 1250, currency: 'USD' });
 * orders.attachTrxNo(order.mchOrderNo, 'TRX1');
 * orders.applyTransition({ trxNo: 'TRX1', status: 'paid', wpayStatus: 'PAID', source: 'webhook' });
 * ```
 */
export function createOrderStore(db: Db, { now = () => new Date() }: OrderStoreOptions = {}) {
  const byNo = db.prepare<[string], OrderRow>('SELECT * FROM orders WHERE mch_order_no = ?');
  const byKey = db.prepare<[string], OrderRow>('SELECT * FROM orders WHERE idempotency_key = ?');
  const byTrx = db.prepare<[string], OrderRow>('SELECT * FROM orders WHERE trx_no = ?');
  const all = db.prepare<[number], OrderRow>(
    'SELECT * FROM orders ORDER BY created_at DESC, rowid DESC LIMIT ?',
  );
  const insert = db.prepare(
    `INSERT INTO orders (mch_order_no, idempotency_key, sku, kind, amount_minor, currency, status,
       mch_subscription_no, recovered_from, created_at, updated_at)
     VALUES (@mchOrderNo, @idempotencyKey, @sku, @kind, @amountMinor, @currency, 'pending',
       @mchSubscriptionNo, @recoveredFrom, @now, @now)`,
  );
  const setTrx = db.prepare(
    'UPDATE orders SET trx_no = ?, updated_at = ? WHERE mch_order_no = ? AND (trx_no IS NULL OR trx_no = ?)',
  );
  // A trxNo is unique within one WPay only: the embedded sandbox starts its numbering again on
  // each start, while this database keeps the orders of earlier runs. The order WPay just gave the
  // number to owns it; an earlier order holding it lets go, so that no refund or webhook meant for
  // the new payment ever reaches the old order.
  const releaseTrx = db.prepare(
    'UPDATE orders SET trx_no = NULL, updated_at = ? WHERE trx_no = ? AND mch_order_no <> ?',
  );
  const setStatus = db.prepare(
    `UPDATE orders SET status = @status, wpay_status = @wpayStatus, status_source = @source,
       updated_at = @now, paid_at = COALESCE(paid_at, @paidAt) WHERE mch_order_no = @mchOrderNo`,
  );
  const pendingRows = db.prepare<[], OrderRow>(
    "SELECT * FROM orders WHERE status = 'pending' ORDER BY created_at",
  );
  const recoveriesOf = db.prepare<[string], OrderRow>(
    'SELECT * FROM orders WHERE recovered_from = ? ORDER BY created_at',
  );
  const fulfil = db.prepare(
    'INSERT INTO order_fulfilments (mch_order_no, trx_no, fulfilled_at) VALUES (?, ?, ?)',
  );
  const fulfilmentCount = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM order_fulfilments WHERE mch_order_no = ?',
  );
  const setRefunded = db.prepare(
    'UPDATE orders SET refunded_minor = ?, updated_at = ? WHERE mch_order_no = ?',
  );
  const raiseRefunded = db.prepare(
    `UPDATE orders SET refunded_minor = @amountMinor, updated_at = @now
     WHERE mch_order_no = @mchOrderNo AND refunded_minor < @amountMinor`,
  );
  const stamp = () => now().toISOString();

  return {
    /** Creates a pending order, or returns the one already made for the same idempotency key. */
    create(input: NewOrder): Order {
      return db.transaction((): Order => {
        const existing = input.idempotencyKey ? byKey.get(input.idempotencyKey) : undefined;
        if (existing) return toOrder(existing);
        const mchOrderNo = newOrderNo();
        insert.run({
          mchOrderNo,
          idempotencyKey: input.idempotencyKey ?? null,
          sku: input.sku,
          kind: input.kind,
          amountMinor: input.amountMinor,
          currency: input.currency,
          mchSubscriptionNo: input.mchSubscriptionNo ?? null,
          recoveredFrom: input.recoveredFrom ?? null,
          now: stamp(),
        });
        return toOrder(byNo.get(mchOrderNo)!);
      })();
    },

    /**
     * Records the WPay transaction of an order (WPay just created it for this order); a different
     * trxNo for the same order is refused. An earlier order holding the same trxNo lets go of it.
     */
    attachTrxNo(mchOrderNo: string, trxNo: string): boolean {
      return db.transaction((): boolean => {
        const own = byNo.get(mchOrderNo);
        if (!own || (own.trx_no !== null && own.trx_no !== trxNo)) return false;
        releaseTrx.run(stamp(), trxNo, mchOrderNo);
        return setTrx.run(trxNo, stamp(), mchOrderNo, trxNo).changes === 1;
      })();
    },

    /**
     * Applies one transition of a payment to its order: the order WPay names (`mchOrderNo`), else
     * the one holding the trxNo. `paid` fulfils the order (here only a row in
     * `order_fulfilments`) in the same transaction; a refund raises the refunded total to WPay's.
     * Returns the order, or `undefined` when no order matches.
     */
    applyTransition(transition: OrderTransition): Order | undefined {
      return db.transaction((): Order | undefined => {
        const { trxNo, mchOrderNo } = transition;
        const row = (mchOrderNo ? byNo.get(mchOrderNo) : undefined) ?? byTrx.get(trxNo);
        if (!row) return undefined;
        // Another payment of the same order number (a subscription renewal) is not this order's.
        if (row.trx_no !== null && row.trx_no !== trxNo) return toOrder(row);
        if (row.trx_no === null) {
          releaseTrx.run(stamp(), trxNo, row.mch_order_no);
          setTrx.run(trxNo, stamp(), row.mch_order_no, trxNo);
        }
        const paid = transition.status === 'paid';
        setStatus.run({
          status: transition.status,
          wpayStatus: transition.wpayStatus,
          source: transition.source,
          now: stamp(),
          paidAt: paid ? stamp() : null,
          mchOrderNo: row.mch_order_no,
        });
        if (paid) fulfil.run(row.mch_order_no, trxNo, stamp());
        if (transition.refundedMinor !== undefined) {
          raiseRefunded.run({
            amountMinor: transition.refundedMinor,
            now: stamp(),
            mchOrderNo: row.mch_order_no,
          });
        }
        return toOrder(byNo.get(row.mch_order_no)!);
      })();
    },

    /** Sets the order's refunded total to WPay's (read back from the payment): WPay is the truth. */
    setRefunded(mchOrderNo: string, amountMinor: number): void {
      setRefunded.run(amountMinor, stamp(), mchOrderNo);
    },

    /** How many times the order was fulfilled (its move to paid): 0 or 1. */
    fulfilments(mchOrderNo: string): number {
      return fulfilmentCount.get(mchOrderNo)?.n ?? 0;
    },

    find(mchOrderNo: string): Order | undefined {
      const row = byNo.get(mchOrderNo);
      return row ? toOrder(row) : undefined;
    },

    findByTrxNo(trxNo: string): Order | undefined {
      const row = byTrx.get(trxNo);
      return row ? toOrder(row) : undefined;
    },

    /** The newest orders first. */
    list(limit = 100): Order[] {
      return all.all(limit).map(toOrder);
    },

    /** The orders still pending, oldest first: what the reconciliation sweep looks at. */
    pending(): Order[] {
      return pendingRows.all().map(toOrder);
    },

    /** The orders made by recovering `mchOrderNo` (new sessions for an expired checkout). */
    recoveriesOf(mchOrderNo: string): Order[] {
      return recoveriesOf.all(mchOrderNo).map(toOrder);
    },
  };
}

/** The store returned by {@link createOrderStore}. */
export type OrderStore = ReturnType<typeof createOrderStore>;

/** `ord_` + 20 random hex characters: fits WPay's `[A-Za-z0-9_-]{1,64}`. */
function newOrderNo(): string {
  return `ord_${randomBytes(16).toString('hex').slice(0, 20)}`;
}

function toOrder(row: OrderRow): Order {
  return {
    mchOrderNo: row.mch_order_no,
    idempotencyKey: row.idempotency_key,
    sku: row.sku,
    kind: row.kind,
    amountMinor: row.amount_minor,
    currency: row.currency,
    status: row.status,
    wpayStatus: row.wpay_status,
    trxNo: row.trx_no,
    mchSubscriptionNo: row.mch_subscription_no,
    refundedMinor: row.refunded_minor,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    paidAt: row.paid_at,
    statusSource: row.status_source,
    recoveredFrom: row.recovered_from,
  };
}
