import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deferred, type FetchMock, HPP_URL, json, mockFetch } from '../test/mock-fetch.js';
import { build } from '../test/widget.js';
import type { WpayButton } from './wpay-button.js';

describe(`<wpay-button> accessibility (${build})`, () => {
  let server: FetchMock | undefined;
  afterEach(() => {
    server?.restore();
    server = undefined;
  });

  async function setup() {
    const el = await fixture<WpayButton>(
      html`<wpay-button endpoint="/api/checkout" amount="19.99" currency="USD">Buy now</wpay-button>`,
    );
    el.navigate = () => {};
    const inner = el.shadowRoot!.querySelector('button')!;
    return { el, inner };
  }

  it('delegates focus to its native button', async () => {
    const { el, inner } = await setup();
    el.focus();
    expect(document.activeElement).to.equal(el);
    expect(el.shadowRoot!.activeElement).to.equal(inner);
  });

  it('starts the checkout from the keyboard', async () => {
    const mock = mockFetch(() => json({ redirectUrl: HPP_URL }));
    server = mock;
    const { el } = await setup();
    el.focus();
    const redirected = oneEvent(el, 'wpay-redirect');
    await sendKeys({ press: 'Enter' });
    await redirected;
    expect(mock.calls).to.have.length(1);
  });

  it('passes axe when idle', async () => {
    const { el } = await setup();
    await expect(el).to.be.accessible();
  });

  it('passes axe when disabled', async () => {
    const el = await fixture<WpayButton>(
      html`<wpay-button endpoint="/x" disabled>Buy now</wpay-button>`,
    );
    await expect(el).to.be.accessible();
  });

  it('passes axe with the default label and no slotted content', async () => {
    const el = await fixture<WpayButton>(html`<wpay-button endpoint="/x"></wpay-button>`);
    await expect(el).to.be.accessible();
  });

  describe('when busy', () => {
    it('is aria-busy, announces it in a status region and passes axe', async () => {
      const answer = deferred<Response>();
      server = mockFetch(() => answer.promise);
      const { el, inner } = await setup();
      inner.click();
      await el.updateComplete;
      expect(inner.getAttribute('aria-busy')).to.equal('true');
      expect(el.shadowRoot!.querySelector('[role="status"]')?.textContent).to.equal(
        'Starting checkout…',
      );
      await expect(el).to.be.accessible();
      answer.resolve(json({ redirectUrl: HPP_URL }));
    });
  });

  describe('when the checkout failed', () => {
    it('announces the error in an alert region the button is described by, and passes axe', async () => {
      server = mockFetch(() => {
        throw new TypeError('Failed to fetch');
      });
      const { el, inner } = await setup();
      const failed = oneEvent(el, 'wpay-error');
      inner.click();
      await failed;
      await el.updateComplete;
      const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.equal('Store unreachable. Try again.');
      expect(inner.getAttribute('aria-describedby')).to.equal(alert.id);
      expect(inner.getAttribute('aria-busy')).to.equal('false');
      await expect(el).to.be.accessible();
    });

    it('does not announce the error again when the button updates for another reason', async () => {
      server = mockFetch(() => {
        throw new TypeError('Failed to fetch');
      });
      const { el, inner } = await setup();
      const failed = oneEvent(el, 'wpay-error');
      inner.click();
      await failed;
      await el.updateComplete;
      const mutations: MutationRecord[] = [];
      const observer = new MutationObserver((records) => mutations.push(...records));
      const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
      observer.observe(alert, { childList: true, characterData: true, subtree: true });
      el.amount = '24.99';
      await el.updateComplete;
      mutations.push(...observer.takeRecords());
      observer.disconnect();
      expect(el.shadowRoot!.querySelector('[part="amount"]')?.textContent).to.equal('$24.99');
      expect(mutations).to.deep.equal([]);
    });
  });
});
