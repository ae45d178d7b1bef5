import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from './chromium-launch-options.js';

const REPO = fileURLToPath(new URL('../../../..', import.meta.url));
/** The definition, and this file (which checks what it holds). */
const DEFINITION = 'packages/sandbox/src/testing/chromium-launch-options.ts';
const ITS_TEST = DEFINITION.replace(/\.ts$/, '.test.ts');
/**
 * The one file allowed to name the binary besides the definition: the installer (`npm test`'s
 * apt step), which runs before anything is built and so cannot import the definition.
 */
const INSTALLER = 'scripts/setup.mjs';

describe('when a test harness launches Chromium', () => {
  const saved = process.env.WPAY_CHROMIUM;
  afterEach(() => {
    if (saved === undefined) delete process.env.WPAY_CHROMIUM;
    else process.env.WPAY_CHROMIUM = saved;
  });

  it("runs Debian's /usr/bin/chromium headless, with the switches a root container needs", () => {
    delete process.env.WPAY_CHROMIUM;
    const options = chromiumLaunchOptions();
    assert.equal(options.executablePath, '/usr/bin/chromium');
    assert.equal(options.headless, true);
    assert.ok(options.args.includes('--no-sandbox'), String(options.args));
  });

  it('runs the binary WPAY_CHROMIUM names, and adds the extra switches after the CI ones', () => {
    process.env.WPAY_CHROMIUM = '/opt/chromium/chrome';
    const options = chromiumLaunchOptions({ args: ['--lang=de-DE'] });
    assert.equal(options.executablePath, '/opt/chromium/chrome');
    assert.equal(options.args.at(-1), '--lang=de-DE');
    assert.equal(chromiumLaunchOptions({ executablePath: '/x' }).executablePath, '/x');
  });

  it('gives each caller its own arrays', () => {
    chromiumLaunchOptions().args.push('--changed');
    assert.ok(!chromiumLaunchOptions().args.includes('--changed'));
  });

  it('is defined once: no other file of the repository spells the binary or the switches', () => {
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: REPO, encoding: 'utf8' })
      .split('\0')
      .filter(
        (file) => /\.(?:[cm]?[jt]s|tsx)$/.test(file) && file !== DEFINITION && file !== ITS_TEST,
      );
    const copies = tracked.flatMap((file) => {
      const text = readFileSync(join(REPO, file), 'utf8');
      const found = [];
      if (/['"`]--(?:no-sandbox|disable-background-networking)['"`]/.test(text)) {
        found.push(`${file}: the launch switches`);
      }
      if (/['"`]\/usr\/bin\/chromium['"`]/.test(text) && file !== INSTALLER) {
        found.push(`${file}: the binary's path`);
      }
      return found;
    });
    assert.deepEqual(copies, [], "import chromiumLaunchOptions from '@wpay/sandbox/testing'");
  });
});
