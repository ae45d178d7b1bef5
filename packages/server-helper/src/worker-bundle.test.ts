import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { measureWorkerBundle, WORKER_BUNDLE_BUDGET_BYTES } from './test/worker-bundle.js';

describe('when a minimal Cloudflare Worker bundles the helper', () => {
  it('stays within its size budget (minified)', async () => {
    const { bytes, largest } = await measureWorkerBundle();
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(
      `# minimal Worker bundle: ${kb(bytes)} minified (budget ${kb(WORKER_BUNDLE_BUDGET_BYTES)})`,
    );
    assert.ok(
      bytes <= WORKER_BUNDLE_BUDGET_BYTES,
      `${kb(bytes)} is above the budget; largest inputs: ${largest.map((i) => `${i.path} ${kb(i.bytes)}`).join(', ')}`,
    );
  });
});
