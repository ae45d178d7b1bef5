import { expect } from '@open-wc/testing';
import { CATALOG, resolveLocale, stringsFor } from './index.js';

describe('i18n', () => {
  it('has built-in strings for en, zh, es, fr, de and ja', () => {
    expect(Object.keys(CATALOG).sort()).to.deep.equal(['de', 'en', 'es', 'fr', 'ja', 'zh']);
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

  describe('stringsFor', () => {
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
