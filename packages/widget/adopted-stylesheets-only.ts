import { fileURLToPath } from 'node:url';
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
 * Lit's hook for its `polyfill-support.js` in `@lit/reactive-element/reactive-element.js`: `p=a.
 * reactiveElementPolyfillSupport,` read once, then `p?.({ReactiveElement:y}),` after the class.
 */
const POLYFILL_HOOK = /\b(\w+)=\w+\.reactiveElementPolyfillSupport,/;
const REACTIVE_ELEMENT = /\/@lit\/reactive-element\/reactive-element\.js$/;

/**
 * Lit's version registry at the end of `reactive-element.js`: `,(a.reactiveElementVersions??=[])
 * .push("2.1.2")`, read only by Lit's development build (to warn of two copies on one page).
 */
const VERSION_REGISTRY = /,\(\w+\.reactiveElementVersions\?\?=\[\]\)\.push\("[^"]+"\)/;

/** The widget's `css` tag for the no-build files: constructed stylesheets, no `CSSResult`. */
const NO_BUILD_CSS = fileURLToPath(new URL('./src/css.no-build.ts', import.meta.url));

/**
 * Constructable stylesheets in the no-build files, which every supported browser has (README,
 * "Browser support"): the widget's styles are `CSSStyleSheet`s from the start (`css.no-build.ts`
 * in place of `css.ts`), and Lit's `supportsAdoptingStyleSheets` is fixed to `true`. The minifier
 * then drops Lit's `<style>`-element fallback, its ShadyCSS test and its `CSSResult` class, about
 * 330 B gzip. The hook for Lit's `polyfill-support.js` (ShadyDOM, for browsers without shadow
 * DOM, none of which are supported) goes too, about 25 B gzip. A Lit release whose `css-tag.js`
 * no longer has that feature test, or whose `reactive-element.js` no longer has that hook, fails
 * the build, rather than shipping the fallback silently.
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
    enforce: 'pre',
    resolveId(source, importer) {
      const styles = importer?.endsWith('.styles.ts') && importer.includes('/src/');
      return source === './css.js' && styles ? NO_BUILD_CSS : undefined;
    },
    transform(code, id) {
      if (REACTIVE_ELEMENT.test(id)) return { code: withoutPolyfillHook(code, id), map: null };
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

/** `reactive-element.js` without the polyfill-support hook (see `adoptedStyleSheetsOnly`). */
function withoutPolyfillHook(code: string, id: string): string {
  const name = POLYFILL_HOOK.exec(code)?.[1];
  const call = name ? new RegExp(`\\b${name}\\?\\.\\(\\{ReactiveElement:\\w+\\}\\),`) : undefined;
  if (!call?.test(code)) {
    throw new Error(
      `${id}: Lit's polyfill-support hook is not where adopted-stylesheets-only.ts looks: update its POLYFILL_HOOK for this Lit version`,
    );
  }
  if (!VERSION_REGISTRY.test(code)) {
    throw new Error(
      `${id}: Lit's reactiveElementVersions registry is not where adopted-stylesheets-only.ts looks: update its VERSION_REGISTRY for this Lit version`,
    );
  }
  return code.replace(POLYFILL_HOOK, '').replace(call, '').replace(VERSION_REGISTRY, '');
}
