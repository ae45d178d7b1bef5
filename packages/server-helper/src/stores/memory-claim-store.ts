/**
 * The default {@link ClaimStore}: a `Map` in this process.
 *
 * @module
 */
import { BoundedMap } from '../bounded-map.js';
import type { Claim, ClaimOptions, ClaimStore } from './claim-store.js';

/**
 * Options of {@link MemoryClaimStore}.
 *
 * @example
 * ```ts
 * new MemoryClaimStore({ maxEntries: 10_000 });
 * ```
 */
export interface MemoryClaimStoreOptions {
  /** The clock, in ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Most keys kept; the oldest are dropped beyond it. Default 100 000. */
  maxEntries?: number;
}

interface Entry {
  state: 'claimed' | 'done';
  /** Which claim holds the key: a number per claim, no object for the GC to trace. */
  owner: number;
  until: number;
  fingerprint: string | undefined;
  /** The recorded result as JSON text, as a shared store would keep it (one string per key). */
  result?: string | undefined;
}

/** `value` as JSON text; refused at once when JSON cannot carry it (a shared store could not). */
function toJson(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value);
  if (text === undefined) {
    throw new TypeError('A claim result must be JSON-serializable (got a function or a symbol)');
  }
  return text;
}

const fromJson = (text: string | undefined): unknown =>
  text === undefined ? undefined : JSON.parse(text);

/**
 * Claims in this process. With several server instances use `RedisClaimStore`, or a duplicate
 * reaching another instance does the work again.
 *
 * @example
 * ```ts
 * const claims = new MemoryClaimStore();
 * const webhook = wpay.webhookHandler({ on, dedupe: claims });
 * ```
 */
export class MemoryClaimStore implements ClaimStore {
  readonly #entries: BoundedMap<string, Entry>;
  readonly #now: () => number;
  #owners = 0;

  constructor({ now = Date.now, maxEntries = 100_000 }: MemoryClaimStoreOptions = {}) {
    this.#now = now;
    this.#entries = new BoundedMap(maxEntries);
  }

  async claim(key: string, { leaseMs, ttlMs, fingerprint }: ClaimOptions): Promise<Claim> {
    const current = this.#entries.get(key);
    if (current && current.until > this.#now()) {
      return current.state === 'done'
        ? { state: 'done', result: fromJson(current.result), fingerprint: current.fingerprint }
        : { state: 'in_progress', fingerprint: current.fingerprint };
    }
    const owner = ++this.#owners;
    this.#entries.set(key, { state: 'claimed', owner, until: this.#now() + leaseMs, fingerprint });
    const ours = () => {
      const entry = this.#entries.get(key);
      return entry === undefined || entry.owner === owner;
    };
    return {
      state: 'claimed',
      complete: async (result) => {
        if (!ours()) return false;
        const until = this.#now() + ttlMs;
        const json = toJson(result);
        this.#entries.set(key, { state: 'done', owner, until, fingerprint, result: json });
        return true;
      },
      release: async () => {
        if (this.#entries.get(key)?.owner === owner) this.#entries.delete(key);
      },
      renew: async () => {
        const entry = this.#entries.get(key);
        if (entry?.owner !== owner || entry.state !== 'claimed') return false;
        entry.until = this.#now() + leaseMs;
        return true;
      },
    };
  }
}
