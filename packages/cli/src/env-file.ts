/** @module Reads the `WPAY_*` lines of a `.env` file (the lines `wpay-sandbox` prints). */
import { readFile } from 'node:fs/promises';

/**
 * Parses `.env` text: `NAME=value` lines, `export ` allowed, `#` comments, values optionally in
 * single or double quotes. Later lines win.
 *
 * @example
 * ```ts
 * parseEnv('WPAY_API_KEY=k\n# note\nexport WPAY_SIGN_KEY="s"'); // { WPAY_API_KEY: 'k', WPAY_SIGN_KEY: 's' }
 * ```
 */
export function parseEnv(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match) continue;
    const [, name = '', raw = ''] = match;
    const quoted = /^(["'])(.*)\1$/.exec(raw);
    env[name] = quoted ? (quoted[2] ?? '') : raw.replace(/\s+#.*$/, '');
  }
  return env;
}

/**
 * Reads and parses a `.env` file; throws naming the file when it cannot be read.
 *
 * @example
 * ```ts
 * const env = await readEnvFile('.env');
 * ```
 */
export async function readEnvFile(path: string): Promise<Record<string, string>> {
  try {
    return parseEnv(await readFile(path, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`--credentials-from ${path}: ${reason}`);
  }
}
