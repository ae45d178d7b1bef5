/**
 * Remembering checkout requests by `Idempotency-Key`, so that a retried or double-clicked
 * checkout returns the same hosted-page session instead of creating another.
 *
 * The contract is begin → complete / abandon:
 * - `begin(key, fingerprint, { leaseMs, ttlMs })` answers `completed` (with the stored result and
 *   the fingerprint of the body that produced it), `in_progress` (another request with this key is
 *   running; with its fingerprint) or `started` (this request must do the work);
 * - a started entry expires after `leaseMs` if neither completed nor abandoned (crashed process);
 * - `complete(result)` stores the JSON result for `ttlMs`, only while the entry is still this
 *   request's own (or gone): a request whose lease lapsed and was taken over never overwrites the
 *   other's result; `abandon()` forgets this request's own entry after a failure, so a retry with
 *   the same key runs again.
 *
 * @module
 */
import { BoundedMap } from '../bounded-map.js';

/**
 * Result of {@link IdempotencyStore.begin}.
 *
 * @example
 * ```ts
 * const state: IdempotencyBegin = await store.begin(key, fingerprint, { leaseMs: 60_000, ttlMs: 86_400_000 });
 * if (state.status === 'started') await state.complete({ trxNo, redirectUrl });
 * ```
 */
export type IdempotencyBegin =
  | {
      status: 'started';
      /** Stores `result` (JSON-serializable) as the answer for this key, for `ttlMs`. */
      complete(result: unknown): Promise<void>;
      /** Forgets this request's entry, so that a retry runs again. */
      abandon(): Promise<void>;
    }
  | { status: 'in_progress'; fingerprint: string }
  | { status: 'completed'; fingerprint: string; result: unknown };

/**
 * Options of {@link IdempotencyStore.begin}.
 *
 * @example
 * ```ts
 * await store.begin(key, fingerprint, { leaseMs: 60_000, ttlMs: 24 * 3600_000 });
 * ```
 */
export interface IdempotencyBeginOptions {
  /** How long a started request holds the key, in ms. */
  leaseMs: number;
  /** How long a completed result is kept, in ms. */
  ttlMs: number;
}

/**
 * Where checkout results are kept by idempotency key. `MemoryIdempotencyStore` (one process) and
 * `RedisIdempotencyStore` (`@wpay/server-helper/redis`) implement it.
 *
 * @example
 * ```ts
 * const checkout = wpay.checkoutHandler({ body, resolveOrder, successUrl, cancelUrl,
 *   idempotencyStore: new RedisIdempotencyStore(redis) });
 * ```
 */
export interface IdempotencyStore {
  /** Starts the request for `key`, or says what is already known about it. */
  begin(
    key: string,
    fingerprint: string,
    options: IdempotencyBeginOptions,
  ): Promise<IdempotencyBegin>;
}

/**
 * Options of {@link MemoryIdempotencyStore}.
 *
 * @example
 * ```ts
 * new MemoryIdempotencyStore({ maxEntries: 10_000 });
 * ```
 */
export interface MemoryIdempotencyStoreOptions {
  /** The clock, in ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Most keys kept; the oldest are dropped beyond it. Default 100 000. */
  maxEntries?: number;
}

interface Entry {
  fingerprint: string;
  owner: symbol;
  until: number;
  done: boolean;
  result?: unknown;
}

/**
 * The default {@link IdempotencyStore}: a `Map` in this process. With several server instances
 * use `RedisIdempotencyStore`, so a retry reaching another instance finds the first result.
 *
 * @example
 * ```ts
 * const idempotencyStore = new MemoryIdempotencyStore();
 * ```
 */
export class MemoryIdempotencyStore implements IdempotencyStore {
  readonly #entries: BoundedMap<string, Entry>;
  readonly #now: () => number;

  constructor({ now = Date.now, maxEntries = 100_000 }: MemoryIdempotencyStoreOptions = {}) {
    this.#now = now;
    this.#entries = new BoundedMap(maxEntries);
  }

  async begin(
    key: string,
    fingerprint: string,
    { leaseMs, ttlMs }: IdempotencyBeginOptions,
  ): Promise<IdempotencyBegin> {
    const current = this.#entries.get(key);
    if (current && current.until > this.#now()) {
      return current.done
        ? { status: 'completed', fingerprint: current.fingerprint, result: current.result }
        : { status: 'in_progress', fingerprint: current.fingerprint };
    }
    const owner = Symbol(key);
    this.#entries.set(key, { fingerprint, owner, until: this.#now() + leaseMs, done: false });
    return {
      status: 'started',
      complete: async (result) => {
        const copy: unknown = JSON.parse(JSON.stringify(result));
        // Compare-and-set on the owner: a request whose lease lapsed and was taken over by
        // another must not overwrite the other's result.
        const current = this.#entries.get(key);
        if (current && current.owner !== owner) return;
        this.#entries.set(key, {
          fingerprint,
          owner,
          until: this.#now() + ttlMs,
          done: true,
          result: copy,
        });
      },
      abandon: async () => {
        if (this.#entries.get(key)?.owner === owner) this.#entries.delete(key);
      },
    };
  }
}
