// The no-build files' `css` tag (adopted-stylesheets-only.ts puts this module in place of css.ts
// for them): those files run in a browser only, where every supported one constructs stylesheets,
// so each template becomes a `CSSStyleSheet` at once, which Lit adopts as it is. Lit's
// `CSSResult` class, and the code that turns one into a stylesheet, then stay out of the file.

/**
 * A template without interpolations, as a constructed stylesheet.
 *
 * @example
 * ```ts
 * const styles = css`:host { display: block; }`;
 * ```
 */
export function css(strings: TemplateStringsArray): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(strings[0] ?? '');
  return sheet;
}
