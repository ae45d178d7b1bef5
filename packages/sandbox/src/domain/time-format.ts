/** @module WPay's zone-less timestamps and calendar intervals. */
import type { IntervalUnit } from '@wpay/protocol';

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
 * Formats epoch milliseconds as WPay's zone-less local time: `2026-04-23T10:00:00` (separator
 * `'T'`) or `2025-12-12 00:43:11` (separator `' '`), in the zone `offsetMinutes` east of UTC.
 *
 * @example
 * ```ts
 * formatWpayTime(Date.UTC(2026, 3, 23, 10), 0, 'T'); // '2026-04-23T10:00:00'
 * ```
 */
export function formatWpayTime(ms: number, offsetMinutes: number, separator: 'T' | ' '): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${date}${separator}${time}`;
}

/**
 * Parses `yyyy-MM-dd HH:mm:ss` (or with `T`) in the zone `offsetMinutes` east of UTC; `undefined`
 * when the text is not such a time.
 *
 * @example
 * ```ts
 * parseWpayTime('2026-04-23 10:00:00', 0); // Date.UTC(2026, 3, 23, 10)
 * ```
 */
export function parseWpayTime(text: string, offsetMinutes: number): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, ...number[]];
  const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  const back = new Date(ms);
  if (back.getUTCMonth() !== mo! - 1 || back.getUTCDate() !== d! || h! > 23 || mi! > 59) {
    return undefined;
  }
  return ms - offsetMinutes * 60_000;
}

/**
 * The time `periods` intervals after `anchor`, counted from the anchor so that month ends stay
 * month ends (Jan 31 + 1 month = Feb 28/29, + 2 months = Mar 31).
 *
 * @example
 * ```ts
 * addIntervals(Date.UTC(2026, 0, 31), 'month', 1); // Date.UTC(2026, 1, 28)
 * ```
 */
export function addIntervals(anchor: number, unit: IntervalUnit, periods: number): number {
  if (unit === 'day') return anchor + periods * 86_400_000;
  if (unit === 'week') return anchor + periods * 7 * 86_400_000;
  const months = unit === 'month' ? periods : periods * 12;
  const d = new Date(anchor);
  const target = new Date(anchor);
  target.setUTCDate(1);
  target.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.getTime();
}

/**
 * "every 1 month", "every 3 weeks": an interval for people.
 *
 * @example
 * ```ts
 * describeInterval('month', 1); // 'every 1 month'
 * ```
 */
export function describeInterval(unit: IntervalUnit, count: number): string {
  return `every ${count} ${unit}${count === 1 ? '' : 's'}`;
}
