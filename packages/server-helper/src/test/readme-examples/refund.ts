// An admin "refund" button: tell the admin what happened, in words.
import { WPayApiError, WPayTimeoutError, WPayValidationError } from '@wpay/server-helper';
import { wpay } from './wpay.js';

export async function refund(trxNo: string, amount: string): Promise<string> {
  try {
    const { refundNo } = await wpay.refunds.create({ trxNo, amount, currency: 'USD' });
    return `Refunded (${refundNo})`;
  } catch (error) {
    if (error instanceof WPayValidationError) return `Check ${error.issues[0]?.path}`;
    if (error instanceof WPayTimeoutError) return 'No answer: look at the payment before retrying';
    if (error instanceof WPayApiError) return `WPay refused (${error.retcode}): ${error.retmsg}`;
    throw error;
  }
}
