/** @module One merchant's view of the shared sandbox clock: its own jobs, cleared on its own. */
import type { SandboxClock } from './sandbox-clock.js';

/**
 * What the ledger and the webhook dispatcher need of a clock: the time and a way to schedule.
 *
 * @example
 * ```ts
 * const scheduling: SchedulingClock = new SandboxClock();
 * ```
 */
export type SchedulingClock = Pick<SandboxClock, 'now' | 'at' | 'after'>;

/**
 * A merchant's scope on the shared {@link SandboxClock}: the same time and the same `advance`
 * (moving it moves every merchant's time), but `clear()` forgets only the jobs scheduled
 * through this scope, so resetting one merchant never cancels another's bills or retries.
 *
 * @example
 * ```ts
 * const shared = new SandboxClock();
 * const north = new ClockScope(shared);
 * north.after(1_000, () => bill());
 * north.clear(); // north's job is gone; jobs of other scopes stay
 * ```
 */
export class ClockScope implements SchedulingClock {
  readonly #clock: SandboxClock;
  readonly #cancels = new Set<() => void>();

  constructor(clock: SandboxClock) {
    this.#clock = clock;
  }

  /** Sandbox time in epoch milliseconds (the shared clock's). */
  now(): number {
    return this.#clock.now();
  }

  /** Total milliseconds the shared clock was advanced. */
  get offset(): number {
    return this.#clock.offset;
  }

  /** Jobs of this scope still waiting. */
  get pending(): number {
    return this.#cancels.size;
  }

  /** Runs `run` when the sandbox clock reaches `dueAt`; returns a function that cancels it. */
  at(dueAt: number, run: () => void | Promise<void>): () => void {
    const cancel = this.#clock.at(dueAt, () => {
      this.#cancels.delete(cancel);
      return run();
    });
    this.#cancels.add(cancel);
    return () => {
      this.#cancels.delete(cancel);
      cancel();
    };
  }

  /** Runs `run` after `delayMs` of sandbox time. */
  after(delayMs: number, run: () => void | Promise<void>): () => void {
    return this.at(this.now() + delayMs, run);
  }

  /** Moves the shared clock (every merchant's time) and runs what became due. */
  advance(ms: number): Promise<void> {
    return this.#clock.advance(ms);
  }

  /** Forgets this scope's jobs only (the time stays): one merchant's `reset()`. */
  clear(): void {
    for (const cancel of this.#cancels) cancel();
    this.#cancels.clear();
  }
}
