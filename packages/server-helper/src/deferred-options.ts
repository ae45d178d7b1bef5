/**
 * Options whose credentials may arrive later: a `WPay` made at module scope while a build runs
 * (`next build`, a Docker build) sees no secrets, which only exist at run time.
 *
 * The rule: a value that is **absent** (`undefined`, an unset environment variable) is checked at
 * first use; a value that is **present but invalid** (an empty string, a malformed URL, a bad
 * timeout) is refused at once, as before. So a build without secrets passes, and a server with a
 * wrong value still fails when it starts.
 *
 * @module
 */
import { WPayConfigError } from './errors.js';
import { type ResolvedOptions, resolveOptions, type WPayOptions } from './options.js';

/** Stand-ins for absent credentials, so that everything present is checked now. */
const STAND_INS = {
  apiKey: 'absent',
  apiSecret: 'absent',
  signKey: 'absent',
} as const;

/**
 * The options resolved now, and whether some credentials were absent (checked at first use).
 *
 * @example
 * ```ts
 * const { resolved, deferred } = resolveOrDefer({ apiKey: process.env.WPAY_API_KEY!, … });
 * if (deferred) configErrorOf(options); // the WPayConfigError first use throws
 * ```
 */
export function resolveOrDefer(options: WPayOptions): {
  resolved: ResolvedOptions;
  deferred: boolean;
} {
  if (typeof options !== 'object' || options === null) {
    return { resolved: resolveOptions(options), deferred: false };
  }
  const standIns: Partial<Pick<WPayOptions, keyof typeof STAND_INS | 'environment'>> = {};
  for (const field of Object.keys(STAND_INS) as (keyof typeof STAND_INS)[]) {
    if (options[field] === undefined) standIns[field] = STAND_INS[field];
  }
  if (options.baseUrl === undefined && options.environment === undefined) {
    standIns.environment = 'sandbox';
  }
  if (Object.keys(standIns).length === 0) {
    return { resolved: resolveOptions(options), deferred: false };
  }
  return { resolved: resolveOptions({ ...options, ...standIns }), deferred: true };
}

/**
 * The `WPayConfigError` that `resolveOptions(options)` throws, or `undefined` when it throws none.
 *
 * @example
 * ```ts
 * const error = configErrorOf(options);
 * if (error) throw error; // same field and message as `new WPay(options)` would give eagerly
 * ```
 */
export function configErrorOf(options: WPayOptions): WPayConfigError | undefined {
  try {
    resolveOptions(options);
    return undefined;
  } catch (error) {
    if (error instanceof WPayConfigError) return error;
    throw error;
  }
}
