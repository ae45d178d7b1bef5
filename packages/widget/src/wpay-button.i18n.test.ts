import { expect, fixture, html } from '@open-wc/testing';
import { clickForError } from '../test/checkout.js';
import { type FetchMock, mockFetch, unreachable } from '../test/mock-fetch.js';
import { build } from '../test/widget.js';
import type { WpayButton } from './wpay-button.js';

const label = (el: WpayButton) =>
  el.shadowRoot!.querySelector('[part="label"]')!.textContent?.trim() ?? '';
/** The price shown, with ICU's narrow spaces and typographic apostrophe made plain. */
const amount = (el: WpayButton) =>
  (el.shadowRoot!.querySelector('[part="amount"]')?.textContent ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\u2019/g, "'");

describe(`<wpay-button> languages (${build})`, () => {
  let server: FetchMock | undefined;
  let lang = '';
  beforeEach(() => {
    lang = document.documentElement.lang;
  });
  afterEach(() => {
    server?.restore();
    server = undefined;
    document.documentElement.lang = lang;
  });

  it('labels itself in the locale attribute’s language when the page gives no label', async () => {
    const labels: Record<string, string> = {
      en: 'Pay',
      zh: '支付',
      es: 'Pagar',
      fr: 'Payer',
      de: 'Bezahlen',
      ja: '支払う',
    };
    for (const [locale, expected] of Object.entries(labels)) {
      const el = await fixture<WpayButton>(
        html`<wpay-button endpoint="/x" locale=${locale}></wpay-button>`,
      );
      expect(label(el), locale).to.equal(expected);
    }
  });

  it('formats the amount for each locale', async () => {
    const prices: Record<string, string> = {
      'en-US': '€1,234.50',
      'zh-CN': '€1,234.50',
      'es-ES': '1234,50 €',
      'fr-FR': '1 234,50 €',
      'de-DE': '1.234,50 €',
      'ja-JP': '€1,234.50',
    };
    for (const [locale, expected] of Object.entries(prices)) {
      const el = await fixture<WpayButton>(
        html`<wpay-button endpoint="/x" amount="1234.5" currency="EUR" locale=${locale}>Buy</wpay-button>`,
      );
      expect(amount(el), locale).to.equal(expected);
    }
  });

  it('formats each locale’s own currency with that currency’s minor units', async () => {
    const prices: [string, string, string][] = [
      ['en-US', 'USD', '$1,234.50'],
      ['zh-CN', 'CNY', '¥1,234.50'],
      ['es-MX', 'MXN', '$1,234.50'],
      ['fr-FR', 'EUR', '1 234,50 €'],
      ['de-CH', 'CHF', "CHF 1'234.50"],
      ['ja-JP', 'JPY', '￥1,235'],
    ];
    for (const [locale, currency, expected] of prices) {
      const el = await fixture<WpayButton>(
        html`<wpay-button endpoint="/x" amount="1234.5" currency=${currency} locale=${locale}>Buy</wpay-button>`,
      );
      expect(amount(el), `${locale} ${currency}`).to.equal(expected);
    }
  });

  it('shows no price for an amount or currency it cannot format', async () => {
    for (const [value, currency] of [
      ['abc', 'USD'],
      ['19.99', 'DOLLARS'],
      ['', 'USD'],
    ]) {
      const el = await fixture<WpayButton>(
        html`<wpay-button endpoint="/x" amount=${value} currency=${currency}>Buy</wpay-button>`,
      );
      expect(el.shadowRoot!.querySelector('[part="amount"]'), `${value} ${currency}`).to.equal(
        null,
      );
    }
  });

  it('speaks the page’s <html lang> without a locale attribute', async () => {
    document.documentElement.lang = 'de-CH';
    const el = await fixture<WpayButton>(
      html`<wpay-button endpoint="/x" amount="5" currency="CHF"></wpay-button>`,
    );
    expect(label(el)).to.equal('Bezahlen');
    expect(amount(el)).to.equal('CHF 5.00');
  });

  it('shows its error messages in its language', async () => {
    server = mockFetch(unreachable);
    const el = await fixture<WpayButton>(
      html`<wpay-button endpoint="/x" locale="fr">Acheter</wpay-button>`,
    );
    const event = await clickForError(el);
    expect(event.detail.message).to.equal('Boutique injoignable. Réessayez.');
  });

  it('translates the message it shows when its locale changes', async () => {
    server = mockFetch(unreachable);
    const el = await fixture<WpayButton>(
      html`<wpay-button endpoint="/x" locale="en">Buy</wpay-button>`,
    );
    await clickForError(el);
    el.locale = 'de';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')?.textContent).to.equal(
      'Shop nicht erreichbar. Erneut versuchen.',
    );
  });

  it('uses the strings property over the built-in strings', async () => {
    server = mockFetch(unreachable);
    const el = await fixture<WpayButton>(
      html`<wpay-button endpoint="/x" locale="fr"></wpay-button>`,
    );
    el.strings = { pay: 'Payer maintenant', errorNetwork: 'Hors ligne ?' };
    await el.updateComplete;
    expect(label(el)).to.equal('Payer maintenant');
    expect((await clickForError(el)).detail.message).to.equal('Hors ligne ?');
  });
});
