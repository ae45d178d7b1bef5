// The package is data and types only: no runtime dependency, no import of another package.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = readdirSync(`${PACKAGE_DIR}src`).filter(
  (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
);

describe('@wpay/protocol', () => {
  it('has no dependencies', () => {
    const manifest = JSON.parse(readFileSync(`${PACKAGE_DIR}package.json`, 'utf8'));
    assert.equal(manifest.dependencies, undefined);
    assert.equal(manifest.peerDependencies, undefined);
  });

  it('imports nothing but its own files', () => {
    for (const file of SOURCES) {
      const text = readFileSync(`${PACKAGE_DIR}src/${file}`, 'utf8');
      for (const [, specifier] of text.matchAll(/^(?:import|export) [^;]*? from '([^']+)'/gm)) {
        assert.match(specifier as string, /^\.\/[\w-]+\.js$/, `${file} imports ${specifier}`);
      }
    }
  });

  it('publishes its vectors', () => {
    const manifest = JSON.parse(readFileSync(`${PACKAGE_DIR}package.json`, 'utf8'));
    assert.ok(manifest.files.includes('vectors'));
    assert.equal(manifest.exports['./vectors/signatures.json'], './vectors/signatures.json');
    assert.equal(manifest.exports['./vectors/webhooks.json'], './vectors/webhooks.json');
  });
});
