// The CommonJS side of a package's `exports`: run by each published package's build, in its
// folder, after the ES modules and their `.d.ts` files are written.
//
// The packages are ES modules. A CommonJS shop `require()`s them (Node ^20.19 || >=22.12 loads
// ES modules synchronously), but TypeScript types a `require` by the file it resolves to: under
// `module: node16` (and `nodenext` before TypeScript 5.8) an ES-module `.d.ts` is error TS1479.
// So each entry's `require` branch points at CommonJS files made here from the ES ones:
// - `x.cjs`: `module.exports = require('./x.js')`, the one ES module instance (no second copy of
//   the code: no dual-package hazard, `instanceof` holds across `import` and `require`);
// - `x.d.cts`: a copy of `x.d.ts` (and of every `.d.ts` it imports) whose relative imports name
//   the `.cjs` twins, so that the whole type tree is read as CommonJS.
// The `require` branch is the `import` branch with `.js` → `.cjs` and `.d.ts` → `.d.cts`; a
// target outside dist/ (the widget's frameworks/) gets its twin under dist/ (`dist/<path>`).
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

/** The CommonJS twin of an `import`-branch target (a path like `./dist/index.js`). */
export function commonjsTwin(target) {
  const inDist = target.startsWith('./dist/') ? target : `./dist/${target.slice(2)}`;
  if (inDist.endsWith('.d.ts')) return `${inDist.slice(0, -'.d.ts'.length)}.d.cts`;
  if (inDist.endsWith('.js')) return `${inDist.slice(0, -'.js'.length)}.cjs`;
  return undefined;
}

/**
 * The `require` branch an `import` branch needs: every `.js` / `.d.ts` target swapped for its
 * CommonJS twin, any other condition (the workspace's source one) kept as is.
 */
export function requireBranchOf(importBranch) {
  return Object.fromEntries(
    Object.entries(importBranch).map(([condition, target]) => [
      condition,
      typeof target === 'string' ? (commonjsTwin(target) ?? target) : requireBranchOf(target),
    ]),
  );
}

/** Each `[importTarget, requireTarget]` pair of a manifest's exports with both branches. */
export function twinPairs(exports) {
  const pairs = [];
  const walk = (importBranch, requireBranch) => {
    for (const [condition, target] of Object.entries(importBranch)) {
      const twin = requireBranch[condition];
      if (typeof target === 'string') {
        if (twin !== target) pairs.push([target, twin]);
      } else walk(target, twin);
    }
  };
  for (const entry of Object.values(exports)) {
    if (entry && typeof entry === 'object' && entry.import && entry.require) {
      walk(entry.import, entry.require);
    }
  }
  return pairs;
}

/** A relative specifier (`./x.js`) of `from` rewritten for `to`, naming the `.cjs` twin. */
function rewriteSpecifier(specifier, from, to) {
  const target = resolve(dirname(from), specifier);
  let twin = relative(dirname(to), target).split('\\').join('/');
  if (!twin.startsWith('.')) twin = `./${twin}`;
  return twin.replace(/\.js$/, '.cjs').replace(/\.d\.ts$/, '.d.cts');
}

const RESOLUTION_OPTIONS = {
  module: ts.ModuleKind.Node16,
  moduleResolution: ts.ModuleResolutionKind.Node16,
};

/**
 * Whether TypeScript, resolving the bare `specifier` from the CommonJS file `at`, lands on ES
 * module types (a dependency that is ESM-only, like Lit): such an import needs the
 * `resolution-mode: import` attribute in a `.d.cts`, or it is error TS1479 / TS1541.
 */
function resolvesToModuleTypes(specifier, at) {
  const key = `${dirname(at)}\0${specifier}`;
  if (!moduleTypes.has(key)) moduleTypes.set(key, resolveFormat(specifier, at));
  return moduleTypes.get(key);
}

const moduleTypes = new Map();

function resolveFormat(specifier, at) {
  const { resolvedModule } = ts.resolveModuleName(
    specifier,
    at,
    RESOLUTION_OPTIONS,
    ts.sys,
    undefined,
    undefined,
    ts.ModuleKind.CommonJS,
  );
  if (!resolvedModule) return false;
  const format = ts.getImpliedNodeFormatForFile(
    resolvedModule.resolvedFileName,
    undefined,
    ts.sys,
    RESOLUTION_OPTIONS,
  );
  return format === ts.ModuleKind.ESNext;
}

const IMPORT_ATTRIBUTE = "with { 'resolution-mode': 'import' }";

