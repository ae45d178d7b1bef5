// Every public export of @wpay/widget carries TSDoc with an @example, and every example compiles:
// ```ts / ```tsx blocks as modules that import the package's public surface, ```html blocks as the
// attributes each <wpay-*> tag is given, checked against the tag's JSX props (unknown attributes,
// bad values of a union, missing required ones fail) and its documented slots. A Node test with the
// TypeScript compiler: the examples are files in memory, never written to disk.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = join(PACKAGE_DIR, 'src/index.ts');
const EXAMPLES_DIR = join(PACKAGE_DIR, 'src/__examples__');

/** Names the examples use without declaring them: the page's own objects. */
const PAGE_GLOBALS = `
declare const button: import('@wpay/widget').WpayButton;
declare const returnEl: import('@wpay/widget').WpayReturn;
declare const quantityInput: HTMLInputElement;
declare const analytics: { track(event: string, data: Record<string, unknown>): void };
declare const monitoring: { capture(message: string, data?: Record<string, unknown>): void };
declare function clearCart(): void;
declare function showHint(): void;
declare function log(message: string): void;
`;

/** The HTML attributes of a tag whose JSX props are `P`: strings, '' for booleans, unions kept. */
const HTML_ATTRIBUTES = `
type HtmlValue<V> = [V] extends [boolean | undefined]
  ? ''
  : [V] extends [string | undefined]
    ? V
    : [V] extends [number | undefined]
      ? \`\${number}\`
      : string;
type NotAttributes = \`on\${string}\` | 'children' | 'key' | 'ref' | 'className' | 'payload' | 'strings';
type HtmlAttributes<P> = { [K in keyof P as K extends NotAttributes ? never : K]: HtmlValue<P[K]> };
`;

const TAG_PROPS = { 'wpay-button': 'WpayButtonJsxProps', 'wpay-return': 'WpayReturnJsxProps' };
const TAG_CLASSES = { 'wpay-button': 'WpayButton', 'wpay-return': 'WpayReturn' };

function compilerOptions() {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(PACKAGE_DIR, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  return {
    ...config.options,
    noEmit: true,
    baseUrl: PACKAGE_DIR,
    paths: { '@wpay/widget': ['./src/index.ts'] },
  };
}

/** Each public export with its kind (value or type) and the @example texts of its TSDoc. */
function publicExports(program) {
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(ENTRY));
  assert.ok(module, `cannot read ${ENTRY}`);
  return checker.getExportsOfModule(module).map((exported) => {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const examples = symbol
      .getJsDocTags(checker)
      .filter((tag) => tag.name === 'example')
      .map((tag) => ts.displayPartsToString(tag.text));
    const slots = symbol
      .getJsDocTags(checker)
      .filter((tag) => tag.name === 'slot')
      .map((tag) => ts.displayPartsToString(tag.text).split(/\s+/)[0])
      .map((name) => (name === '-' ? '' : name));
    const isValue = (symbol.flags & ts.SymbolFlags.Value) !== 0;
    return { name: exported.name, examples, slots, isValue };
  });
}

/** The fenced blocks of an @example text. */
function fencedBlocks(text) {
  return [...text.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(([, lang, code]) => ({ lang, code }));
}

/** A module importing the public surface (minus the names the example imports itself). */
function tsModule(code, surface) {
  const ownImports = new Set(
    [...code.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'@wpay\/widget'/g)].flatMap(
      ([, names]) => names.split(',').map((name) => name.replace(/^\s*type\s+/, '').trim()),
    ),
  );
  const names = surface
    .filter(({ name }) => !ownImports.has(name))
    .map(({ name, isValue }) => (isValue ? name : `type ${name}`));
  return `import { ${names.join(', ')} } from '@wpay/widget';\n${code}\nexport {};\n`;
}

