// What ships: no test, test helper or README example in the tarball or in dist.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const TEST_CODE = /\.test\.ts$|(^|\/)src\/test\/|(^|\/)bench\//;

describe('the published package', () => {
  it('packs no test file, test helper or bench', async () => {
    const { stdout } = await promisify(execFile)('pnpm', ['pack', '--dry-run', '--json'], {
      cwd: PACKAGE_DIR,
    });
    const files = (JSON.parse(stdout) as { files: { path: string }[] }).files.map((f) => f.path);
    assert.ok(files.includes('package.json') && files.includes('README.md'), String(files));
    assert.ok(files.includes('src/index.ts'), 'sources ship for the declaration maps');
    assert.deepEqual(
      files.filter((file) => TEST_CODE.test(file)),
      [],
    );
  });

  it('builds no test file into dist', () => {
    const config = ts.getParsedCommandLineOfConfigFile(
      `${PACKAGE_DIR}tsconfig.build.json`,
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(String(d.messageText)) },
    );
    assert.ok(config && config.fileNames.length > 40);
    const relative = config.fileNames.map((file) => file.slice(PACKAGE_DIR.length));
    assert.ok(relative.includes('src/index.ts'));
    assert.deepEqual(
      relative.filter((file) => TEST_CODE.test(file)),
      [],
    );
  });
});
