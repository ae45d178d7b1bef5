// Section: the size of a minimal Cloudflare Worker using the helper (bench/worker/worker.ts),
// bundled by esbuild as Wrangler does (ESM, browser platform, `workerd` condition), minified;
// gzip and brotli. Deterministic: one run.
import { createRequire } from 'node:module';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Section } from '../../../bench/harness.mjs';

interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { contents: Uint8Array }[] }>;
}
// esbuild is the one tsx runs on; the workspace has no direct dependency on it.
const esbuild = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'))(
  'esbuild',
) as Esbuild;

const section: Section = {
  id: 'worker-bundle',
  title: 'Minimal Worker bundle with the helper (esbuild, minified)',
  description: 'bench/worker/worker.ts: a checkout and a webhook route; zod included.',
  once: true,
  figures: {
    'minified B': { unit: 'B', better: 'lower' },
    'gzip B': { unit: 'B', better: 'lower' },
    'brotli B': { unit: 'B', better: 'lower' },
  },
  async measure() {
    const result = await esbuild.build({
      entryPoints: [new URL('./worker/worker.ts', import.meta.url).pathname],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      // Workspace packages from their sources, like the rest of the bench: no build needed.
      conditions: ['@wpay/source', 'workerd', 'worker', 'browser'],
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.contents ?? new Uint8Array();
    return {
      'minified B': code.length,
      'gzip B': gzipSync(code, { level: 9 }).length,
      'brotli B': brotliCompressSync(code).length,
    };
  },
};
export default section;
