import { defineConfig } from 'vite';
import { minifyCssTemplates } from './minify-css-templates.js';

/** Lit stays out of the npm build: the consumer's bundler shares it with their other Lit code. */
const LIT = [/^lit(\/|$)/, /^@lit\//, /^lit-(html|element)(\/|$)/];

// Three library builds from the sources:
// - `vite build`                → dist/index.js, ESM for npm, readable (no JSDoc: see dist/types),
//   Lit left to the consumer;
// - `vite build --mode iife`    → dist/wpay-widget.iife.js, one minified file with Lit inside;
// - `vite build --mode esm-min` → bench/out/index.min.js, the npm build as a consumer's bundler
//   minifies it (Lit excluded): not shipped, only measured by `pnpm bench`.
export default defineConfig(({ mode }) => {
  const iife = mode === 'iife';
  const bench = mode === 'esm-min';
  return {
    plugins: [minifyCssTemplates()],
    build: {
      target: 'es2022',
      outDir: bench ? 'bench/out' : 'dist',
      emptyOutDir: false,
      sourcemap: !bench,
      minify: iife || bench,
      reportCompressedSize: false,
      lib: {
        entry: iife ? 'src/iife.ts' : 'src/index.ts',
        formats: [iife ? 'iife' : 'es'],
        name: 'WPayWidget',
        fileName: () => (iife ? 'wpay-widget.iife.js' : bench ? 'index.min.js' : 'index.js'),
      },
      rolldownOptions: {
        external: iife ? [] : LIT,
        // The npm build keeps its code readable but not its JSDoc (the types in dist/types carry
        // it) nor, for the measured copy, its whitespace (Vite keeps that in ES library builds).
        output: { comments: { jsdoc: false }, ...(bench ? { minify: true } : {}) },
      },
    },
  };
});
