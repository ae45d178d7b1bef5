/**
 * Money: ISO 4217 exponents, strict decimal parsing, and wire amounts free of float artifacts.
 *
 * Two words, one meaning each: a currency's **exponent** is how many decimals it has (`USD` 2,
 * `JPY` 0, `KWD` 3: {@link exponentOf}); an amount in **minor units** is a whole count of its
 * smallest unit (`19.99` USD is `1999`: {@link toMinorUnits}, {@link fromMinorUnits}).
 *
 * WPay sends and receives amounts as JSON numbers in major units (`19.99`). This module turns what
 * a caller gives (a decimal string or a number) into an exact count of minor units, checked against
 * the currency, and back into the shortest decimal, so `0.1 + 0.2` reaches the wire as `0.3`, never
 * `0.30000000000000004`.
 *
 * Rules (every violation is reported, nothing is silently changed except float noise):
 * - strings: plain decimals only (`19.99`, `20`, `0.50`): no sign, exponent, spaces or leading zeros,
 *   at most as many decimals as the currency's exponent;
 * - numbers: finite, and within {@link FLOAT_TOLERANCE} of a whole number of minor units (then
 *   rounded to it);
 * - both: greater than zero and at most {@link MAX_SIGNIFICANT_DIGITS} significant digits.
 *
 * Currencies: the ISO 4217 table below; other codes are refused unless given, as three upper-case
 * letters, in `extraCurrencies` (`{ XTS: 2 }`) — an option of `WPay` and of every function here.
 *
 * @module
 */
import { CURRENCY_EXPONENTS as PROTOCOL_CURRENCY_EXPONENTS } from '@wpay/protocol';
import { WPayValidationError } from './errors.js';

/** Numbers closer than this to a whole number of minor units are rounded to it. */
export const FLOAT_TOLERANCE = 1e-9;

/** The most significant digits an amount may have (what a double holds exactly). */
export const MAX_SIGNIFICANT_DIGITS = 15;

/** The decimals allowed when the currency is not known (refunds): the most any currency has. */
export const DEFAULT_MAX_EXPONENT = 3;

/**
 * The exponent (decimals) of each ISO 4217 currency code (`USD: 2`, `JPY: 0`, `KWD: 3`…):
 * `@wpay/protocol`'s table.
 *
 * @example
 * ```ts
 * CURRENCY_EXPONENTS.JPY; // 0
 * ```
 */
export const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = PROTOCOL_CURRENCY_EXPONENTS;

/**
 * Extra currencies: code (three upper-case letters) → exponent (0–4 decimals).
 *
 * @example
 * ```ts
 * new WPay({ …, extraCurrencies: { XTS: 2 } satisfies ExtraCurrencies });
 * ```
 */
export type ExtraCurrencies = Readonly<Record<string, number>>;

/**
 * Options shared by the money helpers.
 *
 * @example
 * ```ts
 * toMinorUnits('1.50', 'XTS', { extraCurrencies: { XTS: 2 } }); // 150
 * ```
 */
export interface MoneyOptions {
  /** Currencies missing from the ISO table, e.g. `{ XTS: 2 }`. */
  extraCurrencies?: ExtraCurrencies | undefined;
}

/**
 * A parsed amount: exact minor units and the canonical decimal.
 *
 * @example
 * ```ts
 * const result = parseAmount(0.1 + 0.2, 2);
 * if (result.ok) result.value; // { minor: 30, exponent: 2, wire: 0.3 }
 * ```
 */
export interface ParsedAmount {
  /** Whole minor units, e.g. `1999` for `19.99` USD. */
  minor: number;
  /** The exponent it was parsed with: decimals of the currency (`2` for USD). */
  exponent: number;
  /** The amount as WPay receives it: a JSON number in major units with no float noise. */
  wire: number;
}

/**
 * The result of {@link parseAmount}: the amount, or why it was refused.
 *
 * @example
 * ```ts
 * const result: AmountResult = parseAmount('19.999', 2);
 * if (!result.ok) console.warn(result.message); // too many decimals
 * ```
 */
export type AmountResult = { ok: true; value: ParsedAmount } | { ok: false; message: string };

/**
 * The exponent (decimals) of a currency, or `undefined` when unknown (see {@link exponentOf} to throw).
 *
 * @example
 * ```ts
 * lookupExponent('KWD'); // 3
 * lookupExponent('XTS', { extraCurrencies: { XTS: 2 } }); // 2
 * ```
 */
export function lookupExponent(currency: string, options: MoneyOptions = {}): number | undefined {
  const extra = options.extraCurrencies;
  if (extra && Object.hasOwn(extra, currency)) return extra[currency];
  return Object.hasOwn(CURRENCY_EXPONENTS, currency) ? CURRENCY_EXPONENTS[currency] : undefined;
}

/**
 * The exponent (decimals) of a currency: ISO 4217, plus `extraCurrencies`.
 *
 * @throws {WPayValidationError} when the currency is unknown.
 * @example
 * ```ts
 * exponentOf('USD'); // 2
 * exponentOf('JPY'); // 0
 * ```
 */
export function exponentOf(currency: string, options: MoneyOptions = {}): number {
  const exponent = lookupExponent(currency, options);
  if (exponent === undefined) {
    throw new WPayValidationError({
      what: 'currency',
      issues: [{ path: 'currency', message: describeUnknownCurrency(currency) }],
    });
  }
  return exponent;
}

