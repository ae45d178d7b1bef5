import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { a11ySnapshot, sendKeys } from '@web/test-runner-commands';
import { clickForError } from '../test/checkout.js';
import {
  deferred,
  type FetchMock,
  HPP_URL,
  json,
  mockFetch,
  unreachable,
} from '../test/mock-fetch.js';
import { PAGE_THEMES, resetPageTheme } from '../test/page-themes.js';
import { build } from '../test/widget.js';
import type { WpayButton } from './wpay-button.js';

/** A node of the browser's accessibility tree, as @web/test-runner-commands returns it. */
interface AxNode {
  role: string;
  name: string;
}

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

  it('is a button named by its label and price, in the accessibility tree', async () => {
    const container = await fixture<HTMLDivElement>(html`
      <div>
        <wpay-button id="priced" endpoint="/x" amount="19.99" currency="USD" locale="en-US"
          ><span slot="icon" aria-hidden="true">★</span>Buy now</wpay-button
        >
        <wpay-button id="unlabelled" endpoint="/x" locale="de"></wpay-button>
        <wpay-button id="fallback" endpoint="/x"
          ><form><button>Buy the tee</button></form></wpay-button
        >
      </div>
    `);
    const named: Record<string, string> = {};
    for (const el of container.querySelectorAll('wpay-button')) {
      await el.updateComplete;
      const node = (await a11ySnapshot({ selector: `#${el.id}` })) as unknown as AxNode;
      named[el.id] = `${node.role}: ${node.name}`;
    }
    expect(named).to.deep.equal({
      priced: 'button: Buy now $19.99',
      unlabelled: 'button: Bezahlen',
      fallback: 'button: Buy the tee',
    });
  });

  it('starts the checkout from the keyboard, and keeps the focus while busy', async () => {
    const answer = deferred<Response>();
    const mock = mockFetch(() => answer.promise);
    server = mock;
    const { el, inner } = await setup();
    el.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.state).to.equal('busy');
    expect(el.shadowRoot!.activeElement).to.equal(inner);
    const redirected = oneEvent(el, 'wpay-redirect');
    answer.resolve(json({ redirectUrl: HPP_URL }));
    await redirected;
    expect(mock.calls).to.have.length(1);
  });

  describe('axe finds nothing', () => {
    after(() => resetPageTheme());

    for (const theme of PAGE_THEMES) {
      for (const variant of ['primary', 'secondary', 'outline']) {
        it(`on ${theme.name}, ${variant}: idle, busy, redirecting, failed, disabled, without endpoint or label, upgraded from its form`, async () => {
          await theme.apply();
          const answer = deferred<Response>();
          server = mockFetch((_call, index) => (index === 0 ? answer.promise : json({}, 502)));
          const container = await fixture<HTMLDivElement>(html`
            <div>
              <wpay-button id="flow" endpoint="/x" variant=${variant} amount="19.99" currency="USD"
                >Buy now</wpay-button
              >
              <wpay-button id="failing" endpoint="/x" variant=${variant}>Buy now</wpay-button>
              <wpay-button endpoint="/x" variant=${variant} disabled>Buy now</wpay-button>
              <wpay-button variant=${variant}>Buy now</wpay-button>
              <wpay-button endpoint="/x" variant=${variant} size="small"></wpay-button>
              <wpay-button endpoint="/x" variant=${variant} size="large">
                <form method="post" action="/x"><button>Buy the tee</button></form>
              </wpay-button>
            </div>
          `);
          const states: string[] = [];
          const check = async (state: string) => {
            states.push(state);
            await expect(container, `${theme.name}, ${variant}, ${state}`).to.be.accessible();
          };
          const flow = container.querySelector<WpayButton>('#flow')!;
          const failing = container.querySelector<WpayButton>('#failing')!;
          flow.navigate = () => {};
          await check('idle');

          flow.click();
          await flow.updateComplete;
          expect(flow.state).to.equal('busy');
          await check('busy');

          const redirected = oneEvent(flow, 'wpay-redirect');
          answer.resolve(json({ redirectUrl: HPP_URL }));
          await redirected;
          await flow.updateComplete;
          expect(flow.state).to.equal('redirecting');
          await check('redirecting');

          const failed = oneEvent(failing, 'wpay-error');
          failing.click();
          await failed;
          await failing.updateComplete;
          expect(failing.state).to.equal('error');
          await check('failed');
          expect(states).to.have.length(4);
        });
      }
    }
  });

  describe('when busy', () => {
    it('is aria-busy and announces it in a status region', async () => {
      const answer = deferred<Response>();
      server = mockFetch(() => answer.promise);
      const { el, inner } = await setup();
      inner.click();
      await el.updateComplete;
      expect(inner.getAttribute('aria-busy')).to.equal('true');
      expect(el.shadowRoot!.querySelector('[role="status"]')?.textContent).to.equal(
        'Starting checkout…',
      );
      answer.resolve(json({ redirectUrl: HPP_URL }));
    });
  });

  describe('when the checkout failed', () => {
    it('announces the error in an alert region the button is described by', async () => {
      server = mockFetch(unreachable);
      const { el, inner } = await setup();
      await clickForError(el);
      const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.equal('Store unreachable. Try again.');
      expect(inner.getAttribute('aria-describedby')).to.equal(alert.id);
      expect(inner.getAttribute('aria-busy')).to.equal('false');
    });

    it('does not announce the error again when the button updates for another reason', async () => {
      server = mockFetch(unreachable);
      const { el } = await setup();
      await clickForError(el);
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
