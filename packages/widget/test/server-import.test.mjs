// Importing the widget where there is no DOM — a server rendering a page — must never throw
// (`HTMLElement is not defined`): in plain Node the npm build runs on Lit's Node build (its DOM
// shim), and the `workerd`, `edge-light` and `worker` conditions give dist/server/*.js, the same
// code with Lit's Node build inside. Checked in Node and in workerd (from npm), on the files those
// conditions resolve to. Needs the npm and server builds (`vite build`, `vite build --mode server`).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const WORKERD = join(
  dirname(createRequire(import.meta.url).resolve('workerd/package.json')),
  'bin',
  'workerd',
);

/** Where `specifier` resolves from the package itself under Node with `conditions`. */
async function resolve(specifier, conditions) {
  const flags = conditions.map((c) => `--conditions=${c}`);
  const script = `console.log(import.meta.resolve(${JSON.stringify(specifier)}))`;
  const { stdout } = await run(process.execPath, [...flags, '--input-type=module', '-e', script], {
    cwd: PACKAGE_DIR,
  });
  return relative(PACKAGE_DIR, fileURLToPath(stdout.trim()));
}

describe('when a server without a DOM imports the widget', () => {
  it('imports @wpay/widget and @wpay/widget/react in plain Node', async () => {
    const script = `const w = await import('@wpay/widget'); const r = await import('@wpay/widget/react');
      console.log(typeof HTMLElement, typeof w.WpayButton, typeof r.WpayButton);`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd: PACKAGE_DIR,
    });
    assert.equal(stdout.trim(), 'undefined function object');
  });

  for (const condition of ['workerd', 'edge-light', 'worker']) {
    it(`resolves the "${condition}" condition to the server build`, async () => {
      assert.equal(await resolve('@wpay/widget', [condition]), 'dist/server/index.js');
      assert.equal(await resolve('@wpay/widget/react', [condition]), 'dist/server/react.js');
    });
  }

  it('imports the "workerd" build in workerd, which has no HTMLElement', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wpay-workerd-'));
    try {
      const entry = await resolve('@wpay/widget', ['workerd']);
      const built = join(PACKAGE_DIR, dirname(entry));
      await cp(built, dir, { recursive: true, filter: (src) => !src.endsWith('.map') });
      const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.js'));
      await writeFile(
        join(dir, 'worker.js'),
        `import * as widget from './index.js';
        export default {
          async test() {
            if (typeof HTMLElement !== 'undefined') throw new Error('workerd has an HTMLElement');
            if (typeof widget.WpayButton !== 'function') throw new Error('no WpayButton');
          },
        };`,
      );
      const modules = ['worker.js', ...files.filter((f) => f !== 'react.js')]
        .map((f) => `(name = "${f}", esModule = embed "${f}")`)
        .join(', ');
      await writeFile(
        join(dir, 'config.capnp'),
        `using Workerd = import "/workerd/workerd.capnp";
        const config :Workerd.Config = (services = [(name = "main", worker = .main)]);
        const main :Workerd.Worker = (modules = [${modules}], compatibilityDate = "2025-01-01");`,
      );
      const { stdout, stderr } = await run(WORKERD, ['test', 'config.capnp'], { cwd: dir }).catch(
        (error) => assert.fail(`workerd failed:\n${error.stdout}${error.stderr}`),
      );
      assert.match(`${stdout}${stderr}`, /\[ PASS \]/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