/** Why a currency code is refused, for validation messages. */
export function describeUnknownCurrency(currency: string): string {
  if (!/^[A-Z]{3}$/.test(currency)) {
    return `"${currency.slice(0, 12)}" is not an ISO 4217 code (three upper-case letters, e.g. USD)`;
  }
  return `unknown currency ${currency}; add it with the extraCurrencies option, e.g. { ${currency}: 2 }`;
}

const DECIMAL = /^(0|[1-9]\d*)(?:\.(\d+))?$/;
const MAX_MINOR = 10 ** MAX_SIGNIFICANT_DIGITS - 1;

function fromDecimalString(value: string, exponent: number): AmountResult {
  const match = DECIMAL.exec(value);
  if (!match) {
    return {
      ok: false,
      message: `"${value.slice(0, 24)}" is not a plain positive decimal like "19.99" (no sign, exponent or spaces)`,
    };
  }
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) {
    return {
      ok: false,
      message: `${value} has ${fraction.length} decimals; this currency allows ${exponent}`,
    };
  }
  const digits = (whole + fraction).replace(/^0+/, '');
  if (digits.length > MAX_SIGNIFICANT_DIGITS) {
    return { ok: false, message: `more than ${MAX_SIGNIFICANT_DIGITS} significant digits` };
  }
  const minor = Number(whole + fraction.padEnd(exponent, '0'));
  return finish(minor, exponent);
}

function fromNumber(value: number, exponent: number): AmountResult {
  if (!Number.isFinite(value)) return { ok: false, message: `${value} is not a finite amount` };
  const scale = 10 ** exponent;
  const minor = Math.round(value * scale);
  if (Math.abs(minor / scale - value) > FLOAT_TOLERANCE) {
    return {
      ok: false,
      message: `${value} has more decimals than this currency allows (${exponent})`,
    };
  }
  if (Math.abs(minor) > MAX_MINOR) {
    return { ok: false, message: `more than ${MAX_SIGNIFICANT_DIGITS} significant digits` };
  }
  return finish(minor, exponent);
}

function finish(minor: number, exponent: number): AmountResult {
  if (minor < 0) return { ok: false, message: 'must be greater than zero (it is negative)' };
  if (minor === 0) return { ok: false, message: 'must be greater than zero' };
  if (minor > MAX_MINOR) {
    return { ok: false, message: `more than ${MAX_SIGNIFICANT_DIGITS} significant digits` };
  }
  return {
    ok: true,
    value: { minor, exponent, wire: Number(minorToDecimal(minor, exponent)) },
  };
}

/** `1999, 2` → `"19.99"`; `5, 2` → `"0.05"`; `500, 0` → `"500"`. */
function minorToDecimal(minor: number, exponent: number): string {
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/**
 * Parses an amount given as a decimal string or a number, with `exponent` decimals at most.
 * Never throws: returns the amount or the reason it was refused (used by the request schemas).
 *
 * @example
 * ```ts
 * parseAmount(0.1 + 0.2, 2); // { ok: true, value: { minor: 30, exponent: 2, wire: 0.3 } }
 * parseAmount('1.999', 2);   // { ok: false, message: '1.999 has 3 decimals; this currency allows 2' }
 * ```
 */
export function parseAmount(value: unknown, exponent: number): AmountResult {
  if (typeof value === 'string') return fromDecimalString(value, exponent);
  if (typeof value === 'number') return fromNumber(value, exponent);
  return { ok: false, message: 'must be a decimal string like "19.99" or a number' };
}

function parseOrThrow(amount: string | number, currency: string, options: MoneyOptions) {
  const result = parseAmount(amount, exponentOf(currency, options));
  if (!result.ok) {
    throw new WPayValidationError({
      what: 'amount',
      issues: [{ path: 'amount', message: result.message }],
    });
  }
  return result.value;
}

/**
 * Converts a major-unit amount to whole minor units of `currency`.
 *
 * @throws {WPayValidationError} for an invalid amount or an unknown currency.
 * @example
 * ```ts
 * toMinorUnits('19.99', 'USD'); // 1999
 * toMinorUnits(0.1 + 0.2, 'EUR'); // 30
 * toMinorUnits('500', 'JPY'); // 500
 * ```
 */
export function toMinorUnits(
  amount: string | number,
  currency: string,
  options: MoneyOptions = {},
): number {
  return parseOrThrow(amount, currency, options).minor;
}

/**
 * Converts whole minor units of `currency` to a major-unit number (as WPay expects it on the wire).
 *
 * @throws {WPayValidationError} for a non-integer count or an unknown currency.
 * @example
 * ```ts
 * fromMinorUnits(1999, 'USD'); // 19.99
 * fromMinorUnits(1500, 'KWD'); // 1.5
 * ```
 */
export function fromMinorUnits(
  minor: number,
  currency: string,
  options: MoneyOptions = {},
): number {
  const exponent = exponentOf(currency, options);
  if (!Number.isSafeInteger(minor)) {
    throw new WPayValidationError({
      what: 'amount',
      issues: [{ path: 'amount', message: `${minor} is not a whole number of minor units` }],
    });
  }
  return Number(minorToDecimal(minor, exponent));
}

/**
 * Formats a major-unit amount with exactly the currency's decimals (for display or comparison).
 *
 * @throws {WPayValidationError} for an invalid amount or an unknown currency.
 * @example
 * ```ts
 * formatAmount(19.9, 'USD'); // '19.90'
 * formatAmount('500', 'JPY'); // '500'
 * formatAmount(0.1 + 0.2, 'USD'); // '0.30'
 * ```
 */
export function formatAmount(
  amount: string | number,
  currency: string,
  options: MoneyOptions = {},
): string {
  const { minor, exponent } = parseOrThrow(amount, currency, options);
  return minorToDecimal(minor, exponent);
}
