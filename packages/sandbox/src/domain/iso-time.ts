/** @module `Date#toISOString` for times that come second after second (the request log's). */

/** The last second spelt, and its text up to the milliseconds (`2026-12-02T14:15:00.`). */
let lastSecond = Number.NaN;
let lastPrefix = '';

/**
 * The time as `Date#toISOString` spells it, without building a `Date` per call: the text of
 * the second is kept, so calls within the same second only add the milliseconds.
 *
 * @example
 * ```ts
 * isoTimeOf(Date.UTC(2026, 11, 2, 14, 15, 0, 7)); // '2026-12-02T14:15:00.007Z'
 * ```
 */
export function isoTimeOf(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastPrefix = new Date(second * 1000).toISOString().slice(0, -4); // without `000Z`
    lastSecond = second;
  }
  const millis = ms - second * 1000;
  return `${lastPrefix}${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}
