// No module of src/ imports itself back, through any chain of imports (type-only ones included:
// a cycle of types is still two files that cannot be read, moved or split one without the other).
// A Node test: it lists each file's imports with the TypeScript compiler's pre-processor, then
// walks the graph depth-first.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

/** Every .ts/.tsx file under `dir`. */
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The file a relative specifier (`./events.js`, `./i18n/index.js`) names, if it is in src/. */
function resolveImport(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier).replace(/\.js$/, '');
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((path) => existsSync(path));
}

/** File → the files of src/ it imports (static, type-only, re-exports and dynamic imports). */
export function importGraph(files) {
  const graph = new Map();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles.map(({ fileName }) => resolveImport(file, fileName));
    graph.set(file, [...new Set(targets.filter(Boolean))]);
  }
  return graph;
}

/** Each cycle found, as the list of files along it (first file repeated at the end). */
export function findCycles(graph) {
  const cycles = [];
  const done = new Set();
  const path = [];
  const visit = (file) => {
    const at = path.indexOf(file);
    if (at !== -1) {
      cycles.push([...path.slice(at), file]);
      return;
    }
    if (done.has(file)) return;
    path.push(file);
    for (const next of graph.get(file) ?? []) visit(next);
    path.pop();
    done.add(file);
  };
  for (const file of graph.keys()) visit(file);
  return cycles;
}

describe('the imports of src/', () => {
  it('form no cycle', () => {
    const cycles = findCycles(importGraph(sourceFiles(SRC))).map((cycle) =>
      cycle.map((file) => relative(SRC, file)).join(' → '),
    );
    assert.deepEqual(cycles, []);
  });

  it('are read from every kind of import (the check itself finds a cycle)', () => {
    const a = join(SRC, 'a.ts');
    const b = join(SRC, 'b.ts');
    const graph = new Map([
      [a, [b]],
      [b, [a]],
    ]);
    assert.deepEqual(findCycles(graph), [[a, b, a]]);
    const { importedFiles } = ts.preProcessFile(
      "import type { X } from './x.js';\nexport { y } from './y.js';\nawait import('./z.js');",
      true,
      true,
    );
    assert.deepEqual(
      importedFiles.map((f) => f.fileName),
      ['./x.js', './y.js', './z.js'],
    );
  });
});
