/** @module The identifier counters, shared by every merchant of one sandbox. */

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
  readonly #counters = { seq: 0, payment: 10_000, subscription: 500, bill: 9_000 };

  /** The next number of a counter. */
  next(counter: 'seq' | 'payment' | 'subscription' | 'bill'): number {
    this.#counters[counter] += 1;
    return this.#counters[counter];
  }
}
