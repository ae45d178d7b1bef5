import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ja } from './ja.js';
import type { WpayStrings } from './strings.js';
import { zh } from './zh.js';

export type { WpayStrings } from './strings.js';

/**
 * The built-in translations, by primary language subtag.
 *
 * @example
 * ```ts
 * Object.keys(CATALOG); // ['en', 'zh', 'es', 'fr', 'de', 'ja']
 * ```
 */
export const CATALOG: Readonly<Record<string, WpayStrings>> = { en, zh, es, fr, de, ja };

/**
 * The locale an element speaks: its own `locale` attribute, else the page's `<html lang>`, else
 * the browser's language, else `en`.
 *
 * @example
 * ```ts
 * resolveLocale('');      // 'fr-CA' on a page with <html lang="fr-CA">
 * resolveLocale('de-AT'); // 'de-AT'
 * ```
 */
export function resolveLocale(locale: string | undefined): string {
  return locale || document.documentElement.lang || navigator.language || 'en';
}

/**
 * The strings for a locale (matched on its language: `fr-CA` → French, unknown → English), with
 * `overrides` on top.
 *
 * @example
 * ```ts
 * stringsFor('de-DE', { pay: 'Jetzt kaufen' }).pay; // 'Jetzt kaufen'
 * stringsFor('de-DE').cancelled;                    // 'Zahlung abgebrochen. …'
 * ```
 */
export function stringsFor(locale: string, overrides: Partial<WpayStrings> = {}): WpayStrings {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  return { ...(CATALOG[language] ?? en), ...overrides };
}
