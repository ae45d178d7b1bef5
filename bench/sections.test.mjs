import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { discoverSections, importSection, sectionIdOf, selectSections } from './sections.mjs';

const RUN = fileURLToPath(new URL('./run.mjs', import.meta.url));
const REPO = fileURLToPath(new URL('..', import.meta.url));

/** A checkout with two sections: `broken` imports a package that is not installed. */
function fixture(files) {
  const root = mkdtempSync(join(tmpdir(), 'wpay-bench-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const section = (id, head = '') =>
  `${head}export default {\n  id: '${id}',\n  title: 'Section ${id}',\n  once: true,\n  async measure() {\n    return { answer: 42 };\n  },\n};\n`;

/** `node bench/run.mjs --root <root> --no-write …`: its exit code and output. */
function bench(root, ...argv) {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [RUN, '--root', root, '--no-write', '--quick', ...argv],
      { cwd: root },
      (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }),
    );
  });
}

describe('when a section cannot be imported (its dependency is missing)', () => {
  let root;
  before(() => {
    root = fixture({
      'packages/a/bench/broken.section.mjs': section('broken', "import 'wpay-not-installed';\n"),
      'packages/b/bench/alpha.section.mjs': section('alpha'),
    });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('runs --only another section without importing it', async () => {
    const { code, stdout, stderr } = await bench(root, '--only', 'alpha');
    assert.equal(code, 0, stderr);
    assert.match(stdout, /## Section alpha/);
    assert.match(stdout, /run 1 default: answer 42/);
    assert.doesNotMatch(`${stdout}${stderr}`, /broken|wpay-not-installed/i);
  });

  it('fails that section alone in a full run, naming the file and the import, and exits 1', async () => {
    const { code, stdout, stderr } = await bench(root);
    assert.equal(code, 1);
    assert.match(stdout, /## broken: not run/);
    assert.match(stdout, /run 1 default: answer 42/);
    assert.match(
      stderr,
      /1 failure\(s\):\nbroken: packages\/a\/bench\/broken\.section\.mjs could not be imported: .*wpay-not-installed/,
    );
  });

  it('refuses --only with an id no section has, listing the ids (exit 2)', async () => {
    const { code, stderr } = await bench(root, '--only', 'alpha,nosuch');
    assert.equal(code, 2);
    assert.match(stderr, /--only: no section nosuch \(the sections: broken, alpha\)/);
  });
});

describe("when the harness reads a section's id from its file", () => {
  let root;
  before(() => {
    root = fixture({
      'bench/sections/none.mjs': 'export default { title: "no id" };\n',
      'bench/sections/twice.mjs': `${section('one')}export const other = {\n  id: 'two',\n};\n`,
      'demo/bench/renamed.section.mjs': `const id = 'alpha';\nconst meta = {\n  id: 'alpha',\n};\nexport default { ...meta, id: \`\${id}-2\`, measure: async () => ({}) };\n`,
    });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it("finds every section of this repository, each with its own id, in the file's text", () => {
    const sections = discoverSections(REPO);
    assert.ok(sections.length > 5);
    assert.deepEqual(
      sections.filter((entry) => entry.error),
      [],
    );
    const ids = sections.map((entry) => entry.id);
    assert.equal(new Set(ids).size, ids.length, ids.join(', '));
    assert.ok(ids.includes('checkout') && ids.includes('widget-size'), ids.join(', '));
  });

  it('refuses a file without an id line, or with two, naming the file and the form', () => {
    assert.throws(
      () => sectionIdOf(join(root, 'bench/sections/none.mjs'), root),
      /^Error: bench\/sections\/none\.mjs: no `id: '…'` lines; .*\(`id: 'my-section',`\)/,
    );
    assert.throws(() => sectionIdOf(join(root, 'bench/sections/twice.mjs'), root), /: 2 `id/);
    const entries = discoverSections(root);
    assert.deepEqual(
      entries.map((entry) => [entry.id, Boolean(entry.error)]),
      [
        [null, true],
        [null, true],
        ['alpha', false],
      ],
    );
    assert.deepEqual(selectSections(entries, new Set(['alpha'])), [entries[2]]);
  });

  it('runs --only a readable section and warns about the unreadable ones', async () => {
    const { code, stdout, stderr } = await bench(root, '--only', 'alpha');
    assert.equal(code, 1, stderr); // the one it ran exports another id
    assert.match(stderr, /bench\/sections\/none\.mjs: no `id: '…'` lines/);
    assert.match(stderr, /bench\/sections\/twice\.mjs: 2 `id: '…'` lines/);
    assert.match(stdout, /## alpha: not run/);
  });

  it('refuses a module whose exported id is not the one its line declares', async () => {
    const [, , entry] = discoverSections(root);
    await assert.rejects(
      importSection(entry, root),
      /renamed\.section\.mjs: its default export's id is "alpha-2", its `id: 'alpha'` line says alpha/,
    );
  });
});
