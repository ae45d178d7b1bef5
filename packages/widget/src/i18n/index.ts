import { en } from './en.js';
import { loadLanguage } from './load-language.js';
import type { WpayStrings } from './strings.js';

export type { WpayStrings } from './strings.js';

/**
 * The built-in languages besides English, by primary language subtag. English is in every file;
 * each of these is a file of its own, loaded the first time an element speaks it (see
 * `load-language.ts`), so a page in English never downloads them.
 *
 * @example
 * ```ts
 * LANGUAGES.includes('de'); // true
 * ```
 */
export const LANGUAGES: readonly string[] = ['zh', 'es', 'fr', 'de', 'ja'];

/** What each language shows while its file loads: nothing, rather than English first. */
const LOADING = Object.fromEntries(
  Object.keys(en).map((key) => [key, '']),
) as unknown as WpayStrings;

/** The strings of each language loaded so far (a language whose file failed: English). */
const loaded: Record<string, WpayStrings> = { en };
/** Each language's load in flight, shared by every element that speaks it. */
const loading: Record<string, Promise<void>> = {};

/**
 * The built-in language of a locale: its primary subtag if it is one (`fr-CA` → `fr`), else `en`.
 *
 * @example
 * ```ts
 * languageOf('zh_Hans_CN'); // 'zh'
 * languageOf('pt-BR');      // 'en'
 * ```
 */
export function languageOf(locale: string): string {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  return LANGUAGES.includes(language) ? language : 'en';
}

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
 * Loads the strings of a locale's language, unless they are there already (English always is):
 * `undefined` then, else a promise that settles once {@link stringsFor} has them. It rejects when
 * the file could not be loaded; the language then reads as English.
 *
 * @example
 * ```ts
 * await loadStrings('de-DE');
 * stringsFor('de-DE').pay; // 'Bezahlen'
 * ```
 */
export function loadStrings(locale: string): Promise<void> | undefined {
  const language = languageOf(locale);
  if (loaded[language]) return undefined;
  loading[language] ??= loadLanguage(language).then(
    (strings) => {
      loaded[language] = strings;
    },
    (error: unknown) => {
      loaded[language] = en;
      throw error;
    },
  );
  return loading[language];
}

/**
 * The strings for a locale (matched on its language: `fr-CA` → French, unknown → English), with
 * `overrides` on top. A language still loading ({@link loadStrings}) gives empty strings.
 *
 * @example
 * ```ts
 * stringsFor('de-DE', { pay: 'Jetzt kaufen' }).pay; // 'Jetzt kaufen'
 * stringsFor('de-DE').cancelled;                    // 'Zahlung abgebrochen.' once loaded
 * ```
 */
export function stringsFor(locale: string, overrides: Partial<WpayStrings> = {}): WpayStrings {
  return { ...(loaded[languageOf(locale)] ?? LOADING), ...overrides };
}
