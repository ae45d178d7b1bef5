/**
 * @module `scaffold`: copies the starter shop (template/) into a new directory, names it, pins
 * the kit's packages to this version and writes `.env` with the sandbox's `WPAY_*` lines.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { SANDBOX_DEFAULTS } from '@wpay/sandbox';

/**
 * Where `npm run dev` starts the sandbox: `wpay-sandbox`'s usual port (`WPAY_BASE_URL` in `.env`).
 *
 * @example
 * ```ts
 * `http://127.0.0.1:${DEV_SANDBOX_PORT}`; // 'http://127.0.0.1:4010'
 * ```
 */
export const DEV_SANDBOX_PORT = 4010;

/**
 * The shop's own port in `.env` (`PORT`).
 *
 * @example
 * ```ts
 * `http://localhost:${DEV_SHOP_PORT}/`; // the shop
 * ```
 */
export const DEV_SHOP_PORT = 3000;

const TEMPLATE = new URL('../template/', import.meta.url);

/** Files npm would drop or rename when publishing, stored under another name in template/. */
const RENAMED: Record<string, string> = { gitignore: '.gitignore' };

/**
 * Options of {@link scaffold}.
 *
 * @example
 * ```ts
 * const options: ScaffoldOptions = { name: 'my-shop' };
 * ```
 */
export interface ScaffoldOptions {
  /** The package name (default: the directory's name). */
  name?: string;
}

/**
 * What {@link scaffold} wrote.
 *
 * @example
 * ```ts
 * const { dir, files }: ScaffoldResult = await scaffold('my-shop');
 * ```
 */
export interface ScaffoldResult {
  /** The absolute directory. */
  dir: string;
  /** Every file written, relative to `dir`, sorted. */
  files: string[];
}

/**
 * Writes the starter shop into `target` (created; it must not exist or be empty).
 *
 * @example
 * ```ts
 * import { scaffold } from 'create-wpay';
 * const { dir } = await scaffold('my-shop');
 * ```
 */
export async function scaffold(
  target: string,
  options: ScaffoldOptions = {},
): Promise<ScaffoldResult> {
  const dir = resolve(target);
  const name = options.name ?? basename(dir);
  if (!/^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/.test(name)) {
    throw new Error(
      `"${name}" is not a valid npm package name: use lower case letters, digits and - (e.g. my-shop)`,
    );
  }
  const existing = await readdir(dir).catch(() => []);
  if (existing.length > 0) throw new Error(`${dir} is not empty: give a new directory`);
  const manifest = JSON.parse(
    await readFile(new URL('../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  const values: Record<string, string> = { name, wpayVersion: `^${manifest.version}` };

  const files: string[] = [];
  for (const file of await filesUnder(TEMPLATE)) {
    const text = await readFile(new URL(file, TEMPLATE), 'utf8');
    const to = file
      .split('/')
      .map((part) => RENAMED[part] ?? part)
      .join('/');
    await mkdir(join(dir, to, '..'), { recursive: true });
    await writeFile(
      join(dir, to),
      text.replace(/\{\{(\w+)\}\}/g, (all, key: string) => values[key] ?? all),
    );
    files.push(to);
  }
  await writeFile(join(dir, '.env'), envFile());
  files.push('.env');
  return { dir, files: files.sort() };
}

/** `.env`: the lines `wpay-sandbox --port 4010` prints, and the shop's port. */
function envFile(): string {
  const { apiKey, apiSecret, signKey } = SANDBOX_DEFAULTS.credentials;
  return [
    '# The local WPay sandbox that `npm run dev` starts (test credentials, not secrets).',
    '# For real WPay: your keys, WPAY_ENV=sandbox or production instead of WPAY_BASE_URL, PUBLIC_URL.',
    `WPAY_BASE_URL=http://127.0.0.1:${DEV_SANDBOX_PORT}`,
    `WPAY_API_KEY=${apiKey}`,
    `WPAY_API_SECRET=${apiSecret}`,
    `WPAY_SIGN_KEY=${signKey}`,
    `PORT=${DEV_SHOP_PORT}`,
    '',
  ].join('\n');
}

async function filesUnder(root: URL): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const base = resolve(root.pathname);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(base, join(entry.parentPath, entry.name)).split('\\').join('/'));
}
