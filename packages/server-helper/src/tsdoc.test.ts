// Every public export (of `.`, `./node`, `./redis` and `./schemas`) carries TSDoc with an @example.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ENTRIES = ['index.ts', 'node.ts', 'redis.ts', 'schemas.ts'].map((file) =>
  fileURLToPath(new URL(file, import.meta.url)),
);

describe('the public API docs', () => {
  it('give every export of every entry point an @example', () => {
    const program = ts.createProgram(ENTRIES, {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      customConditions: ['@wpay/source'],
      strict: true,
      noEmit: true,
    });
    const checker = program.getTypeChecker();
    const missing: string[] = [];
    for (const entry of ENTRIES) {
      const source = program.getSourceFile(entry);
      const module = source && checker.getSymbolAtLocation(source);
      assert.ok(module, `cannot read ${entry}`);
      const exports = checker.getExportsOfModule(module);
      assert.ok(exports.length > 0, `no exports read from ${entry}`);
      for (const exported of exports) {
        const symbol =
          exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
        const tags = symbol.getJsDocTags(checker).map((tag) => tag.name);
        if (!tags.includes('example')) missing.push(exported.name);
      }
    }
    assert.deepEqual(missing, [], `exports without an @example: ${missing.join(', ')}`);
  });
});
