/** @module The identifier counters, shared by every merchant of one sandbox. */

/**
 * The values of the counters (what a `--data` file keeps).
 *
 * @example
 * ```ts
 * const counters: IdCounters = new IdSequence().counters(); // { seq: 0, payment: 10000, … }
 * ```
 */
export interface IdCounters {
  seq: number;
  payment: number;
  subscription: number;
  bill: number;
}

/**
 * The counters behind `trxNo`, `refundNo` and the numeric ids. One sequence serves every
 * merchant of a sandbox, so that no identifier is ever handed to two merchants (a `trxNo` names
 * one payment in the whole sandbox, as it does at WPay).
 *
 * @example
 * ```ts
 * const ids = new IdSequence();
 * ids.next('payment'); // 10001
 * ```
 */
export class IdSequence {
  readonly #counters: IdCounters;

  /** `from`: counters to go on from (a restored `--data` file). */
  constructor(from?: IdCounters) {
    this.#counters = { seq: 0, payment: 10_000, subscription: 500, bill: 9_000, ...from };
  }

  /** The next number of a counter. */
  next(counter: keyof IdCounters): number {
    this.#counters[counter] += 1;
    return this.#counters[counter];
  }

  /** The current values (a copy). */
  counters(): IdCounters {
    return { ...this.#counters };
  }
}
