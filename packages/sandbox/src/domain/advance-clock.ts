/** @module Moves the sandbox clock by hours, days or calendar months, running what became due. */
import type { SandboxContext } from '../sandbox-context.js';
import { addIntervals } from './time-format.js';

/**
 * How far to move the sandbox clock; the parts add up.
 *
 * @example
 * ```ts
 * await sb.clock.advanceBy({ days: 1, hours: 2 });
 * ```
 */
export interface AdvanceBy {
  ms?: number;
  hours?: number;
  days?: number;
  /** Calendar months (Jan 31 + 1 month = Feb 28/29). */
  months?: number;
}

/**
 * Moves the sandbox clock and runs what became due (bills, expiries, slow cards, retries).
 *
 * @example
 * ```ts
 * await advanceClock(ctx, { months: 1 }); // the next monthly bill appears
 * ```
 */
export async function advanceClock(ctx: SandboxContext, by: AdvanceBy): Promise<number> {
  const now = ctx.clock.now();
  const monthsMs = by.months ? addIntervals(now, 'month', by.months) - now : 0;
  const ms = (by.ms ?? 0) + (by.hours ?? 0) * 3_600_000 + (by.days ?? 0) * 86_400_000 + monthsMs;
  await ctx.clock.advance(ms);
  return ctx.clock.now();
}
