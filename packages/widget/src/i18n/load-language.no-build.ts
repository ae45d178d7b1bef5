import type { WpayStrings } from './strings.js';

// The no-build files' loader (vite.config.ts puts it in place of load-language.ts for
// dist/wpay-widget.iife.js, dist/wpay-button.iife.js and dist/wpay-widget.bundle.js). Their build
// writes every language but English to one `wpay-widget.locales.json` beside them, and passes:
/** The Subresource Integrity hash of the `wpay-widget.locales.json` the same build wrote. */
declare const __WPAY_LOCALES_INTEGRITY__: string;
/** The URL of the file running: `document.currentScript.src` (IIFE) or `import.meta.url`. */
declare const __WPAY_SCRIPT_URL__: string;

/** Read while the file runs: `document.currentScript` is only set then. */
const url = new URL('wpay-widget.locales.json', __WPAY_SCRIPT_URL__);
/** The page's own `fetch` as it was when the file ran (not a test's or a later wrapper's). */
const fetchFile = window.fetch.bind(window);
let languages: Promise<Record<string, WpayStrings>> | undefined;

/**
 * The strings of a built-in language other than English, fetched as data (never run as code) from
 * `wpay-widget.locales.json` beside the file (one file for every language: one integrity hash in
 * this file rather than one per language), with the hash the build wrote into this file as
 * `integrity`: a changed copy is refused, as the page's `<script integrity>` refuses a changed
 * widget file.
 *
 * @example
 * ```ts
 * (await loadLanguage('de')).pay; // 'Bezahlen'
 * ```
 */
export async function loadLanguage(language: string): Promise<WpayStrings> {
  languages ??= fetchFile(url, { integrity: __WPAY_LOCALES_INTEGRITY__, credentials: 'omit' }).then(
    (response) => {
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      return response.json();
    },
  );
  const strings = (await languages)[language];
  if (!strings) throw new Error(`${url} has no ${language}`);
  return strings;
}
