import { exponentOf, formatAmount, fromMinorUnits, toMinorUnits } from '@wpay/server-helper';

export const money = {
  decimals: exponentOf('JPY'), // 0 (KWD: 3, USD: 2)
  cents: toMinorUnits('19.99', 'USD'), // 1999
  noFloatNoise: toMinorUnits(0.1 + 0.2, 'EUR'), // 30
  major: fromMinorUnits(1999, 'USD'), // 19.99
  display: formatAmount(19.9, 'USD'), // '19.90'
};
