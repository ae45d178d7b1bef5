// A nightly report: every paid payment, page after page, summed without float noise.
import { fromMinorUnits, toMinorUnits } from '@wpay/server-helper';
import { wpay } from './wpay.js';

export async function paidTotal(currency: string): Promise<number> {
  let minor = 0;
  for await (const payment of wpay.payments.iterate({ status: 'PAID', currency })) {
    minor += toMinorUnits(payment.amount, currency);
  }
  return fromMinorUnits(minor, currency);
}
