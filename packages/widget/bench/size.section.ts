// Section: the widget's sizes, gzip (level 9) and brotli (quality 11), of the files a page
// downloads: the no-build files, the languages file, and the npm build as a shop's bundler ships
// it (Lit included, minified, the entry chunk a page loads first). Deterministic: one run.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { FigureMeta, Section } from '../../../bench/harness.mjs';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

/**
 * The gzip budgets of `.size-limit.json` (the one place they are written; `pnpm test` checks them
 * with size-limit), in bytes as size-limit reads them: `kB` is 1 000 B, rounded down.
 */
const BUDGETS: ReadonlyMap<string, number> = new Map(
  (
    JSON.parse(readFileSync(join(PACKAGE_DIR, '.size-limit.json'), 'utf8')) as {
      path: string;
      limit: string;
    }[]
  ).map(({ path, limit }) => {
    const [, amount = '', unit] = /^([\d.]+)\s*(B|kB)$/.exec(limit) ?? [];
    if (!unit) throw new Error(`.size-limit.json: cannot read the limit ${limit} of ${path}`);
    return [path, Math.floor(Number(amount) * (unit === 'kB' ? 1000 : 1))];
  }),
);
const budget = (file: string) => {
  const bytes = BUDGETS.get(file);
  if (bytes === undefined) throw new Error(`.size-limit.json has no budget for ${file}`);
  return bytes;
};

/** What a page downloads, by label: a file of dist/, or an entry a consumer's build bundles. */
const FILES: Record<string, { file: string; budget?: number; target?: number }> = {
  'IIFE, both elements': {
    file: 'dist/wpay-widget.iife.js',
    budget: budget('dist/wpay-widget.iife.js'),
    target: 8000,
  },
  'IIFE, button only': {
    file: 'dist/wpay-button.iife.js',
    budget: budget('dist/wpay-button.iife.js'),
    target: 6500,
  },
  'ES module bundle': {
    file: 'dist/wpay-widget.bundle.js',
    budget: budget('dist/wpay-widget.bundle.js'),
  },
  'languages file (not on English pages)': { file: 'dist/wpay-widget.locales.json' },
  'consumer ESM, @wpay/widget': { file: 'bench/out/consumer/index/index.js' },
  'consumer ESM, @wpay/widget/button': { file: 'bench/out/consumer/button/button.js' },
  "Lit's bare ReactiveElement (for scale)": {
    file: 'bench/out/consumer/reactive-element/reactive-element.js',
  },
};

/** Each entry as a shop's bundler takes it (one build each, as a shop imports one): Lit bundled, minified. */
const CONSUMER_ENTRIES = {
  index: 'dist/index.js',
  button: 'dist/button.js',
  'reactive-element': 'bench/reactive-element-probe.js',
};

async function consumerBuild(): Promise<void> {
  for (const [name, entry] of Object.entries(CONSUMER_ENTRIES)) {
    await build({
      root: PACKAGE_DIR,
      configFile: false,
      logLevel: 'warn',
      build: {
        outDir: `bench/out/consumer/${name}`,
        emptyOutDir: true,
        minify: true,
        target: 'es2022',
        reportCompressedSize: false,
        rolldownOptions: {
          input: { [name]: join(PACKAGE_DIR, entry) },
          output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
        },
      },
    });
  }
}

/** The bytes a page loads first for an entry: the file and every chunk it imports statically. */
function entryBytes(file: string, seen = new Set<string>()): Buffer[] {
  const path = join(PACKAGE_DIR, file);
  if (seen.has(path)) return [];
  seen.add(path);
  const code = readFileSync(path);
  const imports = [...code.toString('utf8').matchAll(/\bfrom\s*["'](\.\.?\/[^"']+)["']/g)];
  return [
    code,
    ...imports.flatMap(([, specifier]) =>
      entryBytes(relative(PACKAGE_DIR, join(path, '..', specifier ?? '')), seen),
    ),
  ];
}

const figures: Record<string, FigureMeta> = {};
for (const [label, { budget, target }] of Object.entries(FILES)) {
  figures[`${label} gzip`] = {
    unit: 'B',
    better: 'lower',
    ...(budget ? { budget: ['<=', budget] as const } : {}),
    ...(target ? { target: { value: ['<=', target] as const } } : {}),
  };
  figures[`${label} brotli`] = { unit: 'B', better: 'lower' };
}

const section: Section = {
  id: 'widget-size',
  title: 'Widget sizes (gzip -9, brotli 11)',
  description:
    'dist/ after `pnpm --filter @wpay/widget build`; consumer ESM: dist/index.js or dist/button.js bundled with Lit by Vite, minified, with the chunks it imports statically.',
  once: true,
  figures,
  async measure() {
    execFileSync('pnpm', ['run', 'build'], { cwd: PACKAGE_DIR, stdio: 'ignore' });
    await consumerBuild();
    const sizes: Record<string, number> = {};
    for (const [label, { file }] of Object.entries(FILES)) {
      const bytes = Buffer.concat(entryBytes(file));
      sizes[`${label} gzip`] = gzipSync(bytes, { level: 9 }).length;
      sizes[`${label} brotli`] = brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
      }).length;
    }
    return sizes;
  },
};
export default section;
