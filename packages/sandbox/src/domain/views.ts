/** @module Records as the API shows them (wpay-api.md §6). */
import { currencyExponent, fromMinor } from './money.js';
import type { BillRecord, PaymentRecord, RefundRecord, SubscriptionRecord } from './records.js';
import { formatWpayTime } from './time-format.js';

/** Settings the public shapes depend on. */
export interface ViewSettings {
  timeZoneOffsetMinutes: number;
  channelId: string;
  paymentMethod: string;
  processingFeePercent: number;
  processingFeeFixed: number;
  gatewayAvailableDays: number;
}

/**
 * The payment object of wpay-api.md §6, as the API returns it (amounts in major units).
 *
 * @example
 * ```ts
 * paymentView(record, settings).status; // 'PAID'
 * ```
 */
export function paymentView(p: PaymentRecord, s: ViewSettings): Record<string, unknown> {
  const { request: r } = p;
  const t = (ms: number | null) =>
    ms === null ? null : formatWpayTime(ms, s.timeZoneOffsetMinutes, 'T');
  const money = (minor: number) => fromMinor(minor, r.currency);
  const feeMinor =
    p.paidAt === null ? null : processingFeeMinor(p.request.amountMinor, r.currency, s);
  return {
    id: p.id,
    trxNo: p.trxNo,
    gatewayOrderNo: p.gatewayOrderNo,
    channelId: s.channelId,
    status: p.status,
    payMode: r.payMode,
    mchOrderNo: r.mchOrderNo,
    mchSubscriptionNo: r.mchSubscriptionNo,
    amount: money(r.amountMinor),
    currency: r.currency,
    description: r.description,
    customerEmail: r.customerEmail,
    createTime: t(p.createdAt),
    payTime: t(p.paidAt),
    processingFee: feeMinor === null ? null : money(feeMinor),
    netAmount: feeMinor === null ? null : money(r.amountMinor - feeMinor),
    gatewayAvailableOn:
      p.paidAt === null ? null : t(p.paidAt + s.gatewayAvailableDays * 86_400_000),
    paymentMethod: p.paidAt === null ? null : s.paymentMethod,
    refundedAmount: money(p.refundedMinor),
    refundableAmount: p.paidAt === null ? 0 : money(r.amountMinor - p.refundedMinor),
    failureReason: p.failureReason,
    subscriptionId: p.subscriptionId,
    intervalUnit: r.intervalUnit,
    intervalCount: r.intervalCount,
    expireTime: t(p.expiresAt),
    updateTime: t(p.updatedAt),
  };
}

/**
 * The subscription object of wpay-api.md §6.
 *
 * @example
 * ```ts
 * subscriptionView(record, settings).status; // 'ACTIVE'
 * ```
 */
export function subscriptionView(
  sub: SubscriptionRecord,
  s: ViewSettings,
): Record<string, unknown> {
  const t = (ms: number | null) =>
    ms === null ? null : formatWpayTime(ms, s.timeZoneOffsetMinutes, ' ');
  return {
    id: sub.id,
    mchSubscriptionNo: sub.mchSubscriptionNo,
    status: sub.status,
    amount: fromMinor(sub.amountMinor, sub.currency),
    currency: sub.currency,
    intervalUnit: sub.intervalUnit,
    intervalCount: sub.intervalCount,
    createdTime: t(sub.createdAt),
    mchOrderNo: sub.mchOrderNo,
    trxNo: sub.firstTrxNo,
    description: sub.description,
    customerEmail: sub.customerEmail,
    nextBillTime: t(sub.nextBillAt),
    cancelTime: t(sub.cancelledAt),
    cancelReason: sub.cancelReason,
    expireTime: t(sub.expiredAt),
    failedRenewals: sub.failedRenewals,
  };
}

/**
 * The bill object of wpay-api.md §6.
 *
 * @example
 * ```ts
 * billView(record, settings).createdTime; // '2025-12-12 00:43:11'
 * ```
 */
export function billView(bill: BillRecord, s: ViewSettings): Record<string, unknown> {
  return {
    id: bill.id,
    subscriptionId: bill.subscriptionId,
    amount: fromMinor(bill.amountMinor, bill.currency),
    currency: bill.currency,
    status: bill.status,
    createdTime: formatWpayTime(bill.createdAt, s.timeZoneOffsetMinutes, ' '),
    trxNo: bill.trxNo,
    period: bill.period,
    failureReason: bill.failureReason,
  };
}

/**
 * The refund answer of protocol-defaults.md: `{ refundNo, trxNo, amount, status }` and more.
 *
 * @example
 * ```ts
 * refundView(record, settings).refundNo; // 'RFD…'
 * ```
 */
export function refundView(refund: RefundRecord, s: ViewSettings): Record<string, unknown> {
  return {
    refundNo: refund.refundNo,
    trxNo: refund.trxNo,
    amount: fromMinor(refund.amountMinor, refund.currency),
    currency: refund.currency,
    status: refund.status,
    reason: refund.reason,
    createTime: formatWpayTime(refund.createdAt, s.timeZoneOffsetMinutes, 'T'),
  };
}

/**
 * Fee in minor units: a percentage of the amount plus a fixed part, never above the amount.
 *
 * @example
 * ```ts
 * processingFeeMinor(1999, 'USD', settings); // 88 with 2.9 % + 0.30
 * ```
 */
export function processingFeeMinor(amountMinor: number, currency: string, s: ViewSettings): number {
  const fixedMinor = Math.round(s.processingFeeFixed * 10 ** currencyExponent(currency));
  const fee = Math.round((amountMinor * s.processingFeePercent) / 100) + fixedMinor;
  return Math.min(fee, amountMinor);
}
