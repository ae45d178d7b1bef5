// Section: the size of a minimal Cloudflare Worker using the helper, bundled by
// measureWorkerBundle() exactly as the size budget test bundles it (src/worker-bundle.test.ts);
// minified, gzip and brotli. Also the same Worker with its body schema in zod classic, whose
// extra size is zod classic's, chosen by the app. Deterministic: one run.
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Section } from '../../../bench/harness.mjs';
import { measureWorkerBundle, WORKER_BUNDLE_BUDGET_BYTES } from '../src/test/worker-bundle.js';

const section: Section = {
  id: 'worker-bundle',
  title: 'Minimal Worker bundle with the helper (esbuild, minified)',
  description:
    'src/test/worker-app.ts (the app the size budget test bundles; its body schema in zod/mini); ' +
    '"classic body": the same Worker with its body schema in zod classic (worker-app-classic-zod.ts).',
  once: true,
  figures: {
    'minified B': { unit: 'B', better: 'lower', budget: ['<=', WORKER_BUNDLE_BUDGET_BYTES] },
    'gzip B': { unit: 'B', better: 'lower' },
    'brotli B': { unit: 'B', better: 'lower' },
    'classic body minified B': { unit: 'B', better: 'lower' },
    'classic body gzip B': { unit: 'B', better: 'lower' },
  },
  async measure() {
    // Workspace packages from their sources, like the rest of the bench: no build needed.
    const { code } = await measureWorkerBundle({ source: true });
    const classic = await measureWorkerBundle({ source: true, app: 'classic-zod-body' });
    return {
      'minified B': code.length,
      'gzip B': gzipSync(code, { level: 9 }).length,
      'brotli B': brotliCompressSync(code).length,
      'classic body minified B': classic.code.length,
      'classic body gzip B': gzipSync(classic.code, { level: 9 }).length,
    };
  },
};
export default section;
