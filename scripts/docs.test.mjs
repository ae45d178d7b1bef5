// `pnpm docs` builds one site (guides, API reference, widget elements) with no broken link.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildDocs } from './docs.mjs';
import { brokenLinks } from './docs-links.mjs';

describe('when pnpm docs builds the site', () => {
  let out;
  let built;
  before(async () => {
    out = join(await mkdtemp(join(tmpdir(), 'wpay-site-')), 'site');
    built = await buildDocs({ out });
  });
  after(() => rm(join(out, '..'), { recursive: true, force: true }));

  it('builds without a TypeDoc error or warning', () => {
    assert.deepEqual(
      { errors: built.errors, warnings: built.warnings },
      { errors: 0, warnings: 0 },
    );
  });

  it('has no broken internal link or anchor', () => {
    assert.deepEqual(brokenLinks(out), []);
  });

  it("has the helper's and the sandbox's API, the widget's elements and the guides", async () => {
    for (const page of [
      'classes/_wpay_server-helper.WPay.html',
      'functions/_wpay_server-helper_node.toNodeHandler.html',
      'functions/_wpay_sandbox.startSandbox.html',
      'functions/_wpay_sandbox_testing.withSandbox.html',
    ]) {
      assert.ok(existsSync(join(out, page)), page);
    }
    const elements = await readFile(
      join(out, 'documents/_wpay_widget__custom_elements.html'),
      'utf8',
    );
    assert.match(elements, /&lt;wpay-button&gt;/);
    assert.match(elements, /&lt;wpay-return&gt;/);
    const front = await readFile(join(out, 'index.html'), 'utf8');
    assert.match(front, /href="documents\/packages_sandbox_README\.html"/);
  });
});
