import { consoleLogger, type Logger } from './logger.js';

/**
 * A custom element class that says which `@wpay/widget` version it comes from.
 *
 * @example
 * ```ts
 * class MyButton extends HTMLElement { static readonly version = '1.0.0'; }
 * const element: VersionedElement = MyButton;
 * ```
 */
export type VersionedElement = CustomElementConstructor & { readonly version?: string };

/**
 * Where and how {@link defineElements} registers the tags.
 *
 * @example
 * ```ts
 * const options: DefineOptions = { logger: { warn: (message) => monitoring.capture(message) } };
 * ```
 */
export interface DefineOptions {
  /** The registry; the page's `customElements` by default. */
  registry?: CustomElementRegistry;
  /** Receives the warning about a conflicting version; the console by default. */
  logger?: Logger;
}

/**
 * Registers each tag unless it is already registered. A tag already defined by the same version
 * (the ESM build and the IIFE file both loaded, or one file loaded twice) is left alone silently;
 * a tag defined by another version is left alone too, with one warning for the whole call.
 *
 * @example
 * ```ts
 * defineElements({ 'wpay-button': WpayButton, 'wpay-return': WpayReturn });
 * ```
 */
export function defineElements(
  elements: Record<string, VersionedElement>,
  { registry = customElements, logger = consoleLogger }: DefineOptions = {},
): void {
  const conflicts: string[] = [];
  for (const [tag, element] of Object.entries(elements)) {
    const existing: VersionedElement | undefined = registry.get(tag);
    if (existing === undefined) registry.define(tag, element);
    else if (existing !== element && existing.version !== element.version) {
      conflicts.push(`<${tag}> (${existing.version})`);
    }
  }
  if (conflicts.length > 0) {
    const version = Object.values(elements)[0]?.version ?? 'unknown';
    logger.warn(`@wpay/widget ${version} not registered, already defined: ${conflicts.join(', ')}`);
  }
}
