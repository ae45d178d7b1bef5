/** @module The subscription endpoints: list, detail, cancel and bills. */

import { billView, subscriptionView } from '../../domain/views.js';
import type { SandboxContext } from '../../sandbox-context.js';
import { FieldCheck } from '../field-check.js';
import { intField, optional, stringField, textField } from '../fields.js';
import { paginate } from './paginate.js';

const ID = intField(1, Number.MAX_SAFE_INTEGER);

/**
 * `POST /checkout/w-payment/subscriptions/list`: `page`, `size`, `status` (and, a sandbox
 * extension, `mchSubscriptionNo`) → `records, total, pageSize, pageNo`, newest first.
 *
 * @example
 * ```ts
 * listSubscriptions({ page: 1, size: 10, status: 'ACTIVE' }, ctx);
 * ```
 */
export function listSubscriptions(body: unknown, ctx: SandboxContext): Record<string, unknown> {
  const { defaultPageSize, maxPageSize } = ctx.options.defaults;
  const fields = new FieldCheck(body ?? {});
  const page = fields.take('page', optional(intField(1, 1_000_000))) ?? 1;
  const size = fields.take('size', optional(intField(1, maxPageSize))) ?? defaultPageSize;
  const status = fields.take('status', optional(stringField));
  const mchSubscriptionNo = fields.take('mchSubscriptionNo', optional(textField(64)));
  fields.throwIfBad();
  const matching = ctx.state
    .subscriptionList()
    .filter(
      (s) =>
        (status === undefined || status === '' || s.status === status) &&
        (mchSubscriptionNo === undefined || s.mchSubscriptionNo === mchSubscriptionNo),
    );
  const result = paginate(matching, page, size);
  return { ...result, records: result.records.map((s) => subscriptionView(s, ctx.views)) };
}

/**
 * `POST /checkout/w-payment/subscriptions/detail`: `{ id }` → the subscription; 404 when unknown.
 *
 * @example
 * ```ts
 * subscriptionDetail({ id: 501 }, ctx).status; // 'ACTIVE'
 * ```
 */
export function subscriptionDetail(body: unknown, ctx: SandboxContext): Record<string, unknown> {
  const fields = new FieldCheck(body);
  const id = fields.take('id', ID);
  fields.throwIfBad();
  return subscriptionView(ctx.ledger.subscription(id!), ctx.views);
}

/**
 * `POST /checkout/w-payment/subscriptions/cancel`: `{ id, reason? }` → the subscription,
 * `CANCELLED`; no more bills.
 *
 * @example
 * ```ts
 * cancelSubscription({ id: 501, reason: 'too expensive' }, ctx).status; // 'CANCELLED'
 * ```
 */
export function cancelSubscription(body: unknown, ctx: SandboxContext): Record<string, unknown> {
  const fields = new FieldCheck(body);
  const id = fields.take('id', ID);
  const reason = fields.take('reason', optional(textField(255))) ?? null;
  fields.throwIfBad();
  return subscriptionView(ctx.ledger.cancelSubscription(id!, reason), ctx.views);
}

/**
 * `POST /checkout/w-payment/subscriptions/bills`: `subscriptionId`, `page`, `size` → a page of
 * bills, oldest first; 404 when the subscription is unknown.
 *
 * @example
 * ```ts
 * listBills({ subscriptionId: 501, page: 1, size: 10 }, ctx).total;
 * ```
 */
export function listBills(body: unknown, ctx: SandboxContext): Record<string, unknown> {
  const { defaultPageSize, maxPageSize } = ctx.options.defaults;
  const fields = new FieldCheck(body);
  const subscriptionId = fields.take('subscriptionId', ID);
  const page = fields.take('page', optional(intField(1, 1_000_000))) ?? 1;
  const size = fields.take('size', optional(intField(1, maxPageSize))) ?? defaultPageSize;
  fields.throwIfBad();
  const sub = ctx.ledger.subscription(subscriptionId!, 'subscriptionId');
  const bills = ctx.state.billsBySubscription.get(sub.id) ?? [];
  const result = paginate(bills, page, size);
  return { ...result, records: result.records.map((b) => billView(b, ctx.views)) };
}
