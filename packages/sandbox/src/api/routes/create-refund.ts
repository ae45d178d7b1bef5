/** @module `POST /checkout/w-payment/refund`: refunds part or all of a paid payment. */

import { refundView } from '../../domain/views.js';
import type { SandboxContext } from '../../sandbox-context.js';
import { FieldCheck } from '../field-check.js';
import { optional, textField } from '../fields.js';
import { takeAmount } from './create-hosted-page.js';

/**
 * `POST /checkout/w-payment/refund`: `{ trxNo, amount, reason? }` → `{ refundNo, trxNo, amount,
 * status }`. 404 for an unknown payment, 422 above what is refundable or for an unpaid payment.
 *
 * @example
 * ```ts
 * createRefund({ trxNo: 'TRX…', amount: 5, reason: 'damaged' }, ctx).refundNo;
 * ```
 */
export function createRefund(body: unknown, ctx: SandboxContext): Record<string, unknown> {
  const fields = new FieldCheck(body);
  const trxNo = fields.take('trxNo', textField(64));
  const reason = fields.take('reason', optional(textField(255))) ?? null;
  const known = trxNo === undefined ? undefined : ctx.state.payments.get(trxNo);
  const amountMinor = takeAmount(fields, 'amount', known?.request.currency);
  fields.throwIfBad();
  const payment = ctx.ledger.payment(trxNo!);
  const refund = ctx.ledger.refund(payment.trxNo, amountMinor!, reason);
  return refundView(refund, ctx.views);
}
