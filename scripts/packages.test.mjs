// What `npm install @wpay/…` would give a shop: each published package is packed once (as
// `pnpm publish` packs it), then its file list, its manifest, publint, are-the-types-wrong and a
// consumer's imports are checked on that tarball. Needs a build (`pnpm build`); run by `npm test`
// and `pnpm test:packages`.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { requireBranchOf } from './commonjs-entries.mjs';
import { withoutNpmConfig } from './examples-workspace.mjs';
import {
  exportConditions,
  exportTargets,
  PUBLISHED,
  packPublished,
  ROOT,
  SOURCE_CONDITION,
  withoutSourceCondition,
} from './pack-packages.mjs';

const run = promisify(execFile);

/**
 * Entries with no `require` branch, ES modules only; every other entry of every package has
 * CommonJS twins (scripts/commonjs-entries.mjs) and passes every rule of are-the-types-wrong.
 * - iife, button-iife, bundle: files for a web page (a `<script>`'s source, served by the shop),
 *   not modules for Node. `require.resolve()` finds them all the same; `require()` of them would
 *   run a browser script in Node.
 * - jsx/solid: solid-js's own types are ES modules only, and a CommonJS declaration file cannot
 *   augment one (`declare module 'solid-js'` is TS1479 there). Solid compiles with a bundler.
 */
const IMPORT_ONLY_ENTRIES = { widget: ['./iife', './button-iife', './bundle', './jsx/solid'] };

/**
 * The one finding of are-the-types-wrong accepted, and only on IMPORT_ONLY_ENTRIES: their `require`
 * resolves to an ES module ("cjs-resolves-to-esm"). Every other rule applies to them too
 * (no-resolution under node10 included: `typesVersions` covers the subpaths).
 */
const IMPORT_ONLY_IGNORED_RULES = ['cjs-resolves-to-esm'];

const ATTW = join(ROOT, 'node_modules', '.bin', 'attw');

/**
 * The export conditions a published manifest may use: `import` and `require` (the ES modules and
 * their CommonJS twins), `types`, `default`, and the server runtimes
 * without a DOM that get the widget's SSR-safe build (dist/server/, packages/widget/README.md).
 */
const PUBLISHED_CONDITIONS = new Set([
  'import',
  'require',
  'types',
  'default',
  'workerd',
  'edge-light',
  'worker',
]);

