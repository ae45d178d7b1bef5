/** @module `payments/list` and `payments/detail`: payments as the API shows them. */

import { PAYMENT_STATUS_CODES } from '@wpay/protocol';
import { fromMinor } from '../../domain/money.js';
import type { PaymentRecord } from '../../domain/records.js';
import { parseWpayTime } from '../../domain/time-format.js';
import { paymentView } from '../../domain/views.js';
import type { SandboxContext } from '../../sandbox-context.js';
import { FieldCheck } from '../field-check.js';
import { amountField, intField, optional, stringField, textField } from '../fields.js';

/**
 * `POST /checkout/w-payment/payments/list`: `pageNum`/`pageSize` in, `records, total, pageSize,
 * pageNo` out, newest first; filters `status` (number), `channelId`, `startTime`/`endTime`
 * (`yyyy-MM-dd HH:mm:ss`, on `createTime`), `currency`, `amountMin`, `amountMax`,
 * `paymentMethod`, and (sandbox extension) `mchOrderNo`.
 *
 * @example
 * ```ts
 * listPayments({ pageNum: 1, pageSize: 10, status: 2 }, ctx).records;
 * ```
 */
export function listPayments(body: unknown, ctx: SandboxContext): Record<string, unknown> {
  const { defaultPageSize, maxPageSize } = ctx.options.defaults;
  const fields = new FieldCheck(body ?? {});
  const pageNum = fields.take('pageNum', optional(intField(1, 1_000_000))) ?? 1;
  const pageSize = fields.take('pageSize', optional(intField(1, maxPageSize))) ?? defaultPageSize;
  const status = fields.take('status', optional(intField(1, 8)));
  const channelId = fields.take('channelId', optional(textField(32)));
  const currency = fields.take('currency', optional(textField(3)));
  const paymentMethod = fields.take('paymentMethod', optional(textField(32)));
  const mchOrderNo = fields.take('mchOrderNo', optional(textField(64)));
  const amountMin = fields.take('amountMin', optional(amountField));
  const amountMax = fields.take('amountMax', optional(amountField));
  const offset = ctx.views.timeZoneOffsetMinutes;
  const time = (name: string) => {
    const text = fields.take(name, optional(stringField));
    if (text === undefined || text === '') return undefined;
    const ms = parseWpayTime(text, offset);
    if (ms === undefined) fields.fail(name, 'must be yyyy-MM-dd HH:mm:ss');
    return ms;
  };
  const startTime = time('startTime');
  const endTime = time('endTime');
  fields.throwIfBad();

  const major = (p: PaymentRecord) => fromMinor(p.request.amountMinor, p.request.currency);
  const filters = [
    status !== undefined && ((p: PaymentRecord) => PAYMENT_STATUS_CODES[p.status] === status),
    channelId !== undefined && (() => channelId === ctx.views.channelId),
    currency !== undefined && ((p: PaymentRecord) => currency === p.request.currency),
    paymentMethod !== undefined &&
      ((p: PaymentRecord) => p.paidAt !== null && paymentMethod === ctx.views.paymentMethod),
    amountMin !== undefined && ((p: PaymentRecord) => major(p) >= amountMin),
    amountMax !== undefined && ((p: PaymentRecord) => major(p) <= amountMax),
    startTime !== undefined && ((p: PaymentRecord) => p.createdAt >= startTime),
    endTime !== undefined && ((p: PaymentRecord) => p.createdAt <= endTime + 999),
  ].filter((filter) => filter !== false);
  const matches =
    filters.length === 0 ? undefined : (p: PaymentRecord) => filters.every((filter) => filter(p));
  const page = ctx.state.paymentPage(pageNum, pageSize, { mchOrderNo, matches });
  return { ...page, records: page.records.map((p) => paymentView(p, ctx.views)) };
}

/**
 * `POST /checkout/w-payment/payments/detail`: `{ trxNo }` → the payment; 404 when unknown.
 *
 * @example
 * ```ts
 * paymentDetail({ trxNo: 'TRX…' }, ctx).status; // 'PAID'
 * ```
 */
export function paymentDetail(body: unknown, ctx: SandboxContext): Record<string, unknown> {
  const fields = new FieldCheck(body);
  const trxNo = fields.take('trxNo', textField(64));
  fields.throwIfBad();
  return paymentView(ctx.ledger.payment(trxNo!), ctx.views);
}
