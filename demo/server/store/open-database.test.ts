import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { MIGRATIONS } from './migrations.js';
import { openDatabase } from './open-database.js';

describe('when the demo opens its database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wpay-db-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('brings the schema up to date and reads a pragma as one value', () => {
    const db = openDatabase(':memory:');
    assert.equal(db.pragma('user_version'), MIGRATIONS.length);
    assert.equal(db.pragma('foreign_keys'), 1);
    db.close();
  });

  it('keeps a file in WAL mode, and applies no migration twice when opened again', () => {
    const path = join(dir, 'again.db');
    openDatabase(path).close();
    const db = openDatabase(path);
    assert.equal(db.pragma('journal_mode'), 'wal');
    assert.equal(db.pragma('user_version'), MIGRATIONS.length);
    db.close();
  });

  it('types rows, returns undefined for no row, and counts changes', () => {
    const db = openDatabase(':memory:');
    const insert = db.prepare(
      `INSERT INTO claims (claim_key, state, owner, until_ms) VALUES (@key, 'claimed', @owner, @until)`,
    );
    const { changes, lastInsertRowid } = insert.run({ key: 'k', owner: 'me', until: 5 });
    assert.equal(changes, 1);
    assert.equal(Number(lastInsertRowid), 1);
    const byKey = db.prepare<[string], { owner: string; until_ms: number }>(
      'SELECT owner, until_ms FROM claims WHERE claim_key = ?',
    );
    assert.deepEqual({ ...byKey.get('k') }, { owner: 'me', until_ms: 5 });
    assert.equal(byKey.get('none'), undefined);
    assert.equal(db.prepare('SELECT * FROM claims').all().length, 1);
    db.close();
  });

  it('rolls a transaction back when its function throws, and passes its result on', () => {
    const db = openDatabase(':memory:');
    const insert = db.prepare(
      "INSERT INTO claims (claim_key, state, owner, until_ms) VALUES (?, 'claimed', 'me', 0)",
    );
    const count = () => db.prepare('SELECT * FROM claims').all().length;
    assert.throws(
      db.transaction(() => {
        insert.run('a');
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(count(), 0);
    assert.equal(db.transaction(() => insert.run('b').changes)(), 1);
    assert.equal(count(), 1);
    db.close();
  });

  it('refuses a transaction function that returns a promise (it would commit before the work)', () => {
    const db = openDatabase(':memory:');
    assert.throws(
      db.transaction(async () => 1),
      /promise/i,
    );
    db.close();
  });

  it('lets a second connection to the same file see what the first one committed', () => {
    const path = join(dir, 'shared.db');
    const first = openDatabase(path);
    const second = openDatabase(path);
    first
      .prepare(
        "INSERT INTO claims (claim_key, state, owner, until_ms) VALUES ('k', 'done', 'me', 0)",
      )
      .run();
    const row = second
      .prepare<[string], { state: string }>('SELECT state FROM claims WHERE claim_key = ?')
      .get('k');
    assert.equal(row?.state, 'done');
    assert.equal(second.pragma('busy_timeout'), 5000);
    first.close();
    second.close();
  });
});
