import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type DatabaseSyncInstance } from '@photostructure/sqlite';
import { MIGRATIONS } from './migrations.js';

/** What a statement's `run()` reports. */
export interface RunResult {
  readonly changes: number;
  readonly lastInsertRowid: number | bigint;
}

/**
 * A prepared statement: positional parameters (`?`) as arguments, or one object for named ones
 * (`@name`, keys without the `@`). Rows come back as objects with one key per column.
 */
export interface Statement<Params extends unknown[] = unknown[], Row = unknown> {
  run(...params: Params): RunResult;
  get(...params: Params): Row | undefined;
  all(...params: Params): Row[];
}

/** The database handle every store takes: the few calls the demo makes, nothing else. */
export interface Db {
  prepare<Params extends unknown[] = unknown[], Row = unknown>(sql: string): Statement<Params, Row>;
  exec(sql: string): void;
  /** Wraps `fn` in `BEGIN IMMEDIATE … COMMIT` (rolled back when it throws). */
  transaction<T>(fn: () => T): () => T;
  /** The value of a pragma that reads one value (`user_version`, `journal_mode`, …). */
  pragma(name: string): unknown;
  close(): void;
}

/**
 * Opens (creating if needed) the demo's SQLite database and brings its schema up to date.
 * `':memory:'` gives a private in-memory database, for tests.
 *
 * The driver is `@photostructure/sqlite`: the `node:sqlite` API (Node 22.5+) for Node 20, with
 * its binary shipped in the registry package, so installing compiles nothing.
 *
 * @example
 * ```ts
 * const db = openDatabase('demo/.data/demo.db');
 * // … later
 * db.close();
 * ```
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new DatabaseSync(path, {
    enableForeignKeyConstraints: true,
    timeout: 5000,
    // Row objects may carry more than a statement names (`{ ...refund, createdAt }`).
    allowUnknownNamedParameters: true,
  });
  if (path !== ':memory:') {
    sqlite.exec('PRAGMA journal_mode = WAL');
    // WAL with NORMAL: durable on a crash of the process, and no fsync on every commit.
    sqlite.exec('PRAGMA synchronous = NORMAL');
  }
  const db = wrap(sqlite);
  migrate(db);
  return db;
}

function wrap(sqlite: DatabaseSyncInstance): Db {
  return {
    prepare: <Params extends unknown[], Row>(sql: string) =>
      sqlite.prepare(sql) as unknown as Statement<Params, Row>,
    exec: (sql) => sqlite.exec(sql),
    transaction: (fn) => () => {
      // IMMEDIATE takes the write lock first, so a second process waits (busy timeout) at BEGIN
      // instead of failing when a read inside the transaction turns into a write.
      sqlite.exec('BEGIN IMMEDIATE');
      try {
        const result = fn();
        if (result instanceof Promise) {
          throw new TypeError(
            'A transaction function must not return a promise: make it synchronous.',
          );
        }
        sqlite.exec('COMMIT');
        return result;
      } catch (error) {
        if (sqlite.isTransaction) sqlite.exec('ROLLBACK');
        throw error;
      }
    },
    pragma: (name) => {
      const row: Record<string, unknown> | undefined = sqlite.prepare(`PRAGMA ${name}`).get();
      return row === undefined ? undefined : Object.values(row)[0];
    },
    close: () => sqlite.close(),
  };
}

function migrate(db: Db): void {
  const applied = Number(db.pragma('user_version'));
  MIGRATIONS.slice(applied).forEach((sql, index) => {
    db.transaction(() => {
      db.exec(sql);
      db.exec(`PRAGMA user_version = ${applied + index + 1}`);
    })();
  });
}
