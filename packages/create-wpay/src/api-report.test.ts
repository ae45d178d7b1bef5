// The public surface is chosen on purpose: any change of an export's name or kind must show up
// in api-report.txt, in review. Run `pnpm api:update` after changing the surface on purpose.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readReport, reportFor } from '../../../scripts/api-report.mjs';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

describe('the public API', () => {
  it('is the one api-report.txt lists (run `pnpm api:update` if the change is meant)', () => {
    assert.equal(reportFor(PACKAGE_DIR), readReport(PACKAGE_DIR));
  });
});
