/**
 * Remembering which webhook events were handled, so that WPay's retries (and concurrent duplicate
 * deliveries) run the merchant's code once per `eventId`.
 *
 * The contract is claim → done / release:
 * - `claim(eventId, { leaseMs, ttlMs })` answers `done` (handled before), `in_progress` (another
 *   delivery holds it right now) or `claimed` (this delivery must handle it);
 * - a claim expires by itself after `leaseMs` (a crashed process does not block the event forever);
 * - `claimed.done()` remembers the event as handled for `ttlMs` (longer than WPay's retry span);
 * - `claimed.release()` forgets the claim after a failure, so the next delivery handles it again.
 *   It only removes this delivery's own claim, never one taken over after the lease expired.
 *
 * @module
 */
import { BoundedMap } from '../bounded-map.js';

/**
 * Result of {@link DedupeStore.claim}.
 *
 * @example
 * ```ts
 * const claim: DedupeClaim = await store.claim(event.eventId, { leaseMs: 60_000, ttlMs: 172_800_000 });
 * if (claim.status === 'claimed') await claim.done();
 * ```
 */
export type DedupeClaim =
  | {
      status: 'claimed';
      /** Marks the event handled, for the `ttlMs` given to `claim`. */
      done(): Promise<void>;
      /** Drops this claim so that a later delivery handles the event. */
      release(): Promise<void>;
    }
  | { status: 'in_progress' }
  | { status: 'done' };

/**
 * Options of {@link DedupeStore.claim}.
 *
 * @example
 * ```ts
 * await store.claim(eventId, { leaseMs: 60_000, ttlMs: 48 * 3600_000 } satisfies DedupeClaimOptions);
 * ```
 */
export interface DedupeClaimOptions {
  /** How long the claim holds while the handler runs, in ms. */
  leaseMs: number;
  /** How long a handled event is remembered, in ms. */
  ttlMs: number;
}

/**
 * Where handled `eventId`s are remembered. `MemoryDedupeStore` (one process) and
 * `RedisDedupeStore` (`@wpay/server-helper/redis`, many servers) implement it.
 *
 * @example
 * ```ts
 * const claim = await store.claim(event.eventId, { leaseMs: 60_000, ttlMs: 48 * 3600_000 });
 * if (claim.status === 'claimed') {
 *   try { await handle(event); await claim.done(); } catch (e) { await claim.release(); throw e; }
 * }
 * ```
 */
export interface DedupeStore {
  /** Claims `eventId` for this delivery, or says why not. */
  claim(eventId: string, options: DedupeClaimOptions): Promise<DedupeClaim>;
}

/**
 * Options of {@link MemoryDedupeStore}.
 *
 * @example
 * ```ts
 * new MemoryDedupeStore({ maxEntries: 10_000 });
 * ```
 */
export interface MemoryDedupeStoreOptions {
  /** The clock, in ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Most events kept; the oldest are dropped beyond it. Default 100 000. */
  maxEntries?: number;
}

interface Entry {
  state: 'claimed' | 'done';
  owner: symbol;
  until: number;
}

/**
 * The default {@link DedupeStore}: a `Map` in this process. With several server instances use
 * `RedisDedupeStore`, or duplicates delivered to two instances are handled twice.
 *
 * @example
 * ```ts
 * const handler = wpay.webhookHandler({ on, dedupe: new MemoryDedupeStore() });
 * ```
 */
export class MemoryDedupeStore implements DedupeStore {
  readonly #entries: BoundedMap<string, Entry>;
  readonly #now: () => number;

  constructor({ now = Date.now, maxEntries = 100_000 }: MemoryDedupeStoreOptions = {}) {
    this.#now = now;
    this.#entries = new BoundedMap(maxEntries);
  }

  async claim(eventId: string, { leaseMs, ttlMs }: DedupeClaimOptions): Promise<DedupeClaim> {
    const current = this.#entries.get(eventId);
    if (current && current.until > this.#now()) {
      return { status: current.state === 'done' ? 'done' : 'in_progress' };
    }
    const owner = Symbol(eventId);
    this.#entries.set(eventId, { state: 'claimed', owner, until: this.#now() + leaseMs });
    return {
      status: 'claimed',
      done: async () => {
        this.#entries.set(eventId, { state: 'done', owner, until: this.#now() + ttlMs });
      },
      release: async () => {
        if (this.#entries.get(eventId)?.owner === owner) this.#entries.delete(eventId);
      },
    };
  }
}
