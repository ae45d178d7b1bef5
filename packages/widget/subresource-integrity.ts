import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Writes the Subresource Integrity hash (`sha384-…`, base64) of each JavaScript file a build
 * emits into `<file>.sri` beside it, from the bytes on disk: the value of a `<script integrity>`
 * that loads the no-build files from a CDN. scripts/packages.test.mjs checks each against its file.
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [subresourceIntegrity()] }); // dist/x.js → dist/x.js.sri
 * ```
 */
export function subresourceIntegrity(): Plugin {
  return {
    name: 'wpay-subresource-integrity',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      for (const file of Object.keys(bundle).filter((name) => name.endsWith('.js'))) {
        const bytes = await readFile(join(dir, file));
        const hash = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
        await writeFile(join(dir, `${file}.sri`), `${hash}\n`);
      }
    },
  };
}
