// The size budgets of .size-limit.json, checked by size-limit itself (gzip level 9) on the files
// `pnpm test` has just built: a file over its budget fails the test run, not only `pnpm size`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const BUDGETS = JSON.parse(readFileSync(new URL('../.size-limit.json', import.meta.url), 'utf8'));

/** size-limit's verdict on every entry; it exits 1 when one is over, with the JSON still printed. */
function measure() {
  try {
    return execFileSync(join(PACKAGE_DIR, 'node_modules/.bin/size-limit'), ['--json'], {
      cwd: PACKAGE_DIR,
      encoding: 'utf8',
    });
  } catch (error) {
    if (typeof error.stdout === 'string' && error.stdout.trim().startsWith('['))
      return error.stdout;
    throw error;
  }
}

describe('the size budgets', () => {
  const results = JSON.parse(measure());

  it('give every file a limit', () => {
    assert.deepEqual(
      BUDGETS.filter((entry) => !entry.limit).map((entry) => entry.name),
      [],
    );
  });

  for (const result of results) {
    it(`keeps ${result.name} within ${result.sizeLimit} B gzip`, () => {
      assert.ok(result.passed, `${result.size} B gzip, over the ${result.sizeLimit} B budget`);
    });
  }
});
