import { defineConfig } from 'vite';
import { minifyCssTemplates } from './minify-css-templates.js';
import { subresourceIntegrity } from './subresource-integrity.js';

/** Lit stays out of the npm build: the consumer's bundler shares it with their other Lit code. */
const LIT = [/^lit(\/|$)/, /^@lit\//, /^lit-(html|element)(\/|$)/];

/** The file each mode writes (the npm build: dist/index.js). */
const FILE_NAMES: Readonly<Record<string, string>> = {
  iife: 'wpay-widget.iife.js',
  bundle: 'wpay-widget.bundle.js',
  'esm-min': 'index.min.js',
};

// Four library builds from the sources:
// - `vite build`                → dist/index.js, ESM for npm, readable (no JSDoc: see dist/types),
//   Lit left to the consumer;
// - `vite build --mode iife`    → dist/wpay-widget.iife.js, one minified file with Lit inside;
// - `vite build --mode bundle`  → dist/wpay-widget.bundle.js, the same as one ES module (for
//   `<script type="module">` without a build step);
//   both no-build files get their SRI hash beside them (`….js.sri`, subresource-integrity.ts);
// - `vite build --mode esm-min` → bench/out/index.min.js, the npm build as a consumer's bundler
//   minifies it (Lit excluded): not shipped, only measured by `pnpm bench`.
export default defineConfig(({ mode }) => {
  const iife = mode === 'iife';
  const bench = mode === 'esm-min';
  const bundle = mode === 'bundle';
  return {
    plugins: [minifyCssTemplates(), ...(iife || bundle ? [subresourceIntegrity()] : [])],
    build: {
      target: 'es2022',
      outDir: bench ? 'bench/out' : 'dist',
      emptyOutDir: false,
      sourcemap: !bench,
      minify: iife || bench || bundle,
      reportCompressedSize: false,
      lib: {
        entry: iife ? 'src/iife.ts' : 'src/index.ts',
        formats: [iife ? 'iife' : 'es'],
        name: 'WPayWidget',
        fileName: () => FILE_NAMES[mode] ?? 'index.js',
      },
      rolldownOptions: {
        external: iife || bundle ? [] : LIT,
        // The npm build keeps its code readable but not its JSDoc (the types in dist/types carry
        // it) nor, for the measured copy, its whitespace (Vite keeps that in ES library builds).
        output: { comments: { jsdoc: false }, ...(bench || bundle ? { minify: true } : {}) },
      },
    },
  };
});
