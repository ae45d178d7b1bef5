import { type CSSResult, unsafeCSS } from '@lit/reactive-element';

/**
 * The widget's own `css` tag: a template without interpolations, as Lit's `CSSResult`. Lit's
 * `css` also checks interpolated values (and carries their error messages into every file);
 * the widget's styles have none, so `unsafeCSS` of the literal text does the same job, smaller.
 * The build minifies each template first (minify-css-templates.ts).
 *
 * @example
 * ```ts
 * const styles = css`:host { display: block; }`;
 * ```
 */
export function css(strings: TemplateStringsArray): CSSResult {
  return unsafeCSS(strings[0]);
}