/** Files a tarball must never carry: tests, soak runs, test helpers, local data. */
const NOT_SHIPPED = [/\.test\./, /\.soak\./, /(^|\/)test\//, /(^|\/)bench\//, /\.tgz$/, /\.db$/];

/** Runs are-the-types-wrong on one tarball; resolves to its exit code and report. */
function attw(tarball, options = []) {
  const args = [tarball, '--format', 'ascii', '--no-color', '--no-emoji', ...options];
  return run(ATTW, args).then(
    ({ stdout }) => ({ code: 0, report: stdout }),
    (error) => ({ code: error.code, report: `${error.stdout}${error.stderr}` }),
  );
}

/** are-the-types-wrong on a package: strict on its modules, IMPORT_ONLY_ENTRIES checked on their own. */
async function attwPackage(folder, tarball) {
  const files = (IMPORT_ONLY_ENTRIES[folder] ?? []).map((entry) => entry.slice(2));
  if (files.length === 0) return attw(tarball);
  const runs = await Promise.all([
    attw(tarball, ['--exclude-entrypoints', ...files]),
    attw(tarball, ['--entrypoints', ...files, '--ignore-rules', ...IMPORT_ONLY_IGNORED_RULES]),
  ]);
  return {
    code: runs.find((r) => r.code !== 0)?.code ?? 0,
    report: runs.map((r) => r.report).join('\n'),
  };
}

let dir;
let packs;
let rootManifest;
/** attw's runs, started together once everything is packed (each takes seconds). */
const attwRuns = new Map();

before(async () => {
  ({ dir, packs } = await packPublished());
  rootManifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
  for (const { folder, tarball } of packs.values())
    attwRuns.set(folder, attwPackage(folder, tarball));
});

after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const pack = (folder) => packs.get(folder);

/** An HTTP server on a random port of `host`. */
function serve(host, handler) {
  const server = createServer((req, res) => {
    Promise.resolve()
      .then(() => handler(req, res))
      .catch(() => res.writeHead(500).end());
  });
  return new Promise((resolve) => server.listen(0, host, () => resolve(server)));
}

/** Runs `node` in the consumer directory (the tarballs' parent) and returns its stdout. */
const node = async (args) => (await run(process.execPath, args, { cwd: dir })).stdout.trim();

/** The published name of a package folder: `@wpay/<folder>`, but `create-*` is unscoped. */
const nameOf = (folder) => (folder.startsWith('create-') ? folder : `@wpay/${folder}`);

for (const folder of PUBLISHED) {
  describe(`when ${nameOf(folder)} is packed`, () => {
    it('ships LICENSE (the root one), README.md and CHANGELOG.md', async () => {
      const { files, unpacked } = pack(folder);
      for (const file of ['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json']) {
        assert.ok(files.includes(file), `${file} missing from the tarball`);
      }
      const license = await readFile(join(unpacked, 'LICENSE'), 'utf8');
      assert.equal(license, await readFile(join(ROOT, 'LICENSE'), 'utf8'));
    });

    it('ships no test files, test helpers or benchmarks', () => {
      const shipped = pack(folder).files.filter((file) => NOT_SHIPPED.some((re) => re.test(file)));
      assert.deepEqual(shipped, []);
    });

    it('ships every file its exports, main, types and bin point at', () => {
      const { files, manifest } = pack(folder);
      const bins =
        typeof manifest.bin === 'string' ? [manifest.bin] : Object.values(manifest.bin ?? {});
      const typesVersions = Object.values(manifest.typesVersions?.['*'] ?? {}).flat();
      const targets = [
        ...exportTargets(manifest.exports),
        manifest.main,
        manifest.types,
        ...[manifest.unpkg, manifest.jsdelivr].filter(Boolean),
        ...bins,
        ...typesVersions,
      ];
      for (const target of targets) {
        assert.ok(files.includes(target.replace(/^\.\//, '')), `${target} is not in the tarball`);
      }
    });

    it('imports, from its shipped JavaScript, only Node built-ins and its dependencies', async () => {
      // A package that is only a devDependency is there in the workspace, not in a shop.
      const { files, unpacked, manifest } = pack(folder);
      const declared = new Set(
        Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }),
      );
      // A starter's template/ is the scaffolded shop's code, with a package.json of its own.
      const modules = files.filter(
        (file) =>
          /\.m?js$/.test(file) && !file.endsWith('.iife.js') && !file.startsWith('template/'),
      );
      const script = `const { SourceTextModule } = require('node:vm');
        const { readFileSync } = require('node:fs');
        const found = new Set();
        for (const file of ${JSON.stringify(modules)}) {
          const code = readFileSync(require('node:path').join(${JSON.stringify(unpacked)}, file), 'utf8');
          for (const id of new SourceTextModule(code).dependencySpecifiers) found.add(id);
          for (const [, id] of code.matchAll(/\\bimport\\(\\s*['"]([^'"]+)['"]/g)) found.add(id);
        }
        console.log(JSON.stringify([...found]));`;
      const specifiers = JSON.parse(
        await node(['--experimental-vm-modules', '--no-warnings', '-e', script]),
      );
      const packageOf = (id) =>
        id
          .split('/')
          .slice(0, id.startsWith('@') ? 2 : 1)
          .join('/');
      const undeclared = specifiers
        .filter((id) => !id.startsWith('.') && !id.startsWith('node:'))
        .map(packageOf)
        .filter((name) => !declared.has(name));
      assert.deepEqual([...new Set(undeclared)], []);
    });

    it('publishes its exports without the workspace-only condition, otherwise unchanged', () => {
      const { manifest, workspaceManifest } = pack(folder);
      assert.ok(
        exportConditions(workspaceManifest.exports).includes(SOURCE_CONDITION),
        `the workspace's exports use ${SOURCE_CONDITION}`,
      );
      assert.deepEqual(manifest.exports, withoutSourceCondition(workspaceManifest.exports));
      const conditions = new Set(exportConditions(manifest.exports));
      assert.deepEqual(
        [...conditions].filter((c) => !PUBLISHED_CONDITIONS.has(c)),
        [],
      );
    });

    it('gives every module entry a require branch: its CommonJS twin', () => {
      // IMPORT_ONLY_ENTRIES aside, an entry is `{ import, require }`, the
      // `require` branch naming the .cjs / .d.cts files scripts/commonjs-entries.mjs builds.
      const { manifest } = pack(folder);
      const entries = Object.entries(manifest.exports).filter(
        ([subpath, entry]) =>
          typeof entry === 'object' && !IMPORT_ONLY_ENTRIES[folder]?.includes(subpath),
      );
      for (const [subpath, entry] of entries) {
        assert.ok(entry.import && entry.require, `exports["${subpath}"] has no require branch`);
        assert.deepEqual(entry.require, requireBranchOf(entry.import), subpath);
      }
    });

    it('names the repository, homepage, bugs and Node range the root does', () => {
      const { manifest } = pack(folder);
      assert.deepEqual(manifest.repository, {
        ...rootManifest.repository,
        directory: `packages/${folder}`,
      });
      assert.equal(
        manifest.homepage,
        rootManifest.homepage.replace('#readme', `/tree/main/packages/${folder}#readme`),
      );
      assert.deepEqual(manifest.bugs, rootManifest.bugs);
      assert.equal(manifest.license, rootManifest.license);
      assert.equal(manifest.author, rootManifest.author);
      assert.deepEqual(manifest.engines, rootManifest.engines);
      assert.ok(Array.isArray(manifest.keywords) && manifest.keywords.includes('wpay'));
      assert.equal(manifest.type, 'module');
    });

    it('is published publicly, with provenance', () => {
      const { access, provenance } = pack(folder).manifest.publishConfig ?? {};
      assert.deepEqual({ access, provenance }, { access: 'public', provenance: true });
    });

    it('passes publint (suggestions included)', async () => {
      const { unpacked, manifest } = pack(folder);
      const { messages } = await publint({ pkgDir: unpacked, pack: false, strict: true });
      assert.deepEqual(
        messages.map((m) => `${m.type}: ${formatMessage(m, manifest, { color: false })}`),
        [],
      );
    });

    it("passes are-the-types-wrong's default profile", async () => {
      const { code, report } = await attwRuns.get(folder);
      assert.equal(code, 0, report);
    });
  });
}

describe('when a page loads the widget without a build step', () => {
  const NO_BUILD = ['dist/wpay-widget.iife.js', 'dist/wpay-widget.bundle.js'];

  it('points unpkg and jsDelivr at the IIFE file', () => {
    const { manifest } = pack('widget');
    assert.equal(manifest.unpkg, './dist/wpay-widget.iife.js');
    assert.equal(manifest.jsdelivr, './dist/wpay-widget.iife.js');
  });

  it('ships the SRI hash (sha384) of each no-build file beside it, matching its bytes', async () => {
    const { files, unpacked } = pack('widget');
    for (const file of NO_BUILD) {
      assert.ok(files.includes(`${file}.sri`), `${file}.sri is not in the tarball`);
      const sri = (await readFile(join(unpacked, `${file}.sri`), 'utf8')).trim();
      const bytes = await readFile(join(unpacked, file));
      assert.equal(sri, `sha384-${createHash('sha384').update(bytes).digest('base64')}`, file);
    }
  });

  it('ships the ES module build as one file that imports nothing', async () => {
    const { unpacked } = pack('widget');
    const file = join(unpacked, 'dist/wpay-widget.bundle.js');
    const script = `const { SourceTextModule } = require('node:vm');
      const code = require('node:fs').readFileSync(${JSON.stringify(file)}, 'utf8');
      console.log(JSON.stringify(new SourceTextModule(code).dependencySpecifiers));`;
    const imports = await node(['--experimental-vm-modules', '--no-warnings', '-e', script]);
    assert.deepEqual(JSON.parse(imports), []);
  });
});

describe('when a page on another origin loads a no-build file with its SRI hash', () => {
  // A "CDN" (the unpacked tarball, served with CORS on 127.0.0.1) and a shop page on localhost,
  // in Debian's Chromium: the README's <script integrity crossorigin> tags, exactly.
  let cdn;
  let shop;
  let browser;

  before(async () => {
    const { unpacked } = pack('widget');
    cdn = await serve('127.0.0.1', async (req, res) => {
      const path = join(unpacked, new URL(req.url, 'http://x').pathname);
      if (!path.startsWith(`${unpacked}/dist/`) || !existsSync(path))
        return res.writeHead(404).end();
      res.writeHead(200, {
        'Content-Type': 'text/javascript',
        'Access-Control-Allow-Origin': '*',
      });
      res.end(await readFile(path));
    });
    shop = await serve('localhost', (req, res) => {
      const { searchParams } = new URL(req.url, 'http://x');
      const file = searchParams.get('file');
      if (!file) return res.writeHead(404).end();
      const type = file.endsWith('.iife.js') ? '' : ' type="module"';
      const src = `http://127.0.0.1:${cdn.address().port}/${file}`;
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(`<!doctype html><html lang="en"><head>
        <script${type} src="${src}" integrity="${searchParams.get('sri')}" crossorigin="anonymous"></script>
        </head><body><wpay-button endpoint="/api/checkout">Buy</wpay-button></body></html>`);
    });
    // The launch options as @wpay/sandbox/testing publishes them, from its tarball.
    await installDependencies();
    const testing = createRequire(join(dir, 'package.json')).resolve('@wpay/sandbox/testing');
    const { chromiumLaunchOptions } = await import(pathToFileURL(testing).href);
    browser = await chromium.launch(chromiumLaunchOptions());
  });

  after(async () => {
    await browser?.close();
    cdn?.close();
    shop?.close();
  });

  /** Whether the page defined <wpay-button> once it loaded the file with that integrity value. */
  async function definesTheButton(file, sri) {
    const page = await browser.newPage();
    try {
      const query = new URLSearchParams({ file, sri });
      await page.goto(`http://localhost:${shop.address().port}/?${query}`, { waitUntil: 'load' });
      return await page.evaluate(() => customElements.get('wpay-button') !== undefined);
    } finally {
      await page.close();
    }
  }

  for (const file of ['dist/wpay-widget.iife.js', 'dist/wpay-widget.bundle.js']) {
    it(`runs ${file} with its .sri value, and refuses it with another`, async () => {
      const sri = (await readFile(join(pack('widget').unpacked, `${file}.sri`), 'utf8')).trim();
      assert.equal(await definesTheButton(file, sri), true);
      const other = `sha384-${createHash('sha384').update('other bytes').digest('base64')}`;
      assert.equal(await definesTheButton(file, other), false);
    });
  }
});

/** Links `name` into the consumer's node_modules/ from the workspace folder that installed it. */
async function linkFromWorkspace(name, folder) {
  const link = join(dir, 'node_modules', name);
  if (existsSync(link)) return;
  await mkdir(dirname(link), { recursive: true });
  await symlink(await realpath(join(ROOT, folder, 'node_modules', name)), link);
}

let installed;
/** Links the third-party dependencies of the packed manifests from the workspace's installs. */
function installDependencies() {
  installed ??= (async () => {
    for (const { folder, manifest } of packs.values()) {
      for (const dep of Object.keys(manifest.dependencies ?? {})) {
        if (dep.startsWith('@wpay/')) {
          assert.ok(packs.has(dep.slice(6)), `${dep} is a dependency but not published`);
          continue;
        }
        await linkFromWorkspace(dep, join('packages', folder));
      }
    }
  })();
  return installed;
}

describe('when a shop installs the tarballs', () => {
  before(() => installDependencies());

  const serverEntries = () =>
    ['protocol', 'server-helper', 'sandbox', 'cli'].flatMap((folder) =>
      Object.keys(pack(folder).manifest.exports)
        .filter((subpath) => !subpath.endsWith('.json'))
        .map((subpath) => `@wpay/${folder}${subpath.slice(1)}`),
    );

  it('imports every server-side entry point, its dependencies installed with it', async () => {
    const script = `for (const id of ${JSON.stringify(serverEntries())}) await import(id);`;
    await node(['--input-type=module', '-e', script]);
  });

  it('still imports them when the shop sets the generic "source" condition', async () => {
    const script = `for (const id of ${JSON.stringify(serverEntries())}) await import(id);`;
    await node(['--conditions=source', '--input-type=module', '-e', script]);
  });

  it('require()s them on this Node (require(esm): Node ^20.19 || >=22.12)', async () => {
    const script = `for (const id of ${JSON.stringify(serverEntries())}) require(id);`;
    await node(['--no-warnings', '--input-type=commonjs', '-e', script]);
  });

  it('gives require() and import() one module instance (no dual-package hazard)', async () => {
    // Each `require` entry is a CommonJS file whose module.exports is the ES module itself.
    const script = `(async () => {
      for (const id of ${JSON.stringify(serverEntries())}) {
        if (require(id) !== (await import(id))) throw new Error(id + ': two instances');
      }
    })().catch((error) => { console.error(error); process.exitCode = 1; });`;
    await node(['--no-warnings', '--input-type=commonjs', '-e', script]);
  });

  it("resolves the widget's ESM and IIFE builds to shipped files", async () => {
    const ids = ['@wpay/widget', '@wpay/widget/iife'];
    const script = `console.log(JSON.stringify(${JSON.stringify(ids)}.map((id) => import.meta.resolve(id))))`;
    const resolved = JSON.parse(
      await node(['--conditions=source', '--input-type=module', '-e', script]),
    );
    assert.deepEqual(
      resolved.map((url) => url.slice(url.indexOf('/node_modules/') + 1)),
      [
        'node_modules/@wpay/widget/dist/index.js',
        'node_modules/@wpay/widget/dist/wpay-widget.iife.js',
      ],
    );
  });

  it("runs the sandbox's bin: --version prints the packed version", async () => {
    const { manifest, unpacked } = pack('sandbox');
    const version = await node([join(unpacked, manifest.bin['wpay-sandbox']), '--version']);
    assert.equal(version, manifest.version);
  });

  it("runs the cli's bin: --version prints the packed version, --help the doctor's flags", async () => {
    const { manifest, unpacked } = pack('cli');
    const bin = join(unpacked, manifest.bin.wpay);
    assert.equal(await node([bin, '--version']), manifest.version);
    assert.match(await node([bin, '--help']), /^Usage: wpay doctor/);
  });

  it("serves health from the Dockerfile's entrypoint, run as a plain process", async () => {
    // Docker is not available where this runs: the image's ENTRYPOINT (with the packed bin for
    // `wpay-sandbox`, which `npm install --global` links) runs here, with --port 0 appended.
    const dockerfile = await readFile(join(ROOT, 'packages', 'sandbox', 'Dockerfile'), 'utf8');
    const entrypoint = JSON.parse(/^ENTRYPOINT (.+)$/m.exec(dockerfile)?.[1] ?? '[]');
    const exposed = /^EXPOSE (\d+)$/m.exec(dockerfile)?.[1];
    assert.deepEqual(entrypoint, ['wpay-sandbox', '--host', '0.0.0.0', '--port', exposed]);
    assert.match(
      dockerfile,
      new RegExp(`HEALTHCHECK .*\\n.*127\\.0\\.0\\.1:${exposed}/__sandbox/health`),
    );
    const { manifest, unpacked } = pack('sandbox');
    const readyFile = join(dir, 'sandbox-ready.json');
    const child = spawn(
      process.execPath,
      [
        join(unpacked, manifest.bin['wpay-sandbox']),
        ...entrypoint.slice(1),
        '--port',
        '0',
        '--ready-file',
        readyFile,
      ],
      { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      while (!existsSync(readyFile)) {
        assert.equal(child.exitCode, null, 'the sandbox exited before it was ready');
        await sleep(50);
      }
      const { url } = JSON.parse(await readFile(readyFile, 'utf8'));
      const health = await fetch(`${url}/__sandbox/health`);
      assert.equal(health.status, 200);
      assert.equal((await health.json()).ok, true);
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});

describe('when a TypeScript project imports every entry point', () => {
  /**
   * The TypeScript versions a shop compiles with: the workspace's, and 5.7, whose `nodenext` does
   * not type `require()` of an ES module yet (5.8 does), installed into the consumer (never into
   * the workspace).
   */
  const TYPESCRIPT_5_7 = '5.7.3';
  /**
   * The shop's tsconfig, one project each: a CommonJS project (`"type": "commonjs"`) under
   * `node16` (Nest's older default) or `nodenext`, an ES module project, `node10` (the old
   * `"moduleResolution": "node"`: `typesVersions` serves the subpaths) and `bundler` (Vite, Next).
   */
  const CONSUMERS = {
    'node16 from CommonJS': { type: 'commonjs', module: 'node16', moduleResolution: 'node16' },
    'nodenext from CommonJS': {
      type: 'commonjs',
      module: 'nodenext',
      moduleResolution: 'nodenext',
    },
    'node16 from an ES module': { type: 'module', module: 'node16', moduleResolution: 'node16' },
    node10: { type: 'commonjs', module: 'commonjs', moduleResolution: 'node10' },
    bundler: { type: 'module', module: 'esnext', moduleResolution: 'bundler' },
  };
  /** Types the entries' declarations import: the widget's optional peers, Node's. */
  const TYPES_FROM_WORKSPACE = [
    ['@types/node', '.'],
    ['@types/react', 'packages/widget'],
    ['vue', 'packages/widget'],
    ['preact', 'packages/widget'],
    ['solid-js', 'packages/widget'],
  ];
  const CHECKER = join(ROOT, 'scripts', 'typecheck-consumers.mjs');

  /** Every entry with types, as `@wpay/x/sub`; from CommonJS, not the IMPORT_ONLY_ENTRIES. */
  const entriesFor = (type) =>
    ['protocol', 'server-helper', 'sandbox', 'widget', 'cli'].flatMap((folder) =>
      Object.keys(pack(folder).manifest.exports)
        .filter((subpath) => !subpath.endsWith('.json'))
        .filter((subpath) => type === 'module' || !IMPORT_ONLY_ENTRIES[folder]?.includes(subpath))
        .map((subpath) => `@wpay/${folder}${subpath.slice(1)}`),
    );

  /** index.ts: imports each entry, and types the adapter call of issue 13 (Nest, `node16`). */
  const consumerSource = (ids) =>
    [
      ...ids.map((id, i) => `import * as entry${i} from '${id}';`),
      "import { toNodeHandler } from '@wpay/server-helper/node';",
      "import type { IncomingMessage, ServerResponse } from 'node:http';",
      '',
      `export const entries = [${ids.map((_, i) => `entry${i}`).join(', ')}];`,
      'export const handler: (req: IncomingMessage, res: ServerResponse) => Promise<void> =',
      '  toNodeHandler(async () => new Response(null, { status: 204 }));',
      '',
    ].join('\n');

  /** The diagnostics of every consumer project, by TypeScript version then consumer name. */
  let checks;

  before(async () => {
    await installDependencies();
    for (const [name, folder] of TYPES_FROM_WORKSPACE) await linkFromWorkspace(name, folder);
    const typescript57 = join(dir, 'typescript-5.7');
    await mkdir(typescript57);
    await writeFile(join(typescript57, 'package.json'), '{ "private": true }\n');
    const installing = run(
      'npm',
      [
        'install',
        '--no-save',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        `typescript@${TYPESCRIPT_5_7}`,
      ],
      { cwd: typescript57, env: withoutNpmConfig(process.env) },
    );
    const projects = {};
    for (const [name, { type, ...compilerOptions }] of Object.entries(CONSUMERS)) {
      const project = join(dir, 'consumers', name.replaceAll(' ', '-'));
      projects[name] = project;
      await mkdir(project, { recursive: true });
      await writeFile(
        join(project, 'package.json'),
        `${JSON.stringify({ private: true, type })}\n`,
      );
      await writeFile(join(project, 'index.ts'), consumerSource(entriesFor(type)));
      const tsconfig = {
        compilerOptions: {
          ...compilerOptions,
          target: 'es2022',
          lib: ['es2023', 'dom', 'dom.iterable'],
          types: ['node'],
          strict: true,
          esModuleInterop: true,
          skipLibCheck: false,
          noEmit: true,
        },
        files: ['index.ts'],
      };
      await writeFile(join(project, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
    }
    const check = async (typescript) => {
      const { stdout } = await run(
        process.execPath,
        [CHECKER, typescript, ...Object.values(projects)],
        {
          maxBuffer: 16 * 1024 * 1024,
        },
      );
      const byProject = JSON.parse(stdout);
      return Object.fromEntries(Object.entries(projects).map(([name, p]) => [name, byProject[p]]));
    };
    const workspace = join(ROOT, 'node_modules', 'typescript');
    const version = JSON.parse(await readFile(join(workspace, 'package.json'), 'utf8')).version;
    checks = new Map([
      [version, check(workspace)],
      [
        TYPESCRIPT_5_7,
        installing.then(() => check(join(typescript57, 'node_modules', 'typescript'))),
      ],
    ]);
    for (const result of checks.values()) result.catch(() => {});
  });

  for (const name of Object.keys(CONSUMERS)) {
    it(`type-checks under ${name}, with the workspace's TypeScript and with 5.7`, async () => {
      for (const [version, result] of checks) {
        assert.deepEqual((await result)[name], [], `TypeScript ${version}`);
      }
    });
  }
});
