import { randomUUID } from 'node:crypto';
import type { Claim, ClaimOptions, ClaimStore } from '@wpay/server-helper';
import type { Db, Statement } from './open-database.js';

/** Options of {@link SqliteClaimStore}. */
export interface SqliteClaimStoreOptions {
  /**
   * Put before every key: claims are about one WPay's numbers. The embedded sandbox numbers its
   * payments from the start again on each run, so the demo gives each run a scope of its own.
   */
  readonly prefix?: string;
  /** The clock, ms since the epoch; injectable for tests. */
  readonly now?: () => number;
}

interface ClaimRow {
  state: 'claimed' | 'done';
  owner: string;
  until_ms: number;
  fingerprint: string | null;
  result: string | null;
}

/**
 * The server helper's claim contract (claim → complete / release, renew) in the demo's SQLite
 * file, so that the fulfilment core's "run once" survives a restart of the shop. Each call is one
 * statement or one transaction: SQLite serialises them, so two claims never both win.
 *
 * @example
 * ```ts
 * const fulfilment = wpay.fulfilment({ store: new SqliteClaimStore(db, { prefix: 'wpay:' }), on });
 * ```
 */
export class SqliteClaimStore implements ClaimStore {
  readonly #db: Db;
  readonly #prefix: string;
  readonly #now: () => number;
  // Prepared once: preparing them on every claim cost two thirds of a claim's CPU.
  readonly #select: Statement<[string], ClaimRow>;
  readonly #take: Statement<[string, string, number, string | null]>;
  readonly #complete: Statement<[number, string | null, string, string]>;
  readonly #release: Statement<[string, string]>;
  readonly #renew: Statement<[number, string, string]>;

  constructor(db: Db, { prefix = '', now = Date.now }: SqliteClaimStoreOptions = {}) {
    this.#db = db;
    this.#prefix = prefix;
    this.#now = now;
    this.#select = db.prepare('SELECT * FROM claims WHERE claim_key = ?');
    this.#take = db.prepare(
      `INSERT INTO claims (claim_key, state, owner, until_ms, fingerprint, result)
       VALUES (?, 'claimed', ?, ?, ?, NULL)
       ON CONFLICT (claim_key) DO UPDATE SET state = 'claimed', owner = excluded.owner,
         until_ms = excluded.until_ms, fingerprint = excluded.fingerprint, result = NULL`,
    );
    this.#complete = db.prepare(
      `UPDATE claims SET state = 'done', until_ms = ?, result = ?
       WHERE claim_key = ? AND owner = ?`,
    );
    this.#release = db.prepare(
      "DELETE FROM claims WHERE claim_key = ? AND owner = ? AND state = 'claimed'",
    );
    this.#renew = db.prepare(
      "UPDATE claims SET until_ms = ? WHERE claim_key = ? AND owner = ? AND state = 'claimed'",
    );
  }

  async claim(key: string, { leaseMs, ttlMs, fingerprint }: ClaimOptions): Promise<Claim> {
    const id = this.#prefix + key;
    const owner = randomUUID();
    const taken = this.#db.transaction((): Claim | undefined => {
      const row = this.#select.get(id);
      if (row && row.until_ms > this.#now()) {
        const seen = row.fingerprint ?? undefined;
        return row.state === 'done'
          ? {
              state: 'done',
              result: row.result ? JSON.parse(row.result) : undefined,
              fingerprint: seen,
            }
          : { state: 'in_progress', fingerprint: seen };
      }
      this.#take.run(id, owner, this.#now() + leaseMs, fingerprint ?? null);
      return undefined;
    })();
    if (taken) return taken;
    return {
      state: 'claimed',
      complete: async (result) =>
        this.#complete.run(
          this.#now() + ttlMs,
          result === undefined ? null : JSON.stringify(result),
          id,
          owner,
        ).changes === 1,
      release: async () => {
        this.#release.run(id, owner);
      },
      renew: async () => this.#renew.run(this.#now() + leaseMs, id, owner).changes === 1,
    };
  }
}
