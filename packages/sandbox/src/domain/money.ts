/** @module Currency exponents, amount conversion and formatting. */
import { CURRENCY_EXPONENTS } from '@wpay/protocol';

/** Largest amount accepted, in major units. */
export const MAX_AMOUNT = 99_999_999;

/**
 * Whether the sandbox knows the currency: an ISO 4217 code (upper case) of `@wpay/protocol`'s
 * `CURRENCY_EXPONENTS`.
 *
 * @example
 * ```ts
 * isSupportedCurrency('USD'); // true
 * ```
 */
export function isSupportedCurrency(currency: string): boolean {
  return Object.hasOwn(CURRENCY_EXPONENTS, currency);
}

/**
 * The exponent of a currency (ISO 4217: digits after the decimal point): 2 for USD/EUR, 0 for
 * JPY/KRW, 3 for KWD…
 *
 * @example
 * ```ts
 * currencyExponent('JPY'); // 0
 * ```
 */
export function currencyExponent(currency: string): number {
  return (isSupportedCurrency(currency) ? CURRENCY_EXPONENTS[currency] : undefined) ?? 2;
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
  // Read in place rather than split: this runs on every amount a checkout sends.
  const text = String(value); // a number's exponent is spelt `e`, never `E`
  const e = text.indexOf('e');
  const mantissaLength = e < 0 ? text.length : e;
  const dot = text.indexOf('.');
  const fraction = dot < 0 || dot > mantissaLength ? 0 : mantissaLength - dot - 1;
  return Math.max(0, fraction - (e < 0 ? 0 : Number(text.slice(e + 1))));
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
  const digits = currencyExponent(currency);
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
  const digits = currencyExponent(currency);
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
  const digits = currencyExponent(currency);
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(fromMinor(minor, currency));
}
