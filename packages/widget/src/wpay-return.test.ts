import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import {
  type FetchHandler,
  type FetchMock,
  htmlPage,
  json,
  mockFetch,
  never,
  PAID,
  PAYING,
  unreachable,
} from '../test/mock-fetch.js';
import { PAGE_THEMES, resetPageTheme } from '../test/page-themes.js';
import { build, widget } from '../test/widget.js';
import type { WpayErrorEvent, WpayStatusEvent } from './events.js';
import type { PaymentStatus } from './wire-contract.js';
import type { WpayReturn } from './wpay-return.js';

let server: FetchMock | undefined;
let originalUrl = '';

function serve(handler: FetchHandler): FetchMock {
  server = mockFetch(handler);
  return server;
}

/** Puts return-URL parameters on the test page's own URL (keeping the runner's). */
function arriveWith(params: Record<string, string>): void {
  const url = new URL(location.href);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  history.replaceState(history.state, '', url);
}

beforeEach(() => {
  originalUrl = location.href;
});

afterEach(() => {
  server?.restore();
  server = undefined;
  history.replaceState(history.state, '', originalUrl);
});

const message = (el: WpayReturn) =>
  el.shadowRoot!.querySelector('[part="message"]')!.textContent?.trim();
const spinner = (el: WpayReturn) => el.shadowRoot!.querySelector('[part="spinner"]');

/** Mounts the element and waits for its next wpay-status or wpay-error event. */
async function mount(
  template = html`<wpay-return status-endpoint="/api/status" poll-interval="5"></wpay-return>`,
) {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const settled = Promise.race([
    oneEvent(container, 'wpay-status'),
    oneEvent(container, 'wpay-error'),
  ]);
  render(template, container);
  const el = container.querySelector('wpay-return') as WpayReturn;
  const first = await settled;
  await el.updateComplete;
  return { el, first };
}

