import type { Plugin } from 'vite';

/**
 * Minifies the `css` tagged templates of the widget's own sources, in every build: minifiers
 * (ours for the IIFE file, the consumer's for the npm build) leave template literals alone. Comments
 * go, runs of whitespace become one space, none is left around punctuation or before a closing brace, and
 * numbers lose their leading zero (`0.5rem` → `.5rem`).
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [minifyCssTemplates()] });
 * ```
 */
export function minifyCssTemplates(): Plugin {
  return {
    name: 'wpay-minify-css-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || id.endsWith('.test.ts')) return undefined;
      const out = code.replace(
        /\bcss`([^`]*)`/g,
        (_all, body: string) => `css\`${minifyCss(body)}\``,
      );
      return out === code ? undefined : { code: out, map: null };
    },
  };
}

function minifyCss(body: string): string {
  return body
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};:,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .replace(/ !important/g, '!important')
    .replace(/(^|[^\w.-])0\.(\d)/g, '$1.$2')
    .trim();
}
