/**
 * The timing options of `wpay.fulfilment()` and `wpay.recovery()`: validated, and their leases
 * derived from the client's own timing, so that a lease never lapses while the WPay call it
 * guards may still be running (a lapsed lease lets another entry point run a side effect again).
 *
 * @module
 */
import { DEFAULTS } from '../defaults.js';
import { WPayConfigError } from '../errors.js';
import { type TimingSettings, worstCaseCallMs } from '../lease-defaults.js';

/**
 * The client's call timing (a `WPay` carries it as `settings`): what a worst-case call is made of.
 *
 * @example
 * ```ts
 * const timing: CallTiming = wpay.settings;
 * ```
 */
export type CallTiming = TimingSettings & { tokenLockTtlMs: number };

/** The longest one WPay call of `client` can take; the default timing when it says none. */
export function callMsOf(client: { settings?: CallTiming | undefined }): number {
  return worstCaseCallMs(client.settings ?? DEFAULTS);
}

/**
 * The fulfilment core's default hold of a payment: its read (one call) plus the side effects.
 *
 * @example
 * ```ts
 * fulfilmentLeaseMs(worstCaseCallMs(DEFAULTS), DEFAULTS.fulfilment.sideEffectsMs); // 44 min + 5 min
 * ```
 */
export function fulfilmentLeaseMs(callMs: number, sideEffectsMs: number): number {
  return callMs + sideEffectsMs;
}

/**
 * The recovery handler's default hold of a link: the old payment's read and the new session (two
 * calls) plus the shop's `resolveOrder` and `onRecovered`.
 *
 * @example
 * ```ts
 * recoveryLeaseMs(worstCaseCallMs(DEFAULTS), DEFAULTS.recovery.shopWorkMs); // 88 min + 60 s
 * ```
 */
export function recoveryLeaseMs(callMs: number, shopWorkMs: number): number {
  return 2 * callMs + shopWorkMs;
}

/**
 * `value` when it is a positive whole number (at least `min`), else a `WPayConfigError` naming
 * `field` and what to give instead.
 *
 * @example
 * ```ts
 * const waitMs = positiveInteger('fulfilment.waitMs', options.waitMs ?? DEFAULTS.fulfilment.waitMs);
 * ```
 */
export function positiveInteger(
  field: string,
  value: number,
  { min = 1, why }: { min?: number; why?: string } = {},
): number {
  if (Number.isSafeInteger(value) && value >= min) return value;
  throw new WPayConfigError({
    field,
    message: `${field} must be a whole number of at least ${min}${why ? ` (${why})` : ''}; got ${String(value)}`,
    hint: why
      ? `Leave ${field} unset to have it derived, or lower the client's timeoutMs / maxRetries.`
      : `Give ${field} as a positive whole number, or leave it unset for the default.`,
  });
}
