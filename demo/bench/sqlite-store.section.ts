// Section: the demo's claim store (claim → complete, one SQLite transaction and one update, on a WAL
// file) against the same SQL written by hand on the driver, statements prepared once.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from '@photostructure/sqlite';
import type { Section } from '../../bench/harness.mjs';
import { timeLoop } from '../../bench/harness.mjs';
import { openDatabase } from '../server/store/open-database.js';
import { SqliteClaimStore } from '../server/store/sqlite-claim-store.js';

const OPTIONS = { leaseMs: 30_000, ttlMs: 3_600_000 };
const FIGURE = 'claim → complete /CPU-s';

// timeLoop numbers its warm-up and its measured rounds from 0 alike: each round takes a new key.
type Round = () => unknown;
let rounds = 0;

function bareRound(path: string): Round {
  const db = openDatabase(path);
  db.close();
  const sqlite = new DatabaseSync(path, { timeout: 5000 });
  sqlite.exec('PRAGMA synchronous = NORMAL');
  const select = sqlite.prepare('SELECT * FROM claims WHERE claim_key = ?');
  const upsert = sqlite.prepare(
    `INSERT INTO claims (claim_key, state, owner, until_ms, fingerprint, result)
     VALUES (?, 'claimed', ?, ?, NULL, NULL)
     ON CONFLICT (claim_key) DO UPDATE SET state = 'claimed', owner = excluded.owner,
       until_ms = excluded.until_ms, fingerprint = excluded.fingerprint, result = NULL`,
  );
  const complete = sqlite.prepare(
    "UPDATE claims SET state = 'done', until_ms = ?, result = ? WHERE claim_key = ? AND owner = ?",
  );
  return () => {
    const key = `bare:${rounds++}:paid`;
    const owner = randomUUID();
    sqlite.exec('BEGIN IMMEDIATE');
    select.get(key);
    upsert.run(key, owner, Date.now() + OPTIONS.leaseMs);
    sqlite.exec('COMMIT');
    complete.run(Date.now() + OPTIONS.ttlMs, '{"ok":true}', key, owner);
  };
}

function storeRound(path: string): Round {
  const store = new SqliteClaimStore(openDatabase(path), { prefix: 'store:' });
  return async () => {
    const claim = await store.claim(`${rounds++}:paid`, OPTIONS);
    if (claim.state !== 'claimed') throw new Error('a new key was not free');
    await claim.complete({ ok: true });
  };
}

const section: Section = {
  id: 'demo-sqlite-store',
  title: 'Demo: SQLite claim store vs the same SQL by hand',
  description:
    'One process, sequential, a fresh WAL file per run (@photostructure/sqlite, synchronous = NORMAL); rounds per CPU second.',
  variants: ['bare statements', 'SqliteClaimStore'],
  figures: { [FIGURE]: { unit: '/s', better: 'higher' } },
  async measure(variant, { quick }) {
    const dir = mkdtempSync(join(tmpdir(), 'wpay-bench-db-'));
    try {
      const path = join(dir, 'bench.db');
      const round = variant === 'bare statements' ? bareRound(path) : storeRound(path);
      const result = await timeLoop(round, { durationMs: quick ? 400 : 1000 });
      return { [FIGURE]: 1e6 / result.cpuMicrosPerOp };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default section;
