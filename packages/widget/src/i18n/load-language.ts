import type { WpayStrings } from './strings.js';

/** Each built-in language but English, as a module of its own: a chunk of the consumer's build. */
const MODULES: Record<string, () => Promise<WpayStrings>> = {
  zh: () => import('./zh.js').then((module) => module.zh),
  es: () => import('./es.js').then((module) => module.es),
  fr: () => import('./fr.js').then((module) => module.fr),
  de: () => import('./de.js').then((module) => module.de),
  ja: () => import('./ja.js').then((module) => module.ja),
};

/**
 * The strings of a built-in language other than English, imported on first use. The npm build
 * (and the sources) take them from a dynamic `import()`, which a shop's bundler turns into small
 * chunks; the no-build files fetch JSON files instead (`load-language.no-build.ts`).
 *
 * @example
 * ```ts
 * (await loadLanguage('de')).pay; // 'Bezahlen'
 * ```
 */
export function loadLanguage(language: string): Promise<WpayStrings> {
  const load = MODULES[language];
  return load ? load() : Promise.reject(new Error(`no built-in language ${language}`));
}
