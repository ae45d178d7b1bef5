// Installs examples/* the way a shop would: each example's own package.json, from the npm
// registry, with @wpay/* taken from the packed tarballs (`pnpm pack`, as published, packed once
// per build by scripts/pack-packages.mjs). One pnpm workspace in a temporary directory holds
// them all, so a single `pnpm install` (through pnpm's content-addressed store: a warm store
// installs in seconds) serves every example.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { packTarballs, ROOT } from './pack-packages.mjs';

const run = promisify(execFile);

/** Folders and files of an example that are never copied: installs and build output. */
const NOT_COPIED = new Set(['node_modules', 'dist', '.next', '.wrangler']);

/**
 * Copies the named examples into a fresh temporary pnpm workspace whose `overrides` point every
 * `@wpay/*` dependency at its tarball (packed once per build: `packTarballs`), and installs it.
 * Resolves to the workspace's directory, whether this build's tarballs were packed before
 * (`cached`), and the seconds each step took.
 * @param {string[]} names folders under examples/
 * @returns {Promise<{ dir: string, cached: boolean, seconds: { pack: number, install: number } }>}
 */
export async function installExamples(names) {
  const dir = await mkdtemp(join(tmpdir(), 'wpay-examples-'));
  const started = performance.now();
  const { tarballs, cached } = await packTarballs();
  const packed = performance.now();
  const overrides = Object.fromEntries(
    [...tarballs.values()].map(({ name, tarball }) => [name, `file:${tarball}`]),
  );
  await writeFile(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'wpay-examples', private: true }, null, 2)}\n`,
  );
  await writeFile(
    join(dir, 'pnpm-workspace.yaml'),
    [
      'packages:',
      ...names.map((name) => `  - ${name}`),
      'overrides:',
      ...Object.entries(overrides).map(([name, spec]) => `  '${name}': '${spec}'`),
      // `node_modules/.bin` holds symlinks, as npm makes them: pnpm's shell shims read each
      // executable whole to find its interpreter, some 20 s for the 100 MB of Bun's binary.
      'preferSymlinkedExecutables: true',
      // Their install scripts fetch nothing: each binary is an npm package (optional dependency)
      // that the script links into place.
      'onlyBuiltDependencies:',
      '  - bun',
      '  - deno',
      '  - esbuild',
      '  - workerd',
      '',
    ].join('\n'),
  );
  for (const name of names) {
    await cp(join(ROOT, 'examples', name), join(dir, name), {
      recursive: true,
      filter: (source) => !NOT_COPIED.has(source.split('/').pop() ?? ''),
    });
  }
  await run('pnpm', ['install', '--prefer-offline', '--reporter=append-only'], {
    cwd: dir,
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...withoutNpmConfig(process.env),
      PUPPETEER_SKIP_DOWNLOAD: '1',
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    },
  });
  const installed = performance.now();
  return {
    dir,
    cached,
    seconds: {
      pack: (packed - started) / 1000,
      install: (installed - packed) / 1000,
    },
  };
}

/**
 * The environment without the `npm_config_*` variables a parent `pnpm run` sets for its own
 * workspace (they would otherwise configure the examples' install too).
 */
export function withoutNpmConfig(env) {
  return Object.fromEntries(
    Object.entries(env).filter(([key]) => !key.toLowerCase().startsWith('npm_')),
  );
}
