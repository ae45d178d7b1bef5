import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';

/** The database handle every store takes. */
export type Db = Database.Database;

/**
 * Opens (creating if needed) the demo's SQLite database and brings its schema up to date.
 * `':memory:'` gives a private in-memory database, for tests.
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
  const db = new Database(path);
  if (path !== ':memory:') {
    db.pragma('journal_mode = WAL');
    // WAL with NORMAL: durable on a crash of the process, and no fsync on every commit.
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const applied = Number(db.pragma('user_version', { simple: true }));
  MIGRATIONS.slice(applied).forEach((sql, index) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${applied + index + 1}`);
    })();
  });
}
