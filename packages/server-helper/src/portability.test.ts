// The core (everything reachable from src/index.ts) runs on any runtime with fetch and Web Crypto:
// no node:* imports, no Node globals. Read the import graph from the sources.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

function reachable(entry: string): Map<string, string> {
  const files = new Map<string, string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    const source = readFileSync(file, 'utf8');
    files.set(file, source);
    for (const match of source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      const specifier = match[1] ?? '';
      if (specifier.startsWith('.'))
        queue.push(join(dirname(file), specifier.replace(/\.js$/, '.ts')));
    }
  }
  return files;
}

describe('the core entry point', () => {
  const files = reachable(join(here, 'index.ts'));

  it('reaches the client modules', () => {
    assert.ok([...files.keys()].some((file) => file.endsWith('wpay.ts')));
  });

  it('imports nothing from node:*', () => {
    for (const [file, source] of files) {
      assert.doesNotMatch(
        source,
        /^\s*(?:import|export)[^;]*?from\s+'node:/m,
        relative(here, file),
      );
    }
  });

  it('uses no Node-only globals in code (comments and strings aside)', () => {
    // The exceptions: node-hmac.ts and node-http.ts reach node:crypto / node:http only through
    // process.getBuiltinModule, when the runtime has it (sign.test.ts and node-http.test.ts
    // cover both paths).
    const guarded = new Set([join('transport', 'node-hmac.ts'), join('transport', 'node-http.ts')]);
    for (const [file, source] of files) {
      if (guarded.has(relative(here, file))) continue;
      const code = source
        .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
        .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
      assert.doesNotMatch(
        code,
        /\bBuffer\.|\bprocess\.|\brequire\(|\bimport\(\s*'node:/,
        relative(here, file),
      );
    }
  });
});
