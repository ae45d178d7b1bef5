import { defineConfig } from 'vite';
import { minifyTemplates } from './minify-templates.js';

// Two library builds from one entry:
// - `vite build`             → dist/index.js, ESM for npm, Lit left to the consumer's bundler;
// - `vite build --mode iife` → dist/wpay-widget.iife.js, one minified file with Lit inside.
export default defineConfig(({ mode }) => {
  const iife = mode === 'iife';
  return {
    plugins: iife ? [minifyTemplates()] : [],
    build: {
      target: 'es2022',
      emptyOutDir: false,
      sourcemap: true,
      minify: iife,
      reportCompressedSize: false,
      lib: {
        entry: iife ? 'src/iife.ts' : 'src/index.ts',
        formats: [iife ? 'iife' : 'es'],
        name: 'WPayWidget',
        fileName: () => (iife ? 'wpay-widget.iife.js' : 'index.js'),
      },
      rolldownOptions: {
        external: iife ? [] : [/^lit(\/|$)/, /^@lit\//, /^lit-(html|element)(\/|$)/],
      },
    },
  };
});
