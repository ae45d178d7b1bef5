import { expect } from '@open-wc/testing';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { LANGUAGES, languageOf, loadStrings, resolveLocale, stringsFor } from './index.js';
import { ja } from './ja.js';
import { zh } from './zh.js';

const CATALOG = { en, zh, es, fr, de, ja };

describe('i18n', () => {
  it('has built-in strings for en, zh, es, fr, de and ja, English in every build', () => {
    expect([...LANGUAGES, 'en'].sort()).to.deep.equal(['de', 'en', 'es', 'fr', 'ja', 'zh']);
  });

  it('gives every language every string, none empty, none left in English', () => {
    const keys = Object.keys(CATALOG.en ?? {}).sort();
    for (const [language, strings] of Object.entries(CATALOG)) {
      expect(Object.keys(strings).sort(), language).to.deep.equal(keys);
      for (const [key, text] of Object.entries(strings)) {
        expect(text.trim(), `${language}.${key}`).not.to.equal('');
        if (language !== 'en') {
          expect(text, `${language}.${key}`).not.to.equal(
            CATALOG.en?.[key as keyof typeof strings],
          );
        }
      }
    }
  });

  describe('languageOf', () => {
    it('reads a locale’s primary subtag, English for a language it does not have', () => {
      expect(languageOf('fr-CA')).to.equal('fr');
      expect(languageOf('zh_Hans_CN')).to.equal('zh');
      expect(languageOf('DE')).to.equal('de');
      expect(languageOf('pt-BR')).to.equal('en');
      expect(languageOf('')).to.equal('en');
    });
  });

  describe('loadStrings', () => {
    it('has nothing to load for English, nor for a language it does not have', () => {
      expect(loadStrings('en-GB')).to.equal(undefined);
      expect(loadStrings('pt-BR')).to.equal(undefined);
    });

    it('loads a language once, then has nothing more to load for it', async () => {
      const first = loadStrings('es-MX');
      if (first) {
        expect(stringsFor('es-MX').pay, 'while loading').to.equal('');
        expect(loadStrings('es-AR'), 'one load per language').to.equal(first);
        await first;
      }
      expect(stringsFor('es-MX').pay).to.equal('Pagar');
      expect(loadStrings('es-MX')).to.equal(undefined);
    });
  });

  describe('stringsFor', () => {
    before(async () => {
      await Promise.all(LANGUAGES.map((language) => loadStrings(language)));
    });

    it('matches a locale on its language', () => {
      expect(stringsFor('fr-CA').pay).to.equal('Payer');
      expect(stringsFor('zh_Hans_CN').pay).to.equal('支付');
      expect(stringsFor('DE').pay).to.equal('Bezahlen');
    });

    it('falls back to English for a language it does not have', () => {
      expect(stringsFor('pt-BR').pay).to.equal('Pay');
      expect(stringsFor('').pay).to.equal('Pay');
    });

    it('puts overrides on top of the language', () => {
      const strings = stringsFor('de', { pay: 'Jetzt kaufen' });
      expect(strings.pay).to.equal('Jetzt kaufen');
      expect(strings.cancelled).to.equal('Zahlung abgebrochen.');
    });
  });

  describe('resolveLocale', () => {
    let lang = '';
    beforeEach(() => {
      lang = document.documentElement.lang;
    });
    afterEach(() => {
      document.documentElement.lang = lang;
    });

    it('prefers the element’s own locale', () => {
      document.documentElement.lang = 'fr';
      expect(resolveLocale('ja-JP')).to.equal('ja-JP');
    });

    it('falls back to <html lang>', () => {
      document.documentElement.lang = 'es-MX';
      expect(resolveLocale('')).to.equal('es-MX');
    });

    it('falls back to the browser’s language without <html lang>', () => {
      document.documentElement.lang = '';
      expect(resolveLocale('')).to.equal(navigator.language);
    });
  });
});
