// Section: the size of a minimal Cloudflare Worker using the helper, bundled by
// measureWorkerBundle() exactly as the size budget test bundles it (src/worker-bundle.test.ts);
// minified, gzip and brotli. Deterministic: one run.
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Section } from '../../../bench/harness.mjs';
import { measureWorkerBundle } from '../src/test/worker-bundle.js';

const section: Section = {
  id: 'worker-bundle',
  title: 'Minimal Worker bundle with the helper (esbuild, minified)',
  description: 'src/test/worker-app.ts (the app the size budget test bundles); zod included.',
  once: true,
  figures: {
    'minified B': { unit: 'B', better: 'lower' },
    'gzip B': { unit: 'B', better: 'lower' },
    'brotli B': { unit: 'B', better: 'lower' },
  },
  async measure() {
    // Workspace packages from their sources, like the rest of the bench: no build needed.
    const { code } = await measureWorkerBundle({ source: true });
    return {
      'minified B': code.length,
      'gzip B': gzipSync(code, { level: 9 }).length,
      'brotli B': brotliCompressSync(code).length,
    };
  },
};
export default section;