/** One statement per <wpay-*> tag: its attributes as the tag's HTML attributes, its slots known. */
function htmlModule(code, slotsOf) {
  const lines = [`import type { WpayButtonJsxProps, WpayReturnJsxProps } from '@wpay/widget';`];
  lines.push(HTML_ATTRIBUTES);
  const tags = [...code.matchAll(/<(wpay-[a-z-]+)([^>]*)>([\s\S]*?)(?:<\/\1>|$)/g)];
  assert.ok(tags.length > 0, `an html example without a <wpay-*> tag:\n${code}`);
  for (const [index, [, tag, attributes, content]] of tags.entries()) {
    const props = TAG_PROPS[tag];
    assert.ok(props, `unknown tag <${tag}> in an example`);
    const entries = [...attributes.matchAll(/([a-z][\w-]*)(?:="([^"]*)")?/g)].map(
      ([, name, value]) => `${JSON.stringify(name)}: ${JSON.stringify(value ?? '')}`,
    );
    lines.push(`export const tag${index}: HtmlAttributes<${props}> = { ${entries.join(', ')} };`);
    for (const [, slot] of (content ?? '').matchAll(/\sslot="([^"]*)"/g)) {
      assert.ok(slotsOf(tag).includes(slot), `<${tag}> has no slot "${slot}":\n${code}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A compiler host that also serves `files` (in memory) and parses each file once. */
function memoryHost(options, files) {
  const host = ts.createCompilerHost(options);
  const { readFile, fileExists, getSourceFile } = host;
  const parsed = new Map();
  host.readFile = (path) => files.get(path) ?? readFile.call(host, path);
  host.fileExists = (path) => files.has(path) || fileExists.call(host, path);
  host.getSourceFile = (path, language, ...rest) => {
    if (files.has(path)) return ts.createSourceFile(path, files.get(path), language, true);
    if (!parsed.has(path)) parsed.set(path, getSourceFile.call(host, path, language, ...rest));
    return parsed.get(path);
  };
  return host;
}

/** The examples' own diagnostics (the sources they import are checked by `pnpm typecheck`). */
function typeCheck(files, options, host, oldProgram) {
  const program = ts.createProgram({ rootNames: [...files.keys()], options, host, oldProgram });
  return [...files.keys()].flatMap((path) => {
    const file = program.getSourceFile(path);
    const diagnostics = [
      ...program.getSyntacticDiagnostics(file),
      ...program.getSemanticDiagnostics(file),
    ];
    return diagnostics.map((d) => {
      const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
      return `${path.slice(EXAMPLES_DIR.length + 1)}: ${message}\n${files.get(path)}`;
    });
  });
}

describe('the TSDoc of the public API', () => {
  const options = compilerOptions();
  const files = new Map([[join(EXAMPLES_DIR, 'page-globals.d.ts'), PAGE_GLOBALS]]);
  const host = memoryHost(options, files);
  const program = ts.createProgram({ rootNames: [ENTRY], options, host });
  const surface = publicExports(program);

  it('gives every export an @example', () => {
    assert.ok(surface.length > 10, `only ${surface.length} exports found`);
    const missing = surface.filter(({ examples }) => examples.length === 0).map((e) => e.name);
    assert.deepEqual(missing, [], `exports without an @example: ${missing.join(', ')}`);
  });

  it('has examples that compile, the element classes’ HTML included', () => {
    const slotsOf = (tag) => surface.find(({ name }) => name === TAG_CLASSES[tag])?.slots ?? [];
    for (const { name, examples } of surface) {
      const blocks = examples.flatMap(fencedBlocks);
      assert.ok(
        blocks.length > 0 || examples.length === 0,
        `${name}: an @example without a code block`,
      );
      for (const [index, { lang, code }] of blocks.entries()) {
        const file = join(EXAMPLES_DIR, `${name}-${index}.${lang === 'ts' ? 'ts' : 'tsx'}`);
        if (lang === 'html') files.set(file, htmlModule(code, slotsOf));
        else if (lang === 'ts' || lang === 'tsx') files.set(file, tsModule(code, surface));
        else assert.fail(`${name}: an example in \`${lang}\` (use ts, tsx or html)`);
      }
    }
    for (const element of Object.values(TAG_CLASSES)) {
      assert.ok(
        [...files.keys()].some((file) => file.includes(`/${element}-`) && file.endsWith('.tsx')),
        `${element} has no html example`,
      );
    }
    assert.deepEqual(typeCheck(files, options, host, program), []);
  });
});