describe(`<wpay-return> (${build})`, () => {
  describe('when the server confirms the payment', () => {
    it('asks the status endpoint about the URL’s trxNo and mchOrderNo (the pair proves the order) and shows the confirmed outcome', async () => {
      arriveWith({ trxNo: 'TRX1', mchOrderNo: 'order-1' });
      const mock = serve(() => json(PAID));
      const { el, first } = await mount();
      expect(mock.calls).to.have.length(1);
      const url = new URL(mock.calls[0]?.url ?? '');
      expect(url.pathname).to.equal('/api/status');
      expect(url.search).to.equal('?trxNo=TRX1&mchOrderNo=order-1');
      expect(mock.calls[0]?.method).to.equal('GET');
      expect(mock.calls[0]?.headers.get('Accept')).to.equal('application/json');
      expect(first).to.be.instanceOf(widget.WpayStatusEvent);
      expect((first as WpayStatusEvent).detail).to.deep.equal(PAID);
      expect(first.bubbles && first.composed).to.equal(true);
      expect(el.state).to.equal('succeeded');
      expect(el.status).to.deep.equal(PAID);
      expect(message(el)).to.equal('Payment confirmed. Thank you!');
      expect(spinner(el)).to.equal(null);
    });

    it('asks about mchOrderNo when the URL has no trxNo', async () => {
      arriveWith({ mchOrderNo: 'order-1' });
      const mock = serve(() => json(PAID));
      await mount();
      expect(new URL(mock.calls[0]?.url ?? '').search).to.equal('?mchOrderNo=order-1');
    });

    it('accepts the outcome-only answer a server gives to one identifier', async () => {
      arriveWith({ trxNo: 'TRX1' });
      serve(() => json({ status: 'PAID', outcome: 'succeeded', final: true }));
      const { el, first } = await mount();
      expect((first as WpayStatusEvent).detail).to.deep.equal({
        status: 'PAID',
        outcome: 'succeeded',
        final: true,
      });
      expect(el.state).to.equal('succeeded');
    });

    it('accepts null for the optional fields (a server that does not omit them)', async () => {
      arriveWith({ trxNo: 'TRX1', mchOrderNo: 'order-1' });
      serve(() => json({ ...PAID, amount: null, currency: null }));
      const { el, first } = await mount();
      expect(first).to.be.instanceOf(widget.WpayStatusEvent);
      expect(el.state).to.equal('succeeded');
      expect(el.status?.amount).to.equal(undefined);
    });

    it('keeps the status endpoint’s own query', async () => {
      arriveWith({ trxNo: 'TRX1' });
      const mock = serve(() => json(PAID));
      await mount(html`<wpay-return status-endpoint="/api/status?shop=7"></wpay-return>`);
      expect(new URL(mock.calls[0]?.url ?? '').search).to.equal('?shop=7&trxNo=TRX1');
    });

    it('believes the server, not the URL: a success page whose payment was cancelled says cancelled', async () => {
      arriveWith({ trxNo: 'TRX1', outcome: 'succeeded', status: 'PAID' });
      serve(() => json({ ...PAID, status: 'CANCELLED', outcome: 'cancelled' }));
      const { el } = await mount();
      expect(el.state).to.equal('cancelled');
      expect(message(el)).to.equal('Payment cancelled.');
    });

    it('shows a failed payment', async () => {
      arriveWith({ trxNo: 'TRX1' });
      serve(() => json({ ...PAID, status: 'FAILED', outcome: 'failed' }));
      const { el } = await mount();
      expect(el.state).to.equal('failed');
      expect(message(el)).to.equal('Payment failed.');
    });
  });

  describe('while the payment is processing', () => {
    it('polls with back-off until the status is final', async () => {
      arriveWith({ trxNo: 'TRX1' });
      const answers = [PAYING, PAYING, PAID];
      const mock = serve((_call, index) => json(answers[index]));
      const statuses: PaymentStatus[] = [];
      const { el, first } = await mount();
      statuses.push((first as WpayStatusEvent).detail);
      expect(el.state).to.equal('processing');
      expect(message(el)).to.equal('Confirming payment…');
      expect(spinner(el)).to.exist;
      el.addEventListener('wpay-status', (event) => statuses.push(event.detail));
      await waitUntil(() => el.state === 'succeeded', 'never confirmed', { timeout: 5000 });
      expect(mock.calls).to.have.length(3);
      expect(statuses.map((status) => status.outcome)).to.deep.equal([
        'processing',
        'processing',
        'succeeded',
      ]);
      expect(statuses.at(-1)?.final).to.equal(true);
    });

    it('waits poll-interval before the second check, doubling after each, never beyond 10 s', async () => {
      arriveWith({ trxNo: 'TRX1' });
      serve(() => json(PAYING));
      let checks = 0;
      let sixthCheck = () => {};
      const sixChecks = new Promise<void>((resolve) => {
        sixthCheck = resolve;
      });
      const onStatus = () => {
        checks += 1;
        if (checks === 6) sixthCheck();
      };
      // The waits are recorded rather than waited for: setTimeout runs them at once. Only the
      // request timer (the element's timeout, 15 s) keeps its delay.
      const waits: number[] = [];
      const realSetTimeout = window.setTimeout;
      const fastSetTimeout = (handler: TimerHandler, delay?: number, ...rest: unknown[]) => {
        if (delay === 15_000) return realSetTimeout(handler, delay, ...rest);
        waits.push(delay ?? 0);
        return realSetTimeout(handler, 0, ...rest);
      };
      document.addEventListener('wpay-status', onStatus);
      window.setTimeout = fastSetTimeout as typeof window.setTimeout;
      try {
        const { el } = await mount(
          html`<wpay-return status-endpoint="/api/status" poll-interval="3000" max-attempts="6"></wpay-return>`,
        );
        await sixChecks;
        await el.updateComplete;
        expect(message(el)).to.equal('Still processing. Check back later.');
      } finally {
        window.setTimeout = realSetTimeout;
        document.removeEventListener('wpay-status', onStatus);
      }
      expect(waits).to.deep.equal([3000, 6000, 10_000, 10_000, 10_000]);
    });

    it('gives up after max-attempts checks and says it is still processing', async () => {
      arriveWith({ trxNo: 'TRX1' });
      const mock = serve(() => json(PAYING));
      const { el } = await mount(
        html`<wpay-return status-endpoint="/api/status" poll-interval="5" max-attempts="3"></wpay-return>`,
      );
      await waitUntil(
        () => message(el) === 'Still processing. Check back later.',
        'never gave up',
        {
          timeout: 5000,
        },
      );
      expect(mock.calls).to.have.length(3);
      expect(el.state).to.equal('processing');
      expect(spinner(el)).to.equal(null);
    });

    it('stops polling when removed from the page', async () => {
      arriveWith({ trxNo: 'TRX1' });
      const mock = serve((_call, index) => (index === 0 ? json(PAYING) : never()));
      const { el } = await mount(
        html`<wpay-return status-endpoint="/api/status" poll-interval="1"></wpay-return>`,
      );
      await waitUntil(() => mock.calls.length === 2, 'no second check', { timeout: 5000 });
      el.remove();
      expect(mock.calls[1]?.signal?.aborted).to.equal(true);
    });
  });

  describe('when the status cannot be confirmed', () => {
    it('reports a URL without identifiers as missing-identifier, without asking the server', async () => {
      const mock = serve(() => json(PAID));
      const { el, first } = await mount();
      expect((first as WpayErrorEvent).detail.code).to.equal('missing-identifier');
      expect(mock.calls).to.have.length(0);
      expect(el.state).to.equal('error');
      expect(message(el)).to.equal('Could not check the payment. Reload the page.');
    });

    it('reports a missing status-endpoint as missing-endpoint to the page and the logger, asking nobody', async () => {
      arriveWith({ trxNo: 'TRX1' });
      const mock = serve(() => json(PAID));
      const warnings: string[] = [];
      const logger = { warn: (text: string) => warnings.push(text) };
      const { el, first } = await mount(html`<wpay-return .logger=${logger}></wpay-return>`);
      expect((first as WpayErrorEvent).detail.code).to.equal('missing-endpoint');
      expect(mock.calls).to.have.length(0);
      expect(el.state).to.equal('error');
      expect(message(el)).to.equal('Could not check the payment. Reload the page.');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('status-endpoint');
    });

    it('checks as soon as the page gives it a status-endpoint later', async () => {
      arriveWith({ trxNo: 'TRX1' });
      const mock = serve(() => json(PAID));
      const logger = { warn: () => {} };
      const { el, first } = await mount(html`<wpay-return .logger=${logger}></wpay-return>`);
      expect((first as WpayErrorEvent).detail.code).to.equal('missing-endpoint');
      const confirmed = oneEvent(el, 'wpay-status');
      el.setAttribute('status-endpoint', '/api/status');
      await confirmed;
      await el.updateComplete;
      expect(mock.calls).to.have.length(1);
      expect(el.state).to.equal('succeeded');
      expect(message(el)).to.equal('Payment confirmed. Thank you!');
    });

    it('keeps a logger the page set before the tag was defined', async () => {
      arriveWith({ trxNo: 'TRX1' });
      const warnings: string[] = [];
      const early = document.implementation.createHTMLDocument('').createElement('wpay-return');
      (early as WpayReturn).logger = { warn: (text) => warnings.push(text) };
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      const failed = oneEvent(container, 'wpay-error');
      container.append(document.adoptNode(early));
      expect((await failed).detail.code).to.equal('missing-endpoint');
      expect(warnings).to.have.length(1);
    });

    it('warns on the console by default when status-endpoint is blank', async () => {
      arriveWith({ trxNo: 'TRX1' });
      serve(() => json(PAID));
      const warn = console.warn;
      const warnings: unknown[] = [];
      console.warn = (text: unknown) => warnings.push(text);
      try {
        await mount(html`<wpay-return status-endpoint=" "></wpay-return>`);
      } finally {
        console.warn = warn;
      }
      expect(warnings.join(' ')).to.contain('<wpay-return> has no status-endpoint');
    });

    it('reports an unknown payment (404) at once as http', async () => {
      arriveWith({ trxNo: 'TRX404' });
      const error = { code: 'not_found', message: 'unknown trxNo' };
      const mock = serve(() => json({ error }, 404));
      const { el, first } = await mount();
      expect((first as WpayErrorEvent).detail).to.deep.equal({
        code: 'http',
        message: 'Could not check the payment. Reload the page.',
        status: 404,
        serverError: error,
      });
      expect(mock.calls).to.have.length(1);
      expect(el.state).to.equal('error');
    });

    it('retries a failing server (502) and shows the status once it answers', async () => {
      arriveWith({ trxNo: 'TRX1' });
      const mock = serve((_call, index) =>
        index < 2 ? json({ error: { code: 'upstream', message: 'x' } }, 502) : json(PAID),
      );
      const { el } = await mount();
      expect(mock.calls).to.have.length(3);
      expect(el.state).to.equal('succeeded');
    });

    it('reports an unreachable server as network after max-attempts tries', async () => {
      arriveWith({ trxNo: 'TRX1' });
      const mock = serve(unreachable);
      const { el, first } = await mount(
        html`<wpay-return status-endpoint="/api/status" poll-interval="1" max-attempts="2"></wpay-return>`,
      );
      expect((first as WpayErrorEvent).detail.code).to.equal('network');
      expect(mock.calls).to.have.length(2);
      expect(el.state).to.equal('error');
    });

    it('reports a request slower than timeout as timeout', async () => {
      arriveWith({ trxNo: 'TRX1' });
      serve(() => never());
      const { first } = await mount(
        html`<wpay-return status-endpoint="/api/status" timeout="30" max-attempts="1"></wpay-return>`,
      );
      expect((first as WpayErrorEvent).detail.code).to.equal('timeout');
    });

    it('reports a malformed status as invalid-response', async () => {
      for (const body of [
        { ...PAID, outcome: 'paid' },
        { outcome: 'succeeded' },
        { ...PAID, trxNo: 42 },
        'PAID',
      ]) {
        arriveWith({ trxNo: 'TRX1' });
        serve(() => json(body));
        const { first } = await mount();
        expect((first as WpayErrorEvent).detail.code, JSON.stringify(body)).to.equal(
          'invalid-response',
        );
        server?.restore();
      }
    });

    it('reports a 200 that is not JSON as invalid-response', async () => {
      arriveWith({ trxNo: 'TRX1' });
      serve(() => htmlPage('<html></html>'));
      const { first } = await mount();
      expect((first as WpayErrorEvent).detail.code).to.equal('invalid-response');
    });
  });

  describe('when its properties change after the first check', () => {
    it('asks a new status-endpoint once, after rendering "checking" for it', async () => {
      arriveWith({ trxNo: 'TRX1' });
      const shownAtRequest: (string | undefined)[] = [];
      let el: WpayReturn | undefined;
      const mock = serve(() => {
        if (el) shownAtRequest.push(`${el.state}: ${message(el)}`);
        return json(PAID);
      });
      ({ el } = await mount());
      const confirmed = oneEvent(el, 'wpay-status');
      el.setAttribute('status-endpoint', '/api/other-status');
      await confirmed;
      await el.updateComplete;
      expect(mock.calls.map((call) => new URL(call.url).pathname)).to.deep.equal([
        '/api/status',
        '/api/other-status',
      ]);
      expect(shownAtRequest).to.deep.equal(['checking: Confirming payment…']);
      expect(el.state).to.equal('succeeded');
    });

    it('renders a new status-endpoint twice: "checking" with the change, then the answer', async () => {
      arriveWith({ trxNo: 'TRX1' });
      serve(() => json(PAID));
      const { el } = await mount();
      const rendered: string[] = [];
      el.addController({ hostUpdated: () => rendered.push(el.state) });
      const confirmed = oneEvent(el, 'wpay-status');
      el.setAttribute('status-endpoint', '/api/other-status');
      await confirmed;
      await el.updateComplete;
      expect(rendered).to.deep.equal(['checking', 'succeeded']);
    });

    it('asks nothing again on an unrelated update (locale, strings, poll-interval, a re-render)', async () => {
      arriveWith({ trxNo: 'TRX1' });
      const mock = serve(() => json(PAID));
      const { el } = await mount();
      el.locale = 'de';
      await el.updateComplete;
      el.strings = { succeeded: 'Danke!' };
      el.pollInterval = 50;
      el.requestUpdate();
      await el.updateComplete;
      expect(mock.calls).to.have.length(1);
      expect(message(el)).to.equal('Danke!');
    });

    it('asks nothing before its first render, and once after it', async () => {
      arriveWith({ trxNo: 'TRX1' });
      const mock = serve(() => json(PAID));
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('wpay-return');
      el.statusEndpoint = '/api/status';
      const confirmed = oneEvent(el, 'wpay-status');
      container.append(el);
      el.statusEndpoint = '/api/status?shop=7';
      expect(el.hasUpdated).to.equal(false);
      expect(mock.calls).to.have.length(0);
      await confirmed;
      expect(mock.calls.map((call) => new URL(call.url).search)).to.deep.equal([
        '?shop=7&trxNo=TRX1',
      ]);
    });

    it('asks again when put back on the page while still checking, once', async () => {
      arriveWith({ trxNo: 'TRX1' });
      const mock = serve((_call, index) => (index === 0 ? never() : json(PAID)));
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('wpay-return');
      el.statusEndpoint = '/api/status';
      container.append(el);
      await waitUntil(() => mock.calls.length === 1, 'no first check');
      el.remove();
      expect(mock.calls[0]?.signal?.aborted).to.equal(true);
      const confirmed = oneEvent(el, 'wpay-status');
      container.append(el);
      await confirmed;
      await el.updateComplete;
      expect(mock.calls).to.have.length(2);
      expect(el.state).to.equal('succeeded');
    });
  });

  describe('named slots', () => {
    it('replace the message of their state and stay hidden in other states', async () => {
      arriveWith({ trxNo: 'TRX1' });
      serve(() => json(PAID));
      const { el } = await mount(html`
        <wpay-return status-endpoint="/api/status">
          <p slot="succeeded" id="thanks">Thanks! Your tee is on its way.</p>
          <p slot="failed" id="sorry">Sorry.</p>
        </wpay-return>
      `);
      const slot = el.shadowRoot!.querySelector('slot')!;
      expect(slot.name).to.equal('succeeded');
      expect(slot.assignedElements().map((node) => node.id)).to.deep.equal(['thanks']);
      expect(el.querySelector('#thanks')!.getClientRects().length).to.be.greaterThan(0);
      expect(el.querySelector('#sorry')!.getClientRects().length).to.equal(0);
    });

    it('offer a slot for every state: succeeded, processing, cancelled, failed and error', async () => {
      const cases: [PaymentStatus | undefined, string][] = [
        [PAID, 'succeeded'],
        [{ ...PAYING }, 'processing'],
        [{ ...PAID, outcome: 'cancelled' }, 'cancelled'],
        [{ ...PAID, outcome: 'failed' }, 'failed'],
        [undefined, 'error'],
      ];
      for (const [status, slotName] of cases) {
        arriveWith({ trxNo: 'TRX1' });
        serve(() => (status ? json(status) : json({ error: { code: 'x', message: 'x' } }, 400)));
        const { el } = await mount(
          html`<wpay-return status-endpoint="/api/status" max-attempts="1"></wpay-return>`,
        );
        expect(el.shadowRoot!.querySelector('slot')!.name, slotName).to.equal(slotName);
        server?.restore();
      }
    });
  });

  it('speaks the locale attribute’s language', async () => {
    arriveWith({ trxNo: 'TRX1' });
    serve(() => json(PAID));
    const { el } = await mount(
      html`<wpay-return status-endpoint="/api/status" locale="ja"></wpay-return>`,
    );
    expect(message(el)).to.equal('お支払いが完了しました。');
  });

  it('uses the strings property over the built-in strings', async () => {
    arriveWith({ trxNo: 'TRX1' });
    serve(() => json(PAID));
    const { el } = await mount();
    el.strings = { succeeded: 'Paid, thanks.' };
    await el.updateComplete;
    expect(message(el)).to.equal('Paid, thanks.');
  });

  describe('accessibility', () => {
    it('holds its message in a status live region', async () => {
      arriveWith({ trxNo: 'TRX1' });
      serve(() => json(PAID));
      const { el } = await mount();
      expect(el.shadowRoot!.querySelector('[part="base"]')?.getAttribute('role')).to.equal(
        'status',
      );
    });

    describe('axe finds nothing', () => {
      after(() => resetPageTheme());

      for (const theme of PAGE_THEMES) {
        it(`on ${theme.name}: checking, processing, still processing, succeeded, cancelled, failed, error`, async () => {
          await theme.apply();
          arriveWith({ trxNo: 'TRX1' });
          serve(() => never());
          const checking = await fixture<WpayReturn>(
            html`<wpay-return status-endpoint="/api/status"></wpay-return>`,
          );
          expect(checking.state).to.equal('checking');
          await expect(checking, 'checking').to.be.accessible();
          server?.restore();

          const answers: [string, FetchHandler, string][] = [
            ['processing', () => json(PAYING), '8'],
            ['still processing', () => json(PAYING), '1'],
            ['succeeded', () => json(PAID), '1'],
            ['cancelled', () => json({ ...PAID, outcome: 'cancelled' }), '1'],
            ['failed', () => json({ ...PAID, outcome: 'failed' }), '1'],
            ['error', () => json({ error: { code: 'x', message: 'x' } }, 404), '1'],
          ];
          for (const [state, handler, maxAttempts] of answers) {
            serve(handler);
            const { el } = await mount(
              html`<wpay-return status-endpoint="/api/status" max-attempts=${maxAttempts}></wpay-return>`,
            );
            await expect(el, state).to.be.accessible();
            el.remove();
            server?.restore();
          }
        });
      }
    });
  });
});
