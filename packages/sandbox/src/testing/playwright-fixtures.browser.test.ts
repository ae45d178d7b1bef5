import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const PACKAGE = fileURLToPath(new URL('../..', import.meta.url));
const PLAYWRIGHT = createRequire(import.meta.url).resolve('@playwright/test/cli');

interface Report {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  suites: Array<{
    file: string;
    specs: Array<{
      tests: Array<{
        results: Array<{ workerIndex: number; parallelIndex: number; status: string }>;
      }>;
    }>;
  }>;
}

describe('when the fixture shop is tested with the Playwright fixtures, 2 workers in parallel', () => {
  it('passes every test, each worker with its own sandbox, and two merchants sharing one, with no cross-talk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wpay-sandbox-playwright-'));
    const report = join(dir, 'report.json');
    try {
      const child = spawn(
        process.execPath,
        [PLAYWRIGHT, 'test', '-c', 'examples/fixture-shop/playwright.config.ts', '--reporter=json'],
        {
          cwd: PACKAGE,
          // The shop imports @wpay/sandbox/testing as a shop would; `source` resolves it to src/.
          env: {
            ...process.env,
            NODE_OPTIONS: '--conditions=@wpay/source',
            PLAYWRIGHT_JSON_OUTPUT_NAME: report,
          },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
      });
      const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
      const parsed = JSON.parse(readFileSync(report, 'utf8')) as Report;
      const results = parsed.suites.flatMap((suite) =>
        suite.specs.flatMap((spec) => spec.tests.flatMap((test) => test.results)),
      );
      assert.equal(code, 0, stderr);
      assert.deepEqual(parsed.stats, {
        ...parsed.stats,
        expected: 7,
        unexpected: 0,
        flaky: 0,
        skipped: 0,
      });
      // 2 workers at once (a spec file with other worker fixtures gets workers of its own).
      assert.equal(new Set(results.map((result) => result.parallelIndex)).size, 2);
      const perFile = (file: string) =>
        parsed.suites
          .filter((suite) => suite.file.endsWith(file))
          .flatMap((suite) => suite.specs.flatMap((spec) => spec.tests.flatMap((t) => t.results)))
          .filter((result) => result.status === 'passed').length;
      assert.equal(perFile('shop.spec.ts'), 5, 'one sandbox per worker');
      assert.equal(perFile('two-merchants.spec.ts'), 2, 'two merchants in one sandbox');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
