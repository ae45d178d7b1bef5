/** @module Currency minor units, amount conversion and formatting. */
/** Minor units of the currencies that do not use 2 (ISO 4217). */
const MINOR_UNITS_EXCEPTIONS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
};

/** Currencies the sandbox accepts. */
const SUPPORTED = new Set([
  ...Object.keys(MINOR_UNITS_EXCEPTIONS),
  'AED',
  'AUD',
  'BRL',
  'CAD',
  'CHF',
  'CNY',
  'CZK',
  'DKK',
  'EUR',
  'GBP',
  'HKD',
  'HUF',
  'IDR',
  'ILS',
  'INR',
  'MXN',
  'MYR',
  'NOK',
  'NZD',
  'PHP',
  'PLN',
  'RON',
  'SAR',
  'SEK',
  'SGD',
  'THB',
  'TRY',
  'TWD',
  'USD',
  'ZAR',
]);

/** Largest amount accepted, in major units. */
export const MAX_AMOUNT = 99_999_999;

/**
 * Whether the sandbox knows the currency (ISO 4217 code, upper case).
 *
 * @example
 * ```ts
 * isSupportedCurrency('USD'); // true
 * ```
 */
export function isSupportedCurrency(currency: string): boolean {
  return SUPPORTED.has(currency);
}

/**
 * Digits after the decimal point of a currency: 2 for USD/EUR, 0 for JPY/KRW, 3 for KWD…
 *
 * @example
 * ```ts
 * minorUnits('JPY'); // 0
 * ```
 */
export function minorUnits(currency: string): number {
  return MINOR_UNITS_EXCEPTIONS[currency] ?? 2;
}

/**
 * Digits after the decimal point in a number's shortest representation (`19.99` → 2).
 *
 * @example
 * ```ts
 * decimalsOf(0.1); // 1
 * ```
 */
export function decimalsOf(value: number): number {
  const [mantissa = '', exponent = '0'] = String(value).toLowerCase().split('e');
  const fraction = mantissa.split('.')[1] ?? '';
  return Math.max(0, fraction.length - Number(exponent));
}

/**
 * Converts a major-unit amount to an integer of minor units, or `undefined` when the amount has
 * more decimals than the currency allows.
 *
 * @example
 * ```ts
 * toMinor(19.99, 'USD'); // 1999
 * toMinor(19.999, 'USD'); // undefined
 * ```
 */
export function toMinor(amount: number, currency: string): number | undefined {
  const digits = minorUnits(currency);
  if (!Number.isFinite(amount) || decimalsOf(amount) > digits) return undefined;
  return Math.round(amount * 10 ** digits);
}

/**
 * Converts minor units back to a JSON-safe major-unit number (never `0.30000000000000004`).
 *
 * @example
 * ```ts
 * fromMinor(30, 'USD'); // 0.3
 * ```
 */
export function fromMinor(minor: number, currency: string): number {
  const digits = minorUnits(currency);
  if (digits === 0) return minor;
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  return Number(`${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`);
}

/**
 * Formats minor units for people: `$19.99`, `¥500`.
 *
 * @example
 * ```ts
 * formatMoney(1999, 'USD'); // '$19.99'
 * ```
 */
export function formatMoney(minor: number, currency: string): string {
  const digits = minorUnits(currency);
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(fromMinor(minor, currency));
}
