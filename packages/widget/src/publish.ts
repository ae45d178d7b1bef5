/**
 * Adds the classes of a no-build file to `window.WPayWidget`, keeping any a copy loaded earlier
 * set: the ones the tags were defined with. The button-only file and the full file may both be
 * on a page, in either order.
 *
 * @example
 * ```ts
 * publish({ VERSION, WpayButton });
 * ```
 */
export function publish(classes: Record<string, unknown>): void {
  const page = window as { WPayWidget?: Record<string, unknown> };
  page.WPayWidget ??= {};
  const widget = page.WPayWidget;
  for (const [name, value] of Object.entries(classes)) widget[name] ??= value;
}
