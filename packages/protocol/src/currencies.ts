/**
 * ISO 4217 currency exponents: how many decimals each currency's minor unit has. WPay sends
 * amounts in major units (wpay-api.md §6), so every amount is checked and rounded against these.
 *
 * @module
 */

/** Currencies with no minor unit. */
const ZERO_DECIMAL = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
/** Currencies with three decimals. */
const THREE_DECIMAL = 'BHD IQD JOD KWD LYD OMR TND';
/** Currencies with four decimals (units of account). */
const FOUR_DECIMAL = 'CLF UYW';
/** Currencies with two decimals (active codes). */
const TWO_DECIMAL =
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS ' +
  'GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL ' +
  'MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK ' +
  'PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB ' +
  'TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG ZWL';

function table(): Record<string, number> {
  const entries: [string, number][] = [];
  for (const [codes, exponent] of [
    [TWO_DECIMAL, 2],
    [ZERO_DECIMAL, 0],
    [THREE_DECIMAL, 3],
    [FOUR_DECIMAL, 4],
  ] as const) {
    for (const code of codes.split(' ')) entries.push([code, exponent]);
  }
  const result = Object.fromEntries(entries);
  // A code listed under two exponents would silently take the last one.
  if (Object.keys(result).length !== entries.length) throw new Error('a currency is listed twice');
  return result;
}

/**
 * The exponent (decimals of the minor unit) of every ISO 4217 currency code: `USD: 2`, `JPY: 0`,
 * `KWD: 3`, `CLF: 4`.
 *
 * @example
 * ```ts
 * CURRENCY_EXPONENTS.KWD; // 3
 * Object.hasOwn(CURRENCY_EXPONENTS, 'XTS'); // false
 * ```
 */
export const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = Object.freeze(table());
