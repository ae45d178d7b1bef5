import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openDatabase } from './open-database.js';
import { SqliteClaimStore } from './sqlite-claim-store.js';

const OPTIONS = { leaseMs: 1000, ttlMs: 60_000 };

describe('the SQLite claim store', () => {
  it('gives a key to one claimant, then answers done with the recorded result', async () => {
    const store = new SqliteClaimStore(openDatabase(':memory:'));
    const first = await store.claim('TRX1:paid', OPTIONS);
    assert.equal(first.state, 'claimed');
    assert.equal((await store.claim('TRX1:paid', OPTIONS)).state, 'in_progress');
    if (first.state === 'claimed') assert.equal(await first.complete({ ok: 1 }), true);
    assert.deepEqual(await store.claim('TRX1:paid', OPTIONS), {
      state: 'done',
      result: { ok: 1 },
      fingerprint: undefined,
    });
  });

  it('lets a released key be claimed again', async () => {
    const store = new SqliteClaimStore(openDatabase(':memory:'));
    const first = await store.claim('k', OPTIONS);
    if (first.state === 'claimed') await first.release();
    assert.equal((await store.claim('k', OPTIONS)).state, 'claimed');
  });

  it('hands a lapsed claim to another, and the first holder can no longer complete it', async () => {
    let now = 0;
    const store = new SqliteClaimStore(openDatabase(':memory:'), { now: () => now });
    const first = await store.claim('k', OPTIONS);
    now = 1001;
    const second = await store.claim('k', OPTIONS);
    assert.equal(second.state, 'claimed');
    if (first.state === 'claimed') {
      assert.equal(await first.renew(), false);
      assert.equal(await first.complete(), false);
      await first.release();
    }
    assert.equal((await store.claim('k', OPTIONS)).state, 'in_progress');
  });

  it('keeps its prefixes apart (one scope per WPay)', async () => {
    const db = openDatabase(':memory:');
    const run1 = new SqliteClaimStore(db, { prefix: 'run1:' });
    const claimed = await run1.claim('TRX1:paid', OPTIONS);
    if (claimed.state === 'claimed') await claimed.complete();
    const run2 = new SqliteClaimStore(db, { prefix: 'run2:' });
    assert.equal((await run2.claim('TRX1:paid', OPTIONS)).state, 'claimed');
  });

  it('remembers a done key after the database is closed and opened again (a restart)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wpay-claims-'));
    try {
      const path = join(dir, 'demo.db');
      const db = openDatabase(path);
      const claimed = await new SqliteClaimStore(db).claim('TRX1:paid', OPTIONS);
      if (claimed.state === 'claimed') await claimed.complete();
      db.close();
      const reopened = openDatabase(path);
      assert.equal(
        (await new SqliteClaimStore(reopened).claim('TRX1:paid', OPTIONS)).state,
        'done',
      );
      reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
