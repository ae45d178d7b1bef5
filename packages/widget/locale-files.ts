import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { de } from './src/i18n/de.js';
import { es } from './src/i18n/es.js';
import { fr } from './src/i18n/fr.js';
import { ja } from './src/i18n/ja.js';
import type { WpayStrings } from './src/i18n/strings.js';
import { zh } from './src/i18n/zh.js';

/** The languages besides English (`LANGUAGES` of src/i18n/index.ts), as the sources define them. */
const STRINGS: Readonly<Record<string, WpayStrings>> = { zh, es, fr, de, ja };

const NO_BUILD_LOADER = fileURLToPath(
  new URL('./src/i18n/load-language.no-build.ts', import.meta.url),
);
/** The English of a file without `<wpay-return>`: `<wpay-button>`'s texts alone. */
const BUTTON_ONLY_ENGLISH = fileURLToPath(new URL('./src/i18n/en.button-only.ts', import.meta.url));

/** Where the file running is, read while it runs: the script tag's URL, or the module's. */
const SCRIPT_URL = { iife: 'document.currentScript.src', es: 'import.meta.url' } as const;

/**
 * `wpay-widget.locales.json`, every language but English, and its Subresource Integrity hash.
 *
 * @example
 * ```ts
 * localesJson().integrity; // 'sha384-…'
 * ```
 */
export function localesJson(): { source: string; integrity: string } {
  const source = `${JSON.stringify(STRINGS)}\n`;
  return { source, integrity: `sha384-${createHash('sha384').update(source).digest('base64')}` };
}

/**
 * The languages of a no-build file (the IIFE files, the single-file ES module): writes
 * `wpay-widget.locales.json` beside it, puts the fetching loader (`load-language.no-build.ts`) in
 * place of the `import()` one, and passes it the files' integrity hashes and how to find its own
 * URL. English stays inside the file; with `buttonOnly` (a file without `<wpay-return>`), only
 * `<wpay-button>`'s English (`en.button-only.ts` in place of `en.ts`).
 *
 * @example
 * ```ts
 * export default defineConfig({ plugins: [localeFiles('iife', { buttonOnly: true })] });
 * ```
 */
export function localeFiles(
  format: 'iife' | 'es',
  { buttonOnly = false }: { buttonOnly?: boolean } = {},
): Plugin {
  const file = localesJson();
  return {
    name: 'wpay-locale-files',
    apply: 'build',
    enforce: 'pre',
    config: () => ({
      define: {
        __WPAY_LOCALES_INTEGRITY__: JSON.stringify(file.integrity),
        __WPAY_SCRIPT_URL__: SCRIPT_URL[format],
      },
    }),
    resolveId(source, importer) {
      if (!importer?.endsWith('/src/i18n/index.ts')) return undefined;
      if (source === './load-language.js') return NO_BUILD_LOADER;
      if (source === './en.js' && buttonOnly) return BUTTON_ONLY_ENGLISH;
      return undefined;
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'wpay-widget.locales.json', source: file.source });
    },
  };
}
