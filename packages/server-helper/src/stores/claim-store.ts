/**
 * Claims: doing a piece of work once per key, across retries, duplicates and server instances.
 * One mechanism for every "lease and remember" need of the package: webhook deliveries (key
 * `event:<eventId>`), checkout Idempotency-Keys (`idempotency:<key>`) and the fulfilment core
 * (`<trxNo>:<transition>`). `MemoryClaimStore` (one process) and `RedisClaimStore`
 * (`@wpay/server-helper/redis`, many servers) implement it.
 *
 * The contract is claim → complete / release, with renew while the work runs:
 * - `claim(key, { leaseMs, ttlMs, fingerprint? })` answers `done` (the work was done; with the
 *   result it recorded), `in_progress` (another holder has the key right now) or `claimed` (this
 *   caller must do the work). `fingerprint` says what the claimant is doing (e.g. a hash of the
 *   request body); later claims see it in `in_progress` and `done`, so a key re-used for other
 *   work is told apart;
 * - a claim lapses by itself after `leaseMs` (a crashed process does not block the key forever);
 *   `renew()` extends it by `leaseMs` from now while the work is still running, and answers
 *   `false` once the claim was lost (lapsed and taken by another);
 * - `complete(result?)` records the key as done for `ttlMs`, with an optional JSON result, as a
 *   compare-and-set on the owner: a holder whose claim lapsed and was taken over never overwrites
 *   the other's record (it answers `false`);
 * - `release()` forgets this holder's own claim after a failure, so the next attempt does the
 *   work; it never removes a claim taken over after a lapse.
 *
 * @module
 */

/**
 * Options of {@link ClaimStore.claim}.
 *
 * @example
 * ```ts
 * await store.claim('event:evt_1', { leaseMs: 60_000, ttlMs: 48 * 3600_000 } satisfies ClaimOptions);
 * ```
 */
export interface ClaimOptions {
  /** How long the claim holds while the work runs, in ms (extend it with `renew()`). */
  leaseMs: number;
  /** How long a completed key is remembered, in ms. */
  ttlMs: number;
  /** What this claimant is doing (e.g. a body hash), shown to later claims. */
  fingerprint?: string | undefined;
}

/**
 * A claim this caller holds: do the work, then `complete` or `release`.
 *
 * @example
 * ```ts
 * const claim = await store.claim(key, options);
 * if (claim.state === 'claimed') await claim.complete({ trxNo });
 * ```
 */
export interface HeldClaim<R = unknown> {
  state: 'claimed';
  /**
   * Records the key as done for `ttlMs`, with `result` (JSON-serializable) if given. Resolves to
   * `false` when the claim had been lost to another holder (nothing was written).
   */
  complete(result?: R): Promise<boolean>;
  /** Drops this claim so that a later attempt does the work. */
  release(): Promise<void>;
  /** Extends the lease by `leaseMs` from now; `false` when the claim was lost. */
  renew(): Promise<boolean>;
}

/**
 * Result of {@link ClaimStore.claim}.
 *
 * @example
 * ```ts
 * const claim: Claim = await store.claim('TRX1:paid', { leaseMs: 60_000, ttlMs: 86_400_000 });
 * if (claim.state === 'done') return claim.result;
 * ```
 */
export type Claim<R = unknown> =
  | HeldClaim<R>
  | { state: 'in_progress'; fingerprint?: string | undefined }
  | { state: 'done'; result: R | undefined; fingerprint?: string | undefined };

/**
 * Where claims live (see the module comment for the contract).
 *
 * @example
 * ```ts
 * const claim = await store.claim(`event:${event.eventId}`, { leaseMs: 60_000, ttlMs: 48 * 3600_000 });
 * if (claim.state === 'claimed') {
 *   try { await handle(event); await claim.complete(); } catch (e) { await claim.release(); throw e; }
 * }
 * ```
 */
export interface ClaimStore {
  /** Claims `key` for this caller, or says why not. */
  claim(key: string, options: ClaimOptions): Promise<Claim>;
}
