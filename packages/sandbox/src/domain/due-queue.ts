/** @module Jobs due in the order they were queued, behind one clock job instead of one each. */
import type { SchedulingClock } from './clock-scope.js';

/**
 * Items that fall due in the order they are queued (every session lives `sessionTtlSeconds`, so
 * their expiries come in creation order): one job on the clock at a time, for the oldest item,
 * rather than a closure per item. An item queued with an earlier time than the last one gets a
 * clock job of its own, so the order of time is kept either way.
 *
 * @example
 * ```ts
 * const expiries = new DueQueue<string>(clock, (trxNo) => ledger.expire(trxNo));
 * expiries.push(clock.now() + 1_800_000, 'TRX…');
 * ```
 */
export class DueQueue<T> {
  readonly #clock: SchedulingClock;
  readonly #run: (item: T) => void;
  #items: Array<{ dueAt: number; item: T }> = [];
  #head = 0;
  #cancel: (() => void) | undefined;

  constructor(clock: SchedulingClock, run: (item: T) => void) {
    this.#clock = clock;
    this.#run = run;
  }

  /** Items waiting. */
  get size(): number {
    return this.#items.length - this.#head;
  }

  /** Runs `item` when the sandbox clock reaches `dueAt`. */
  push(dueAt: number, item: T): void {
    const last = this.#items.at(-1);
    if (this.size > 0 && last && dueAt < last.dueAt) {
      this.#clock.at(dueAt, () => this.#run(item));
      return;
    }
    this.#items.push({ dueAt, item });
    if (!this.#cancel) this.#arm();
  }

  /** Forgets every item and its clock job (a merchant's reset). */
  clear(): void {
    this.#cancel?.();
    this.#cancel = undefined;
    this.#items = [];
    this.#head = 0;
  }

  #arm(): void {
    const next = this.#items[this.#head];
    if (!next) {
      this.#items = [];
      this.#head = 0;
      return;
    }
    const { dueAt } = next;
    this.#cancel = this.#clock.at(dueAt, () => {
      this.#cancel = undefined;
      // Only what is due at this job's time: later items wait for their own turn on the clock,
      // after whatever else is scheduled between.
      let failure: { error: unknown } | undefined;
      for (let entry = this.#items[this.#head]; entry && entry.dueAt <= dueAt; ) {
        this.#head += 1;
        try {
          this.#run(entry.item);
        } catch (error) {
          failure ??= { error };
        }
        entry = this.#items[this.#head];
      }
      if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
        this.#items = this.#items.slice(this.#head);
        this.#head = 0;
      }
      this.#arm();
      if (failure) throw failure.error; // reported by the clock, the queue goes on
    });
  }
}
