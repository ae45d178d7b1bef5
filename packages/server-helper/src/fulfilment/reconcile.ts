/**
 * `fulfilment.reconcile()`: the sweep for when webhooks don't come. It walks the shop's orders
 * that are not final yet, hands each to the fulfilment core with `source: 'reconcile'` (the same
 * transitions, run once, whoever sees them first) and reports what it did. Several instances may
 * sweep at once: the core holds each payment while it works, so they never double-fulfil.
 *
 * @module
 */
import { DEFAULTS } from '../defaults.js';
import { WPayApiError } from '../errors.js';
import { describeError } from '../logger.js';
import type {
  FulfilmentClient,
  FulfilmentCore,
  PaymentFulfilment,
  SubscriptionFulfilment,
} from './create-fulfilment.js';
import { type OrderScanOptions, orderIndex } from './order-index.js';
import type { TransitionType } from './transition.js';

/**
 * One order (or subscription) the shop still considers open: give its `trxNo` when known, else its
 * `mchOrderNo` (found by a bounded scan of the payment list), or a `subscriptionId`.
 *
 * @example
 * ```ts
 * const item: PendingItem = { mchOrderNo: 'order_42', createdAt: new Date('2026-12-01T10:00:00Z') };
 * ```
 */
export interface PendingItem {
  trxNo?: string | null | undefined;
  mchOrderNo?: string | null | undefined;
  subscriptionId?: number | null | undefined;
  /** When the order was created (Date, epoch ms or ISO string); decides the sweep window. */
  createdAt?: Date | number | string | null | undefined;
}

/**
 * Options of {@link reconcile}.
 *
 * @example
 * ```ts
 * await fulfilment.reconcile({
 *   pending: () => db.ordersWhere({ status: 'pending' }), // an async iterable of PendingItem
 *   olderThanMs: 10 * 60_000, maxAgeMs: 7 * 24 * 3600_000, concurrency: 4,
 * } satisfies ReconcileOptions);
 * ```
 */
export interface ReconcileOptions {
  /** The shop's open orders and live subscriptions. */
  pending: () => AsyncIterable<PendingItem> | Iterable<PendingItem>;
  /** Orders younger than this are left to their webhook. Default 10 min. */
  olderThanMs?: number;
  /** Orders older than this are skipped (counted as `tooOld`). Default 7 days. */
  maxAgeMs?: number;
  /** Orders checked at once. Default 4. */
  concurrency?: number;
  /** The scan for orders known only by `mchOrderNo`. */
  scan?: OrderScanOptions;
  /** The clock, ms since the epoch. Default `Date.now`. */
  now?: () => number;
}

/**
 * What a sweep did.
 *
 * @example
 * ```ts
 * const report: ReconcileReport = await fulfilment.reconcile({ pending });
 * metrics.gauge('wpay.reconcile.paid', report.transitions.paid ?? 0);
 * ```
 */
export interface ReconcileReport {
  /** Items read back from WPay. */
  checked: number;
  /** Items with at least one transition run by this sweep. */
  reconciled: number;
  /** Items read whose transitions had all run before. */
  unchanged: number;
  /** Payments still open at WPay (e.g. `PAYING`). */
  stillOpen: number;
  /** Items WPay does not know (or not found by the scan). */
  notFound: number;
  /** Items another entry point held during the sweep (the next sweep looks again). */
  busy: number;
  /** Items skipped as younger than `olderThanMs`. */
  tooRecent: number;
  /** Items skipped as older than `maxAgeMs`. */
  tooOld: number;
  /** Transitions run, by type. */
  transitions: Partial<Record<TransitionType, number>>;
  /** Items that failed (a WPay error or a throwing side effect), retried by the next sweep. */
  errors: Array<{ item: string; name: string; message: string }>;
}

function describeItem(item: PendingItem): string {
  if (item.trxNo) return `trxNo ${item.trxNo}`;
  if (item.mchOrderNo) return `mchOrderNo ${item.mchOrderNo}`;
  return `subscription ${item.subscriptionId}`;
}

function isNotFound(error: unknown): boolean {
  return (
    error instanceof WPayApiError && (error.httpStatus === 404 || String(error.retcode) === '404')
  );
}

function createdAtMs(createdAt: PendingItem['createdAt']): number | undefined {
  if (createdAt === null || createdAt === undefined) return undefined;
  const ms = createdAt instanceof Date ? createdAt.getTime() : new Date(createdAt).getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

/** Pulls from `source` one item at a time, whoever asks (an arbitrary iterator may not queue). */
function serialised(source: AsyncIterable<PendingItem> | Iterable<PendingItem>) {
  const iterator =
    Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  let last: Promise<IteratorResult<PendingItem>> = Promise.resolve({ done: false, value: {} });
  return () => {
    last = last.then(async (previous) => (previous.done ? previous : await iterator.next()));
    return last;
  };
}

/**
 * Sweeps the shop's open orders through the fulfilment core.
 *
 * @example
 * ```ts
 * const report = await reconcile(core, wpay, { pending: () => db.openOrders(), concurrency: 4 });
 * ```
 */
export async function reconcile(
  core: FulfilmentCore,
  client: FulfilmentClient,
  {
    pending,
    olderThanMs = DEFAULTS.fulfilment.reconcile.olderThanMs,
    maxAgeMs = DEFAULTS.fulfilment.reconcile.maxAgeMs,
    concurrency = DEFAULTS.fulfilment.reconcile.concurrency,
    scan = {},
    now = Date.now,
  }: ReconcileOptions,
): Promise<ReconcileReport> {
  const report: ReconcileReport = {
    checked: 0,
    reconciled: 0,
    unchanged: 0,
    stillOpen: 0,
    notFound: 0,
    busy: 0,
    tooRecent: 0,
    tooOld: 0,
    transitions: {},
    errors: [],
  };
  const findTrxNo = orderIndex(client, { ...DEFAULTS.fulfilment.reconcile.scan, ...scan });
  const next = serialised(pending());
  const startedAt = now();

  function record(result: PaymentFulfilment | SubscriptionFulfilment, open: boolean) {
    if (result.busy) {
      report.busy++;
      return;
    }
    report.checked++;
    for (const { type } of result.ran)
      report.transitions[type] = (report.transitions[type] ?? 0) + 1;
    if (result.ran.length > 0) report.reconciled++;
    else report.unchanged++;
    if (open) report.stillOpen++;
  }

  async function one(item: PendingItem): Promise<void> {
    const created = createdAtMs(item.createdAt);
    if (created !== undefined && startedAt - created < olderThanMs) {
      report.tooRecent++;
      return;
    }
    if (created !== undefined && startedAt - created > maxAgeMs) {
      report.tooOld++;
      return;
    }
    try {
      if (item.subscriptionId) {
        const result = await core.subscription(item.subscriptionId, { source: 'reconcile' });
        record(result, false);
        return;
      }
      const trxNo = item.trxNo || (item.mchOrderNo ? await findTrxNo(item.mchOrderNo) : undefined);
      if (!trxNo) {
        report.notFound++;
        return;
      }
      const result = await core.payment(trxNo, { source: 'reconcile' });
      record(result, !result.final);
    } catch (error) {
      if (isNotFound(error)) {
        report.notFound++;
        return;
      }
      const { name = 'Error', message = String(error) } = describeError(error) as {
        name?: string;
        message?: string;
      };
      report.errors.push({ item: describeItem(item), name, message });
    }
  }

  async function worker(): Promise<void> {
    for (let item = await next(); !item.done; item = await next()) await one(item.value);
  }

  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return report;
}
