// An admin "refund" button that never refunds twice: record the intent first (its key and the
// refunded total your books show), then let createSafely settle a lost answer by reading back.
import { WPayRefundInDoubtError, WPayRefundNotMadeError } from '@wpay/server-helper';
import { wpay } from './wpay.js';

export interface RefundIntent {
  key: string; // stored with the intent, before the call
  trxNo: string;
  amount: string;
  refundedBefore: string; // what your books showed as refunded when the intent was made
}

export async function refundOnce(intent: RefundIntent): Promise<string> {
  try {
    const result = await wpay.refunds.createSafely(
      { trxNo: intent.trxNo, amount: intent.amount },
      { intentKey: intent.key, refundedBefore: intent.refundedBefore },
    );
    // 'refunded', 'confirmed_by_readback' or 'already_refunded': set the books to WPay's total.
    return `Refunded (${result.outcome}); ${result.refundedAmount} refunded in all`;
  } catch (error) {
    if (error instanceof WPayRefundNotMadeError) return `Not refunded (${error.reason})`;
    if (error instanceof WPayRefundInDoubtError) return 'In doubt: keep the intent, retry later';
    throw error;
  }
}
