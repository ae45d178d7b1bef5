import { exponentOf, fromMinorUnits } from '@wpay/server-helper';

// The shop's money helpers, on the server helper's ISO 4217 table (one table for the whole kit).

/**
 * Converts an amount in minor units to the major-unit number WPay expects (`2500` → `25`).
 *
 * @example
 * ```ts
 * toMajor(499, 'USD'); // 4.99
 * ```
 */
export function toMajor(minor: number, currency: string): number {
  return fromMinorUnits(minor, currency);
}

/**
 * Converts a major-unit amount from WPay to minor units, rounding away float noise (`4.99` → `499`).
 *
 * @example
 * ```ts
 * toMinor(0.1 + 0.2, 'USD'); // 30
 * ```
 */
export function toMinor(major: number, currency: string): number {
  const digits = exponentOf(currency);
  return Math.round(major * 10 ** digits);
}

/**
 * Formats a minor-unit amount for people (`2500, 'USD'` → `$25.00`).
 *
 * @example
 * ```ts
 * formatMoney(1800, 'USD'); // '$18.00'
 * ```
 */
export function formatMoney(minor: number, currency: string): string {
  const digits = exponentOf(currency);
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
  }).format(minor / 10 ** digits);
}

/**
 * Formats minor units as the decimal string WPay and the admin page use (`499` → `'4.99'`).
 *
 * @example
 * ```ts
 * formatMajor(2500, 'USD'); // '25.00'
 * ```
 */
export function formatMajor(minor: number, currency: string): string {
  const digits = exponentOf(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}`;
  const scale = 10 ** digits;
  const whole = Math.floor(abs / scale);
  const fraction = String(abs % scale).padStart(digits, '0');
  return `${sign}${whole}.${fraction}`;
}

/**
 * Parses a decimal amount typed by a person into minor units, without floats; `undefined` when
 * it is not a positive amount with at most the currency's decimals (`'5.5'` → `550`).
 *
 * @example
 * ```ts
 * parseMajor('12.50', 'USD'); // 1250
 * parseMajor('1.999', 'USD'); // undefined
 * ```
 */
export function parseMajor(text: string, currency: string): number | undefined {
  const digits = exponentOf(currency);
  const match = /^(\d{1,12})(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, whole = '0', fraction = ''] = match;
  if (fraction.length > digits) return undefined;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}
