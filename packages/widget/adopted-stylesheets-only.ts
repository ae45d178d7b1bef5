import type { Plugin } from 'vite';

/**
 * Lit's feature test in `@lit/reactive-element/css-tag.js`: `const e=t.ShadowRoot&&(void
 * 0===t.ShadyCSS||t.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in
 * CSSStyleSheet.prototype` (its `supportsAdoptingStyleSheets`).
 */
const FEATURE_TEST =
  /\b(\w+)=(\w+)\.ShadowRoot&&\(void 0===\2\.ShadyCSS\|\|\2\.ShadyCSS\.nativeShadow\)&&"adoptedStyleSheets"in Document\.prototype&&"replace"in CSSStyleSheet\.prototype/;

const CSS_TAG = /\/@lit\/reactive-element\/css-tag\.js$/;

/**
 * Fixes Lit's `supportsAdoptingStyleSheets` to `true` in the no-build files: every supported
 * browser (README, "Browser support") has constructable stylesheets, so the minifier drops Lit's
 * `<style>`-element fallback (and its ShadyCSS test), about 150 B gzip. A Lit release whose
 * `css-tag.js` no longer has that feature test fails the build, rather than shipping the fallback
 * silently.
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [adoptedStyleSheetsOnly()] });
 * ```
 */
export function adoptedStyleSheetsOnly(): Plugin {
  return {
    name: 'wpay-adopted-stylesheets-only',
    apply: 'build',
    transform(code, id) {
      if (!CSS_TAG.test(id)) return undefined;
      if (!FEATURE_TEST.test(code)) {
        throw new Error(
          `${id}: Lit's supportsAdoptingStyleSheets test is not where adopted-stylesheets-only.ts looks: update its FEATURE_TEST for this Lit version`,
        );
      }
      return { code: code.replace(FEATURE_TEST, '$1=!0'), map: null };
    },
  };
}
