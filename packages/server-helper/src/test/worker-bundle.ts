/**
 * The size of a minimal Cloudflare Worker that uses the helper (worker-app.ts, or the same Worker
 * with its body schema in zod classic, worker-app-classic-zod.ts): bundled by esbuild
 * the way Wrangler does (ESM, `workerd` / `worker` / `browser` conditions, platform neutral),
 * minified. The size budget test and `pnpm bench` both call it.
 *
 * @module
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The budget of the minified Worker (worker-app.ts), in bytes: issue 13 asks for at most 160 KB. */
export const WORKER_BUNDLE_BUDGET_BYTES = 160 * 1024;

/** The Worker apps: the minimal one, and the same with its body schema in zod classic. */
export const WORKER_APPS = {
  minimal: './worker-app.ts',
  'classic-zod-body': './worker-app-classic-zod.ts',
} as const;

/**
 * Bundles a Worker app (default worker-app.ts) and answers its minified size and its largest inputs.
 *
 * @example
 * ```ts
 * const { bytes } = await measureWorkerBundle();
 * console.log(`minimal Worker: ${(bytes / 1024).toFixed(1)} KB minified`);
 * ```
 */
export async function measureWorkerBundle({
  source = true,
  app = 'minimal',
}: {
  /** Bundle the TypeScript sources (`@wpay/source`); `false` bundles the built `dist`. */
  source?: boolean;
  /** Which Worker app (default the minimal one, which the budget is for). */
  app?: keyof typeof WORKER_APPS;
} = {}): Promise<{
  bytes: number;
  /** The minified bundle itself (for compressed sizes). */
  code: Uint8Array;
  largest: { path: string; bytes: number }[];
}> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(WORKER_APPS[app], import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    mainFields: ['module', 'main'],
    conditions: [...(source ? ['@wpay/source'] : []), 'workerd', 'worker', 'browser'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const [output] = Object.values(result.metafile.outputs);
  const inputs = Object.entries(output?.inputs ?? {}).map(([path, input]) => ({
    path,
    bytes: input.bytesInOutput,
  }));
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return {
    bytes: code.byteLength,
    code,
    largest: inputs.sort((a, b) => b.bytes - a.bytes).slice(0, 5),
  };
}
