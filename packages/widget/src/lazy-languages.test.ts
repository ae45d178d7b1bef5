import { expect, waitUntil } from '@open-wc/testing';
import type { WpayButton } from './wpay-button.js';

// Each build on a page of its own (a frame): which files does a page in English, or in German,
// make the browser request? The no-build files fetch wpay-widget.locales.json beside them; the
// npm build (here its sources) imports one module per language.
const BUILDS = ['iife', 'button-iife', 'bundle', 'esm'] as const;
/** A file holding texts of a language besides English, in any build. */
const LANGUAGE_FILE = /wpay-widget\.locales\.json|\/i18n\/(zh|es|fr|de|ja)\.[jt]s/;

async function open(build: string, lang: string): Promise<{ win: Window; button: WpayButton }> {
  const frame = document.createElement('iframe');
  frame.src = `/test/languages.html?build=${build}&lang=${lang}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  const button = win.document.querySelector('wpay-button') as WpayButton;
  await waitUntil(() => win.customElements.get('wpay-button'), `${build} never defined the tag`, {
    timeout: 10_000,
  });
  await button.updateComplete;
  return { win, button };
}

const label = (button: WpayButton) =>
  button.shadowRoot?.querySelector('[part="label"]')?.textContent ?? '';
const requested = (win: Window) =>
  win.performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => LANGUAGE_FILE.test(path));

describe('languages besides English', () => {
  afterEach(() => {
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
  });

  for (const build of BUILDS) {
    describe(`when a page loads the ${build} build`, () => {
      it('renders English at once and never requests a language file', async () => {
        const { win, button } = await open(build, 'en');
        expect(label(button)).to.equal('Pay');
        expect(requested(win)).to.deep.equal([]);
      });

      it('renders German on a German page, from one file requested once', async () => {
        const { win, button } = await open(build, 'de-DE');
        expect(label(button)).to.equal('Bezahlen');
        const files = requested(win);
        expect(files, 'one request').to.have.length(1);
        expect(files[0]).to.match(build === 'esm' ? /\/i18n\/de\.ts$/ : /locales\.json$/);
      });
    });
  }
});
