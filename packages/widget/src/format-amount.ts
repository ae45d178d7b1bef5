/**
 * One formatter per locale and currency (`null`: the pair is not valid). Building an
 * `Intl.NumberFormat` costs far more than formatting with it, and a page shows many prices in one
 * locale and currency; the pairs a page uses are few, so the cache is never emptied.
 */
const formatters = new Map<string, Intl.NumberFormat | null>();

function formatterFor(locale: string, currency: string): Intl.NumberFormat | null {
  const key = `${locale} ${currency}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    try {
      formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    } catch {
      formatter = null;
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * A price for display, formatted for `locale` (`Intl.NumberFormat`, currency style, the
 * currency's own minor units: two for USD, none for JPY). Returns `''` when the amount is not a
 * finite number or the currency or locale is not valid, so a bad attribute never breaks the button.
 * Display only: the price charged is always decided by the merchant's server. The formatter of
 * each locale and currency is built once, then reused.
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
  return formatterFor(locale, currency)?.format(value) ?? '';
}
