// The framework typings and editor data in frameworks/ are generated from custom-elements.json
// (framework-types.mjs): they must be current, and they must type what they claim — vue-tsc
// rejects `variant="huge"` in a Vue template, tsc in React's, Preact's and Solid's JSX. Needs
// `pnpm build` (dist/types) and the manifest (`pnpm run manifest`; `pnpm test` runs the analyzer
// first).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { currentFrameworkFiles } from '../framework-types.mjs';

const run = promisify(execFile);
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
// Resolved as Node resolves them from this package: TypeScript is the workspace root's
// devDependency, so this package's own node_modules/.bin has no `tsc`.
const require = createRequire(import.meta.url);
const CHECKERS = {
  tsc: require.resolve('typescript/bin/tsc'),
  'vue-tsc': require.resolve('vue-tsc/bin/vue-tsc.js'),
};

/** Runs a type checker on a project; resolves to its output, fails the test on any error. */
async function typeCheck(checker, project) {
  await run(process.execPath, [CHECKERS[checker], '-p', project], { cwd: PACKAGE_DIR }).catch(
    (error) =>
      assert.fail(`${checker} -p ${project}:\n${error.stdout}${error.stderr}${error.message}`),
  );
}

describe('the generated framework files', () => {
  it('are the ones custom-elements.json gives (run `pnpm run frameworks` if not)', async () => {
    for (const [path, text] of currentFrameworkFiles()) {
      assert.equal(await readFile(join(PACKAGE_DIR, path), 'utf8'), text, `${path} is stale`);
    }
  });

  it("list variant's values for editors", async () => {
    const data = JSON.parse(currentFrameworkFiles().get('frameworks/vscode.html-custom-data.json'));
    const variant = data.tags
      .find((tag) => tag.name === 'wpay-button')
      .attributes.find((a) => a.name === 'variant');
    assert.deepEqual(
      variant.values.map((v) => v.name),
      ['primary', 'secondary', 'outline'],
    );
  });

  it('type Vue templates: vue-tsc rejects variant="huge" and a wrong event detail', () =>
    typeCheck('vue-tsc', 'test/vue-types/tsconfig.json'));

  it('type the bare tags in React\'s JSX: tsc rejects variant="huge"', () =>
    typeCheck('tsc', 'test/jsx-types/tsconfig.json'));

  it('type the bare tags in Preact\'s JSX: tsc rejects variant="huge" and a wrong event detail', () =>
    typeCheck('tsc', 'test/jsx-types/preact/tsconfig.json'));

  it('type the bare tags in Solid\'s JSX: tsc rejects variant="huge" and a wrong event detail', () =>
    typeCheck('tsc', 'test/jsx-types/solid/tsconfig.json'));
});
