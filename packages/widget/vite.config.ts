import { defineConfig } from 'vite';
import { adoptedStyleSheetsOnly } from './adopted-stylesheets-only.js';
import { localeFiles } from './locale-files.js';
import { minifyCssTemplates } from './minify-css-templates.js';
import { subresourceIntegrity } from './subresource-integrity.js';

/** Lit stays out of the npm build: the consumer's bundler shares it with their other Lit code. */
const LIT = [/^lit(\/|$)/, /^@lit\//, /^lit-(html|element)(\/|$)/];

/**
 * The widget's internal members (`_phase`, `_fetch()`…; README: they may change in any release),
 * renamed by the no-build files' minifier. Lit's own (`_$…`) are left as Lit named them.
 */
const INTERNAL_MEMBERS = /^_[a-zA-Z]/;

/** The no-build files: one entry each (a library build of IIFE format takes one entry). */
const NO_BUILD: Readonly<
  Record<string, { entry: string; file: string; format: 'iife' | 'es'; buttonOnly?: boolean }>
> = {
  iife: { entry: 'src/iife.ts', file: 'wpay-widget.iife.js', format: 'iife' },
  'button-iife': {
    entry: 'src/iife-button.ts',
    file: 'wpay-button.iife.js',
    format: 'iife',
    buttonOnly: true,
  },
  bundle: { entry: 'src/index.ts', file: 'wpay-widget.bundle.js', format: 'es' },
};

/**
 * The npm build's entries, one per subpath of `exports`: dist/index.js, dist/button.js and
 * dist/react.js ('use client' kept), which imports React and dist/index.js, never a copy.
 */
const NPM_ENTRIES = { index: 'src/index.ts', button: 'src/button.ts', react: 'src/react.ts' };
const npmExternal = (id: string, importer?: string) =>
  [...LIT, /^react(\/|$)/].some((re) => re.test(id)) ||
  (id === './index.js' && importer?.endsWith('/src/react.ts') === true);
/** The server build bundles Lit's Node build (its DOM shim inside): only React stays out. */
const serverExternal = (id: string, importer?: string) =>
  /^react(\/|$)/.test(id) || (id === './index.js' && importer?.endsWith('/src/react.ts') === true);

// Library builds from the sources:
// - `vite build`                    → dist/index.js and dist/button.js (+ shared chunks), ESM for
//   npm, readable (no JSDoc: see dist/types), Lit left to the consumer;
// - `vite build --mode iife`        → dist/wpay-widget.iife.js, one minified file with Lit inside;
// - `vite build --mode button-iife` → dist/wpay-button.iife.js, the same for <wpay-button> alone;
// - `vite build --mode bundle`      → dist/wpay-widget.bundle.js, the full file as one ES module
//   (for `<script type="module">` without a build step);
//   the no-build files get their SRI hash beside them (`….js.sri`, subresource-integrity.ts)
//   and fetch the languages besides English from dist/wpay-widget.locales.json (locale-files.ts);
// - `vite build --mode server`      → dist/server/*.js, the npm build for server runtimes without
//   a DOM (the `workerd`, `edge-light` and `worker` conditions): Lit's Node build inside, whose
//   DOM shim makes importing safe (no `HTMLElement is not defined`); the tags render on the client.
// `pnpm bench` (bench/size.section.ts) also bundles the npm build as a shop's build would.
export default defineConfig(({ mode }) => {
  const noBuild = NO_BUILD[mode];
  const server = mode === 'server';
  return {
    ...(server ? { resolve: { conditions: ['node', 'module', 'production'] } } : {}),
    plugins: [
      minifyCssTemplates(),
      ...(noBuild
        ? [
            adoptedStyleSheetsOnly(),
            localeFiles(noBuild.format, { buttonOnly: noBuild.buttonOnly ?? false }),
            subresourceIntegrity(),
          ]
        : []),
    ],
    build: {
      target: 'es2022',
      outDir: server ? 'dist/server' : 'dist',
      emptyOutDir: false,
      sourcemap: true,
      // Two minifiers on the no-build files: terser (safe transforms only, two passes, function
      // declarations hoisted) and then rolldown's oxc (`output.minify` below): each finds what the
      // other leaves, about 110 B gzip of each IIFE file. Neither adds syntax newer than the es2022
      // target, nor eval. `keep_fargs: false` drops unused parameters (nothing in these files reads
      // a function's `length`), which lets terser inline Lit's `JSCompiler_renameProperty`.
      minify: noBuild ? 'terser' : false,
      terserOptions: {
        ecma: 2020,
        compress: { passes: 2, hoist_funs: true, keep_fargs: false },
        mangle: true,
      },
      reportCompressedSize: false,
      lib: noBuild
        ? {
            entry: noBuild.entry,
            formats: [noBuild.format],
            name: 'WPayWidget',
            fileName: () => noBuild.file,
          }
        : {
            entry: NPM_ENTRIES,
            formats: ['es'],
            fileName: (_format, name) => `${name}.js`,
          },
      rolldownOptions: {
        external: noBuild ? [] : server ? serverExternal : npmExternal,
        // src/react.ts starts with 'use client': kept in dist/react.js, rolldown only warns.
        onLog: (level, log, handler) =>
          log.code !== 'MODULE_LEVEL_DIRECTIVE' && handler(level, log),
        // The npm build keeps its code readable but not its JSDoc (the types in dist/types carry
        // it); the no-build files rename the internal members, and the single-file module drops its
        // whitespace too (`codegen`: Vite keeps it in ES library builds).
        output: {
          comments: { jsdoc: false },
          chunkFileNames: 'chunks/[name]-[hash].js',
          ...(noBuild
            ? { minify: { codegen: true, mangleProps: { include: INTERNAL_MEMBERS } } }
            : {}),
        },
      },
    },
  };
});
