// Packs the published packages the way `pnpm publish` does (`pnpm pack`, which applies
// `publishConfig`), once, into a temporary directory, and unpacks each tarball into that
// directory's node_modules/ (as an install would) so that tests can read and run what a consumer
// gets. Used by scripts/packages.test.mjs.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The repository root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The published packages, by folder under packages/ (the demo is private). */
export const PUBLISHED = ['protocol', 'server-helper', 'sandbox', 'widget', 'cli', 'create-wpay'];

/** The workspace-only export condition: points at src/*.ts, never published. */
export const SOURCE_CONDITION = '@wpay/source';

/**
 * Packs every published package (it must be built) into a fresh temporary directory, a consumer
 * project of sorts: tarballs in it, unpacked into its node_modules/.
 * @returns {Promise<{ dir: string, packs: Map<string, { folder: string, tarball: string,
 *   unpacked: string, files: string[], manifest: Record<string, unknown>,
 *   workspaceManifest: Record<string, unknown> }> }>}
 */
export async function packPublished() {
  const dir = await mkdtemp(join(tmpdir(), 'wpay-pack-'));
  const read = async (path) => JSON.parse(await readFile(join(path, 'package.json'), 'utf8'));
  const packOne = async (folder) => {
    const cwd = join(ROOT, 'packages', folder);
    const { stdout } = await run('pnpm', ['pack', '--json', '--pack-destination', dir], {
      cwd,
      maxBuffer: 16 * 1024 * 1024,
    });
    const report = JSON.parse(stdout);
    const unpacked = join(dir, 'node_modules', report.name);
    await mkdir(unpacked, { recursive: true });
    await run('tar', ['xzf', report.filename, '-C', unpacked, '--strip-components=1']);
    return {
      folder,
      tarball: report.filename,
      unpacked,
      files: report.files.map((f) => f.path).sort(),
      manifest: await read(unpacked),
      workspaceManifest: await read(cwd),
    };
  };
  const packed = await Promise.all(PUBLISHED.map(packOne));
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
