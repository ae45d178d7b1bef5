import { transform } from 'lightningcss';
import type { Plugin } from 'vite';

/**
 * The browsers the widget supports (README, "Browser support"): lightningcss keeps any syntax
 * they all read (`color-mix()`, nesting-free modern CSS) rather than lowering it.
 */
const TARGETS = {
  chrome: 111 << 16,
  edge: 111 << 16,
  firefox: 113 << 16,
  safari: (16 << 16) | (4 << 8),
};

/**
 * A `css` tagged template without interpolations, not in a comment line (TSDoc examples show
 * `css\`…\``).
 */
const CSS_TEMPLATE = /(?<!^[ \t]*(?:\*|\/\/).*)\bcss`([^`$\\]*)`/gm;

/**
 * Minifies the `css` tagged templates of the widget's own sources with lightningcss, in every
 * build: minifiers (ours for the IIFE file, the consumer's for the npm build) leave template
 * literals alone. A template that is not valid CSS fails the build, naming the file.
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
      const out = code.replace(CSS_TEMPLATE, (_all, body: string) => {
        return `css\`${minifyCss(body, id)}\``;
      });
      return out === code ? undefined : { code: out, map: null };
    },
  };
}

/**
 * `body` minified by lightningcss for the supported browsers, then without the spaces it leaves
 * in values it keeps as tokens (those with `var()`): after commas and around `/`. CSS reads
 * those the same with and without the space; a body with a quote is left as lightningcss wrote
 * it (a string may hold either).
 *
 * @example
 * ```ts
 * minifyCss(':host { display: inline-block; }', 'x.styles.ts'); // ':host{display:inline-block}'
 * ```
 */
export function minifyCss(body: string, filename: string): string {
  const { code } = transform({
    filename,
    code: new TextEncoder().encode(body),
    minify: true,
    targets: TARGETS,
  });
  const out = new TextDecoder().decode(code);
  return /["']/.test(out) ? out : out.replace(/\s*,\s*/g, ',').replace(/\s+\/\s+/g, '/');
}
