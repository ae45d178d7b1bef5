/** @module A movable clock that runs scheduled jobs as sandbox time reaches them. */
/** A job run when the sandbox clock reaches its time. */
interface Job {
  dueAt: number;
  seq: number;
  run: () => void | Promise<void>;
}

/** Longest a timer waits before looking again (keeps setTimeout within range). */
const MAX_WAIT_MS = 60_000;

/** What the sandbox clock needs from its host. */
export interface SandboxClockOptions {
  /** The real clock. */
  realNow?: () => number;
  /** Called when a job throws. */
  onError?: (error: unknown) => void;
  /** How far the clock starts advanced (a restored `--data` file), default 0. */
  offsetMs?: number;
  /** Called after the clock was advanced (the offset changed). */
  onAdvance?: () => void;
}

/**
 * The sandbox clock: the real clock plus an offset that `advance` moves forward. Jobs scheduled on
 * it (bills, session expiries, slow cards, webhook retries) run when real time reaches them or when
 * `advance` passes them, in time order.
 *
 * @example
 * ```ts
 * const clock = new SandboxClock();
 * clock.at(clock.now() + 86_400_000, () => bill());
 * await clock.advance(86_400_000); // bill() has run
 * clock.stop();
 * ```
 */
export class SandboxClock {
  readonly #realNow: () => number;
  readonly #onError: (error: unknown) => void;
  readonly #onAdvance: () => void;
  #offset: number;
  #seq = 0;
  #jobs: Job[] = [];
  #timer: NodeJS.Timeout | undefined;
  #draining: Promise<void> = Promise.resolve();
  #stopped = false;

  constructor({
    realNow = Date.now,
    onError = () => {},
    offsetMs = 0,
    onAdvance = () => {},
  }: SandboxClockOptions = {}) {
    this.#realNow = realNow;
    this.#onError = onError;
    this.#offset = offsetMs;
    this.#onAdvance = onAdvance;
  }

  /** Sandbox time in epoch milliseconds. */
  now(): number {
    return this.#realNow() + this.#offset;
  }

  /** Total milliseconds the clock was advanced. */
  get offset(): number {
    return this.#offset;
  }

  /** Runs `run` when the sandbox clock reaches `dueAt`; returns a function that cancels it. */
  at(dueAt: number, run: () => void | Promise<void>): () => void {
    const job: Job = { dueAt, seq: this.#seq++, run };
    let low = 0;
    let high = this.#jobs.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.#jobs[mid]?.dueAt ?? 0) <= dueAt) low = mid + 1;
      else high = mid;
    }
    this.#jobs.splice(low, 0, job);
    if (low === 0) this.#arm();
    return () => {
      const index = this.#jobs.indexOf(job);
      if (index < 0) return;
      this.#jobs.splice(index, 1);
      if (index === 0) this.#arm();
    };
  }

  /** Runs `run` after `delayMs` of sandbox time. */
  after(delayMs: number, run: () => void | Promise<void>): () => void {
    return this.at(this.now() + delayMs, run);
  }

  /** Moves the clock forward by `ms` and runs every job that became due, in time order. */
  async advance(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advance(ms) needs ms >= 0');
    this.#offset += ms;
    this.#onAdvance();
    await this.#drain();
  }

  /** Number of jobs waiting. */
  get pending(): number {
    return this.#jobs.length;
  }

  /** Forgets every job (the time stays where it is): `sb.reset()`. */
  clear(): void {
    this.#jobs = [];
    this.#arm();
  }

  /** Cancels the timer and forgets every job. */
  stop(): void {
    this.#stopped = true;
    this.#jobs = [];
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #drain(): Promise<void> {
    this.#draining = this.#draining.then(() => this.#runDue());
    return this.#draining;
  }

  async #runDue(): Promise<void> {
    for (;;) {
      const next = this.#jobs[0];
      if (this.#stopped || !next || next.dueAt > this.now()) break;
      this.#jobs.shift();
      try {
        await next.run();
      } catch (error) {
        this.#onError(error);
      }
    }
    this.#arm();
  }

  #arm(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    const next = this.#jobs[0];
    if (this.#stopped || !next) return;
    const wait = Math.min(Math.max(0, next.dueAt - this.now()), MAX_WAIT_MS);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#drain();
    }, wait);
    this.#timer.unref();
  }
}
