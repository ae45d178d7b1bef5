import type { Plugin } from 'vite';

/**
 * Collapses the whitespace inside Lit's `css` and `html` tagged templates of the widget's own
 * sources, for the minified IIFE build (the minifier leaves template literals alone). CSS loses
 * spaces around punctuation; HTML loses runs of whitespace between tags, which never matter in
 * these templates (text that needs a space gets it from a binding or a literal space).
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [minifyTemplates()] });
 * ```
 */
export function minifyTemplates(): Plugin {
  return {
    name: 'wpay-minify-templates',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || id.endsWith('.test.ts')) return undefined;
      const out = code
        .replace(/\bcss`([^`]*)`/g, (_all, body: string) => `css\`${minifyCss(body)}\``)
        .replace(/\bhtml`([^`]*)`/g, (_all, body: string) => `html\`${minifyHtml(body)}\``);
      return out === code ? undefined : { code: out, map: null };
    },
  };
}

function minifyCss(body: string): string {
  return body
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};:,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

function minifyHtml(body: string): string {
  return body.replace(/>\s+</g, '><').replace(/\s+/g, ' ');
}
