import type { SandboxContext } from '../context.js';
import { optional, textField } from '../fields.js';
import { FieldCheck } from '../validate.js';
import { refundView } from '../views.js';
import { takeAmount } from './checkout.js';

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
