// Packs the published packages the way `pnpm publish` does (`pnpm pack`, which applies
// `publishConfig`), once per build: the tarballs are kept in .cache/packed/<key>/, where the key
// hashes the files of the packages (node_modules aside), so the next caller of the same build
// (scripts/packages.test.mjs, create-wpay's test, scripts/examples.test.mjs) reuses them and a
// rebuild packs afresh. `packPublished` copies them into a fresh directory and unpacks each into
// its node_modules/ (as an install would) so that tests can read and run what a consumer gets.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The repository root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The published packages, by folder under packages/ (the demo is private). */
export const PUBLISHED = ['protocol', 'server-helper', 'sandbox', 'widget', 'cli', 'create-wpay'];

/** The workspace-only export condition: points at src/*.ts, never published. */
export const SOURCE_CONDITION = '@wpay/source';

/** Where packed builds are kept, one folder per key (gitignored: /.cache/). */
const CACHE = join(ROOT, '.cache', 'packed');

/** The report of a pack kept beside the tarballs. */
const REPORT = 'packed.json';

/** Every file under `dir` but node_modules/, as sorted paths relative to `dir`. */
async function filesUnder(dir, prefix = '') {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((entry) => entry.name !== 'node_modules')
      .map((entry) => {
        const path = prefix ? `${prefix}/${entry.name}` : entry.name;
        if (entry.isDirectory()) return filesUnder(dir, path);
        return entry.isFile() ? [path] : [];
      }),
  );
  return nested.flat().sort();
}

/**
 * The key of the current build: a hash of the path, size and modification time of every file of
 * every published package (a build rewrites dist/, an edit touches its file). Same key, same
 * tarballs.
 */
async function buildKey() {
  const stamps = await Promise.all(
    PUBLISHED.map(async (folder) => {
      const dir = join(ROOT, 'packages', folder);
      const paths = await filesUnder(dir);
      const stats = await Promise.all(paths.map((path) => stat(join(dir, path))));
      return paths.map((path, i) => `${folder}/${path} ${stats[i].size} ${stats[i].mtimeMs}`);
    }),
  );
  return createHash('sha256').update(stamps.flat().join('\n')).digest('hex').slice(0, 16);
}

/** Runs `pnpm pack` on every published package (they must be built), into `dir`. */
async function packInto(dir) {
  return Promise.all(
    PUBLISHED.map(async (folder) => {
      const { stdout } = await run('pnpm', ['pack', '--json', '--pack-destination', dir], {
        cwd: join(ROOT, 'packages', folder),
        maxBuffer: 16 * 1024 * 1024,
      });
      const report = JSON.parse(stdout);
      return {
        folder,
        name: report.name,
        tarball: basename(report.filename),
        files: report.files.map((f) => f.path).sort(),
      };
    }),
  );
}

/**
 * The tarballs of the current build, packed once: the first call for a build packs into
 * .cache/packed/<key>/ (written aside, then renamed into place, so concurrent callers never read
 * half a pack, and older keys are removed), later calls read what is there. Never write into the
 * returned directory: copy what you change.
 * @returns {Promise<{ dir: string, cached: boolean, tarballs: Map<string, { folder: string,
 *   name: string, tarball: string, files: string[] }> }>} `tarball` is an absolute path
 * @example
 * ```js
 * const { tarballs } = await packTarballs();
 * console.log(tarballs.get('widget').tarball); // …/.cache/packed/1a2b…/wpay-widget-0.1.0.tgz
 * ```
 */
export async function packTarballs() {
  const key = await buildKey();
  const dir = join(CACHE, key);
  const read = async () => {
    const packed = JSON.parse(await readFile(join(dir, REPORT), 'utf8'));
    return new Map(packed.map((p) => [p.folder, { ...p, tarball: join(dir, p.tarball) }]));
  };
  const kept = await read().catch(() => undefined);
  if (kept) return { dir, cached: true, tarballs: kept };
  await mkdir(CACHE, { recursive: true });
  const staging = await mkdtemp(join(CACHE, `.${key}-`));
  await writeFile(join(staging, REPORT), JSON.stringify(await packInto(staging), null, 2));
  // Another caller may have finished the same key meanwhile: theirs stays, ours goes.
  await rename(staging, dir).catch(() => rm(staging, { recursive: true, force: true }));
  for (const other of await readdir(CACHE)) {
    if (other !== key && !other.startsWith('.')) {
      await rm(join(CACHE, other), { recursive: true, force: true });
    }
  }
  return { dir, cached: false, tarballs: await read() };
}

/**
 * Copies every published package's tarball (packed once per build, `packTarballs`) into a fresh
 * temporary directory, a consumer project of sorts: tarballs in it, unpacked into its
 * node_modules/. The directory is the caller's to change and remove.
 * @returns {Promise<{ dir: string, packs: Map<string, { folder: string, tarball: string,
 *   unpacked: string, files: string[], manifest: Record<string, unknown>,
 *   workspaceManifest: Record<string, unknown> }> }>}
 */
export async function packPublished() {
  const { tarballs } = await packTarballs();
  const dir = await mkdtemp(join(tmpdir(), 'wpay-pack-'));
  const read = async (path) => JSON.parse(await readFile(join(path, 'package.json'), 'utf8'));
  const unpackOne = async ({ folder, name, tarball: cached, files }) => {
    const tarball = join(dir, basename(cached));
    await copyFile(cached, tarball);
    const unpacked = join(dir, 'node_modules', name);
    await mkdir(unpacked, { recursive: true });
    await run('tar', ['xzf', tarball, '-C', unpacked, '--strip-components=1']);
    return {
      folder,
      tarball,
      unpacked,
      files,
      manifest: await read(unpacked),
      workspaceManifest: await read(join(ROOT, 'packages', folder)),
    };
  };
  const packed = await Promise.all([...tarballs.values()].map(unpackOne));
  const packs = new Map(packed.map((p) => [p.folder, p]));
  return { dir, packs };
}

/** Every file path an `exports` value can resolve to (conditions and subpaths flattened). */
export function exportTargets(value) {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(exportTargets);
}

/** Every condition name used anywhere in an `exports` value. */
export function exportConditions(value) {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    ...(key.startsWith('.') ? [] : [key]),
    ...exportConditions(inner),
  ]);
}

/** An `exports` value without the workspace-only condition: what `publishConfig.exports` holds. */
export function withoutSourceCondition(value) {
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== SOURCE_CONDITION)
      .map(([key, inner]) => [key, withoutSourceCondition(inner)]),
  );
}
