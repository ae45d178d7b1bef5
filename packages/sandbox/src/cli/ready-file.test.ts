import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const PACKAGE = fileURLToPath(new URL('../..', import.meta.url));
const SCRIPT = join(PACKAGE, 'examples/ci/with-sandbox.sh');

/** What a shell command printed, and how it ended. */
function run(
  command: string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      command[0] ?? '',
      command.slice(1),
      { cwd, timeout: 120_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe('when a shell script starts the sandbox with npx wpay-sandbox --ready-file', () => {
  let shop: string;
  before(() => {
    // `npx wpay-sandbox` runs the built CLI, as in a shop that installed the package (CI builds
    // before testing; a local run builds once here).
    if (!existsSync(join(PACKAGE, 'dist/cli/cli.js'))) {
      execFileSync(
        process.execPath,
        [join(PACKAGE, '../../node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
        { cwd: PACKAGE },
      );
    }
    shop = mkdtempSync(join(tmpdir(), 'wpay-sandbox-shell-'));
    writeFileSync(join(shop, 'package.json'), '{ "name": "a-shop", "private": true }\n');
    mkdirSync(join(shop, 'node_modules/.bin'), { recursive: true });
    symlinkSync(join(PACKAGE, 'bin/wpay-sandbox.js'), join(shop, 'node_modules/.bin/wpay-sandbox'));
  });
  after(() => rmSync(shop, { recursive: true, force: true }));

  it('runs the command with WPAY_* set once the sandbox is healthy, then stops it', async () => {
    const probe = `
      const base = process.env.WPAY_BASE_URL;
      const form = new URLSearchParams({ grant_type: 'client_credentials', api_key: process.env.WPAY_API_KEY, api_secret: process.env.WPAY_API_SECRET });
      const token = await (await fetch(base + '/user/auth/oauth2/token', { method: 'POST', body: form })).json();
      console.log(base, token.retcode, process.env.WPAY_SIGN_KEY ? 'sign key set' : 'no sign key');`;
    const { code, stdout, stderr } = await run(
      ['bash', SCRIPT, 'node', '--input-type=module', '-e', probe],
      shop,
    );
    assert.equal(code, 0, stderr);
    const [url, retcode, signKey] = stdout.trim().split(' ', 3);
    assert.match(String(url), /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(retcode, '200');
    assert.equal(signKey, 'sign');
    await assert.rejects(fetch(`${url}/__sandbox/health`), 'the sandbox stopped with the script');
  });

  it('passes the command exit code through', async () => {
    const { code } = await run(['bash', SCRIPT, 'node', '-e', 'process.exit(3)'], shop);
    assert.equal(code, 3);
  });
});
