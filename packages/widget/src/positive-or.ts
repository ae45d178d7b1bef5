/**
 * `value` if it is a positive number, else `fallback`: a number attribute that is missing, zero,
 * negative or not a number (`NaN` from `timeout="soon"`) falls back to its default.
 *
 * @example
 * ```ts
 * positiveOr(500, 15_000); // 500
 * positiveOr(Number.NaN, 15_000); // 15000
 * ```
 */
export function positiveOr(value: number, fallback: number): number {
  return value > 0 ? value : fallback;
}