/** A `.d.ts` file's text as the `.d.cts` at `to`: relative imports name the CommonJS twins. */
export function toDeclarationCts(text, from, to) {
  const relativeImport = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\2/g;
  const esmOnly = (specifier) => !specifier.startsWith('.') && resolvesToModuleTypes(specifier, to);
  return text
    .replace(relativeImport, (_, keyword, quote, specifier) => {
      return `${keyword}${quote}${rewriteSpecifier(specifier, from, to)}${quote}`;
    })
    .replace(/^import (type )?(.+?) from (['"])([^'"]+)\3;$/gm, (line, _type, names, q, id) => {
      if (!esmOnly(id)) return line;
      // Types only, whatever tsc wrote: an attribute is allowed on type-only imports alone.
      const bare = names.replace(/\btype\s+/g, '');
      return `import type ${bare} from ${q}${id}${q} ${IMPORT_ATTRIBUTE};`;
    })
    .replace(/\bimport\((['"])([^'"]+)\1\)/g, (call, q, id) =>
      esmOnly(id) ? `import(${q}${id}${q}, { ${IMPORT_ATTRIBUTE.replace(' {', ': {')} })` : call,
    )
    .replace(/^export (?:type )?\{[^}]*\} from (['"])([^'"]+)\1;$/gm, (line, _q, id) => {
      if (esmOnly(id)) throw new Error(`${from}: re-exporting ESM-only ${id} from CommonJS types`);
      return line;
    })
    .replace(/^\/\/# sourceMappingURL=(.+)$/m, (_, map) => {
      const mapPath = resolve(dirname(from), map);
      return `//# sourceMappingURL=${relative(dirname(to), mapPath).split('\\').join('/')}`;
    });
}

/**
 * The `.cjs` file of an entry: `module.exports` is the ES module's namespace itself. The line
 * `0 && (module.exports = { … })` never runs; it lists the names for Node's CommonJS lexer, so
 * that `import()` of this file (`import(require.resolve(id))`) has the same named exports too.
 */
export function commonjsWrapper(id, names) {
  const lines = [
    "'use strict';",
    '// CommonJS entry: the ES module itself (Node ^20.19 || >=22.12 require()s it).',
    `module.exports = require('${id}');`,
  ];
  if (names.length > 0) lines.push(`0 && (module.exports = { ${names.join(', ')} });`);
  return `${lines.join('\n')}\n`;
}

/** Each entry's value exports (what its `import` types declare as values), by subpath. */
function valueExportNames(packageDir, exports) {
  const roots = new Map();
  for (const [subpath, entry] of Object.entries(exports)) {
    const types = entry && typeof entry === 'object' ? entry.import?.types : undefined;
    if (typeof types === 'string') roots.set(subpath, resolve(packageDir, types));
  }
  const program = ts.createProgram([...roots.values()], {
    ...RESOLUTION_OPTIONS,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const names = new Map();
  for (const [subpath, file] of roots) {
    const source = program.getSourceFile(file);
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) continue;
    const values = checker.getExportsOfModule(module).filter((symbol) => {
      const target =
        symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return (target.flags & ts.SymbolFlags.Value) !== 0;
    });
    names.set(subpath, values.map((symbol) => symbol.getName()).sort());
  }
  return names;
}

/** Every `.d.ts` under `dir`. */
async function declarationsUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Writes the CommonJS twins of the package in `packageDir`: a `.d.cts` for every `.d.ts` under
 * dist/ and for each types target outside it, a `.cjs` wrapper for each JavaScript target.
 * Throws when a `require` branch is not the `import` branch's twin (the manifest is hand-kept).
 */
export async function writeCommonjsEntries(packageDir) {
  const manifest = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8'));
  for (const [subpath, entry] of Object.entries(manifest.exports)) {
    if (!entry || typeof entry !== 'object' || !entry.import) continue;
    const expected = JSON.stringify(requireBranchOf(entry.import));
    if (JSON.stringify(entry.require) !== expected) {
      throw new Error(
        `${manifest.name} exports["${subpath}"].require must be ${expected}: the import branch with its CommonJS twins`,
      );
    }
  }
  const written = new Set();
  const write = async (to, text) => {
    await mkdir(dirname(to), { recursive: true });
    await writeFile(to, text);
    written.add(to);
  };
  const dist = join(packageDir, 'dist');
  for (const from of await declarationsUnder(dist)) {
    const to = `${from.slice(0, -'.d.ts'.length)}.d.cts`;
    await write(to, toDeclarationCts(await readFile(from, 'utf8'), from, to));
  }
  const names = valueExportNames(packageDir, manifest.exports);
  for (const [subpath, entry] of Object.entries(manifest.exports)) {
    if (!entry || typeof entry !== 'object' || !entry.import) continue;
    for (const [target, twin] of twinPairs({ [subpath]: entry })) {
      const from = join(packageDir, target);
      const to = join(packageDir, twin);
      if (written.has(to)) continue;
      if (!existsSync(from)) throw new Error(`${manifest.name}: ${target} was not built`);
      if (twin.endsWith('.d.cts')) {
        await write(to, toDeclarationCts(await readFile(from, 'utf8'), from, to));
      } else {
        const specifier = posix.relative(posix.dirname(twin), target);
        const id = specifier.startsWith('.') ? specifier : `./${specifier}`;
        await write(to, commonjsWrapper(id, names.get(subpath) ?? []));
      }
    }
  }
  return [...written].map((file) => relative(packageDir, file)).sort();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await writeCommonjsEntries(process.cwd());
}
