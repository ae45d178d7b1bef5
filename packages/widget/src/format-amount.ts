/**
 * A price for display, formatted for `locale` (`Intl.NumberFormat`, currency style, the
 * currency's own minor units: two for USD, none for JPY). Returns `''` when the amount is not a
 * finite number or the currency or locale is not valid, so a bad attribute never breaks the button.
 * Display only: the price charged is always decided by the merchant's server.
 *
 * @example
 * ```ts
 * formatAmount('19.99', 'USD', 'en-US'); // '$19.99'
 * formatAmount('1234.5', 'EUR', 'de');   // '1.234,50 €'
 * ```
 */
export function formatAmount(
  amount: string | number | undefined,
  currency: string | undefined,
  locale: string,
): string {
  if (amount === undefined || amount === '' || !currency) return '';
  const value = Number(amount);
  if (!Number.isFinite(value)) return '';
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
  } catch {
    return '';
  }
}
