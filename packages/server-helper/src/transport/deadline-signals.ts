/**
 * Timeout signals shared by the calls whose deadlines fall in the same slot: one
 * `AbortController` and one timer per slot instead of one per call. Creating an `AbortSignal`
 * is most of what a per-call timeout costs on Node (an `EventTarget` each, ≈ 3 µs), and a slot's
 * signal is made once for every call of its slot.
 *
 * A slot ends at a multiple of its width (1 % of the timeout, between 1 and 10 ms: the scale at
 * which a timer is late anyway); a call joins the slot that ends at or after its own deadline. So
 * a call is aborted after its `timeoutMs`, never before it, and at most 10 ms later. A slot with
 * no call in flight is dropped at once, except the newest, which the next calls are likely to
 * join: its timer is unreferenced meanwhile, so it never keeps the process alive, and when it
 * fires with no call in flight nothing is aborted.
 *
 * Only for the helper's own transport (node:http): a slot's timer runs in the async context of
 * the call that opened it, which only listeners of ours may see; a shop's `fetch` gets a timer per
 * call. And only where timers can be unreferenced (Node, Bun): on edge runtimes a timer belongs to the
 * request that set it, so {@link createDeadlineSignals} answers `undefined` there and each call
 * keeps its own controller and timer.
 *
 * @module
 */

import { allowManyListeners } from './node-http.js';

/** A slot's signal; see {@link DeadlineSignals.acquire}. */
export interface DeadlineSlot {
  /** Aborts once the slot's end has passed. */
  readonly signal: AbortSignal;
  /** Whether the slot's end has passed (so every call in it timed out). */
  readonly expired: boolean;
  /** When the signal aborts, on the clock of {@link DeadlineSignals}. */
  readonly end: number;
}

interface UnrefTimer {
  ref(): unknown;
  unref(): unknown;
}

interface Slot extends DeadlineSlot {
  expired: boolean;
  pending: number;
  timer: UnrefTimer;
}

/** The widest slot, in ms. */
const MAX_SLOT_MS = 10;

/** The clock of slot ends: monotonic, real time (timeouts are real time whatever `now` is). */
export type MonotonicClock = () => number;

/**
 * Hands out shared timeout signals; see the module comment.
 *
 * @example
 * ```ts
 * const deadlines = createDeadlineSignals();
 * const slot = deadlines?.acquire(30_000);
 * try { await fetch(url, { signal: slot?.signal }); } finally { if (slot) deadlines?.release(slot); }
 * ```
 */
export class DeadlineSignals {
  readonly #slots = new Map<number, Slot>();
  readonly #clock: MonotonicClock;
  /** The slot made last: kept while idle, for the next calls. */
  #newest: Slot | undefined;

  constructor(clock: MonotonicClock = () => performance.now()) {
    this.#clock = clock;
  }

  /** The signal of a call that must end within `timeoutMs`; hand it back to `release`. */
  acquire(timeoutMs: number): DeadlineSlot {
    const now = this.#clock();
    const width = Math.min(MAX_SLOT_MS, Math.max(1, timeoutMs / 100));
    const end = Math.ceil((now + timeoutMs) / width) * width;
    let slot = this.#slots.get(end);
    if (slot === undefined) {
      slot = this.#open(end, end - now);
    } else if (slot.pending === 0) {
      slot.timer.ref();
    }
    slot.pending++;
    return slot;
  }

  /** The call of `slot` has ended: its slot's timer no longer keeps the process alive for it. */
  release(slot: DeadlineSlot): void {
    const own = slot as Slot;
    if (--own.pending > 0 || own.expired) return;
    if (own === this.#newest) own.timer.unref();
    else this.#drop(own);
  }

  /** Slots whose end has not passed yet (for tests). */
  get size(): number {
    return this.#slots.size;
  }

  #open(end: number, delayMs: number): Slot {
    const previous = this.#newest;
    if (previous && previous.pending === 0 && !previous.expired) this.#drop(previous);
    const controller = new AbortController();
    allowManyListeners(controller.signal);
    const timer = setTimeout(() => {
      this.#slots.delete(end);
      if (this.#newest === slot) this.#newest = undefined;
      slot.expired = true;
      controller.abort();
    }, delayMs) as unknown as UnrefTimer;
    const slot: Slot = { signal: controller.signal, expired: false, end, pending: 0, timer };
    this.#slots.set(end, slot);
    this.#newest = slot;
    return slot;
  }

  #drop(slot: Slot): void {
    clearTimeout(slot.timer as unknown as Parameters<typeof clearTimeout>[0]);
    this.#slots.delete(slot.end);
    if (this.#newest === slot) this.#newest = undefined;
  }
}

/**
 * {@link DeadlineSignals} where timers can be unreferenced (Node, Bun), else `undefined`.
 *
 * @example
 * ```ts
 * const deadlines = createDeadlineSignals(); // DeadlineSignals on Node
 * ```
 */
export function createDeadlineSignals(
  clock?: MonotonicClock,
  runtime: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'> = globalThis,
): DeadlineSignals | undefined {
  const probe = runtime.setTimeout(() => {}, 0) as unknown;
  runtime.clearTimeout(probe as Parameters<typeof clearTimeout>[0]);
  const unrefs =
    typeof probe === 'object' &&
    probe !== null &&
    typeof (probe as UnrefTimer).unref === 'function';
  return unrefs ? new DeadlineSignals(clock) : undefined;
}
