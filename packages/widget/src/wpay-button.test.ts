import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { clickForError, clickForRedirect } from '../test/checkout.js';
import {
  deferred,
  type FetchHandler,
  type FetchMock,
  HPP_URL,
  htmlPage,
  json,
  type MockFetchOptions,
  mockFetch,
  never,
  unreachable,
} from '../test/mock-fetch.js';
import { build, widget } from '../test/widget.js';
import type { WpayButton } from './wpay-button.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let server: FetchMock | undefined;

function serve(handler: FetchHandler, options?: MockFetchOptions): FetchMock {
  server = mockFetch(handler, options);
  return server;
}

afterEach(() => {
  server?.restore();
  server = undefined;
});

/** A button on the page whose navigations are recorded instead of leaving the test page. */
async function setup(
  template = html`<wpay-button endpoint="/api/checkout" data-sku="tee-42">Buy now</wpay-button>`,
) {
  const el = await fixture<WpayButton>(template);
  const navigations: string[] = [];
  el.navigate = (url) => navigations.push(url);
  const inner = el.shadowRoot!.querySelector('button')!;
  const errorText = () => el.shadowRoot!.querySelector('[part="error"]')!.textContent ?? '';
  return { el, inner, navigations, errorText };
}

describe(`<wpay-button> (${build})`, () => {
  describe('when clicked', () => {
    it('posts its data-* attributes and payload as JSON to the endpoint, then navigates to the redirect URL', async () => {
      const mock = serve(() => json({ redirectUrl: HPP_URL, trxNo: 'TRX1' }));
      const { el, navigations } = await setup(
        html`<wpay-button endpoint="/api/checkout" data-sku="tee-42" data-plan-id="p1">Buy</wpay-button>`,
      );
      el.payload = { quantity: 2 };
      const event = await clickForRedirect(el);

      expect(mock.calls).to.have.length(1);
      const [call] = mock.calls;
      expect(call?.method).to.equal('POST');
      expect(new URL(call?.url ?? '', location.href).pathname).to.equal('/api/checkout');
      expect(call?.headers.get('Content-Type')).to.equal('application/json');
      expect(call?.headers.get('Accept')).to.equal('application/json');
      expect(JSON.parse(call?.body ?? '')).to.deep.equal({
        sku: 'tee-42',
        planId: 'p1',
        quantity: 2,
      });
      expect(event.detail).to.deep.equal({ url: HPP_URL, trxNo: 'TRX1' });
      expect(navigations).to.deep.equal([HPP_URL]);
      expect(el.state).to.equal('redirecting');
    });

    it('lets the payload property win over a data-* attribute of the same name', async () => {
      const mock = serve(() => json({ redirectUrl: HPP_URL }));
      const { el } = await setup();
      el.payload = { sku: 'tee-43' };
      await clickForRedirect(el);
      expect(JSON.parse(mock.calls[0]?.body ?? '')).to.deep.equal({ sku: 'tee-43' });
    });

    it('fires wpay-checkout, then wpay-redirect, as typed events that bubble out of the shadow root', async () => {
      serve(() => json({ redirectUrl: HPP_URL }));
      const { inner } = await setup();
      const seen: Event[] = [];
      const record = (event: Event) => seen.push(event);
      document.addEventListener('wpay-checkout', record);
      document.addEventListener('wpay-redirect', record);
      try {
        const redirected = oneEvent(document, 'wpay-redirect');
        inner.click();
        await redirected;
      } finally {
        document.removeEventListener('wpay-checkout', record);
        document.removeEventListener('wpay-redirect', record);
      }
      expect(seen.map((event) => event.type)).to.deep.equal(['wpay-checkout', 'wpay-redirect']);
      expect(seen[0]).to.be.instanceOf(widget.WpayCheckoutEvent);
      expect(seen[1]).to.be.instanceOf(widget.WpayRedirectEvent);
      for (const event of seen) {
        expect(event.bubbles && event.composed && event.cancelable, event.type).to.equal(true);
      }
    });

    it('sends the payload as edited by a wpay-checkout listener', async () => {
      const mock = serve(() => json({ redirectUrl: HPP_URL }));
      const { el } = await setup();
      el.addEventListener('wpay-checkout', (event) => {
        event.detail.payload.quantity = 3;
        delete event.detail.payload.sku;
      });
      await clickForRedirect(el);
      expect(JSON.parse(mock.calls[0]?.body ?? '')).to.deep.equal({ quantity: 3 });
      expect(el.payload).to.deep.equal({});
    });

    it('sends nothing when wpay-checkout is cancelled', async () => {
      const mock = serve(() => json({ redirectUrl: HPP_URL }));
      const { el, inner } = await setup();
      el.addEventListener('wpay-checkout', (event) => event.preventDefault());
      inner.click();
      await el.updateComplete;
      expect(mock.calls).to.have.length(0);
      expect(el.state).to.equal('idle');
    });

    it('does not navigate when wpay-redirect is cancelled, and is idle again', async () => {
      serve(() => json({ redirectUrl: HPP_URL }));
      const { el, navigations } = await setup();
      el.addEventListener('wpay-redirect', (event) => event.preventDefault());
      await clickForRedirect(el);
      await el.updateComplete;
      expect(navigations).to.deep.equal([]);
      expect(el.state).to.equal('idle');
    });

    it('starts the checkout when code calls click() on the element itself', async () => {
      const mock = serve(() => json({ redirectUrl: HPP_URL }));
      const { el, navigations } = await setup();
      const redirected = oneEvent(el, 'wpay-redirect');
      el.click();
      el.click();
      await redirected;
      expect(mock.calls).to.have.length(1);
      expect(navigations).to.deep.equal([HPP_URL]);
    });

    it('ignores click() on the element while disabled or without an endpoint, even right after its creation', async () => {
      const mock = serve(() => json({ redirectUrl: HPP_URL }));
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      container.innerHTML =
        '<wpay-button endpoint="/api/checkout" disabled>Buy</wpay-button><wpay-button>Buy</wpay-button>';
      const buttons = [...container.querySelectorAll('wpay-button')];
      for (const el of buttons) el.click();
      await Promise.all(buttons.map((el) => el.updateComplete));
      expect(mock.calls).to.have.length(0);
      expect(buttons.map((el) => el.state)).to.deep.equal(['idle', 'idle']);
    });

    it('sends the payload a wpay-checkout listener put in place of the original', async () => {
      const mock = serve(() => json({ redirectUrl: HPP_URL }));
      const { el } = await setup();
      el.addEventListener('wpay-checkout', (event) => {
        event.detail.payload = { sku: 'gift-card', amount: 'ignored-by-the-server' };
      });
      await clickForRedirect(el);
      expect(JSON.parse(mock.calls[0]?.body ?? '')).to.deep.equal({
        sku: 'gift-card',
        amount: 'ignored-by-the-server',
      });
    });

    it('keeps the properties a page set before the tag was defined', async () => {
      const mock = serve(() => json({ redirectUrl: HPP_URL }));
      // An element of a document without a browsing context is not upgraded until it is
      // adopted into this one: like a tag whose script has not loaded yet.
      const inert = document.implementation.createHTMLDocument('');
      const early = inert.createElement('wpay-button') as WpayButton;
      const navigations: string[] = [];
      early.textContent = 'Buy now';
      early.endpoint = '/api/checkout';
      early.payload = { sku: 'tee-42' };
      early.strings = { busy: 'Un instant…' };
      early.navigate = (url) => navigations.push(url);
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      container.append(document.adoptNode(early));
      const el = container.querySelector('wpay-button') as WpayButton;
      expect(el).to.be.instanceOf(widget.WpayButton);
      const redirected = oneEvent(el, 'wpay-redirect');
      el.click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="status"]')?.textContent).to.equal('Un instant…');
      await redirected;
      expect(JSON.parse(mock.calls[0]?.body ?? '')).to.deep.equal({ sku: 'tee-42' });
      expect(navigations).to.deep.equal([HPP_URL]);
    });

    it('fires no event when its properties are set by code', async () => {
      const { el } = await setup();
      const seen: string[] = [];
      for (const type of ['wpay-checkout', 'wpay-redirect', 'wpay-error']) {
        el.addEventListener(type, () => seen.push(type));
      }
      el.payload = { sku: 'other' };
      el.endpoint = '/api/other';
      el.amount = '5';
      await el.updateComplete;
      expect(seen).to.deep.equal([]);
    });

    it('is disabled, and sends nothing, without an endpoint', async () => {
      const mock = serve(() => json({ redirectUrl: HPP_URL }));
      const { inner } = await setup(html`<wpay-button>Buy</wpay-button>`);
      expect(inner.disabled).to.equal(true);
      inner.click();
      expect(mock.calls).to.have.length(0);
    });
  });

  describe('when the request fails', () => {
    it('reports an unreachable server as network, shows a message and is usable again', async () => {
      serve(unreachable);
      const { el, inner, errorText } = await setup();
      const event = await clickForError(el);
      await el.updateComplete;
      expect(event.detail.code).to.equal('network');
      expect(event.bubbles && event.composed).to.equal(true);
      expect(errorText()).to.equal('Store unreachable. Try again.');
      expect(event.detail.message).to.equal(errorText());
      expect(el.state).to.equal('error');
      expect(inner.disabled).to.equal(false);
      expect(inner.getAttribute('aria-busy')).to.equal('false');
    });

    it('aborts after the timeout attribute with code timeout', async () => {
      const mock = serve(() => never());
      const { el } = await setup(
        html`<wpay-button endpoint="/api/checkout" timeout="50">Buy</wpay-button>`,
      );
      const event = await clickForError(el);
      expect(event.detail.code).to.equal('timeout');
      expect(mock.calls[0]?.signal?.aborted).to.equal(true);
    });

    it('waits 15 s by default', async () => {
      const { el } = await setup();
      expect(el.timeout).to.equal(15_000);
    });

    it('reports a non-2xx answer as http, with the status and the server JSON error', async () => {
      const error = {
        code: 'invalid_body',
        message: 'sku: required',
        fields: [{ path: 'sku', message: 'required' }],
      };
      serve(() => json({ error }, 400));
      const { el, errorText } = await setup();
      const event = await clickForError(el);
      await el.updateComplete;
      expect(event.detail).to.deep.equal({
        code: 'http',
        message: 'Payment could not start. Try again.',
        status: 400,
        serverError: error,
      });
      expect(errorText()).to.equal('Payment could not start. Try again.');
    });

    it('reports a non-2xx HTML page (a proxy error) as http without a server error', async () => {
      serve(() => htmlPage('<h1>Bad gateway</h1>', 502));
      const { el } = await setup();
      const event = await clickForError(el);
      expect(event.detail.code).to.equal('http');
      expect(event.detail.status).to.equal(502);
      expect(event.detail.serverError).to.equal(undefined);
    });

    it('reports a 200 that is not JSON as invalid-response', async () => {
      serve(() => htmlPage('<html>login</html>'));
      const { el } = await setup();
      const event = await clickForError(el);
      expect(event.detail.code).to.equal('invalid-response');
    });

    it('reports a 200 with malformed or empty JSON as invalid-response', async () => {
      for (const text of [`{"redirectUrl":"${HPP_URL}`, '', "{'redirectUrl': 1}"]) {
        serve(() => new Response(text, { headers: { 'Content-Type': 'application/json' } }));
        const { el, navigations, errorText } = await setup();
        const event = await clickForError(el);
        await el.updateComplete;
        expect(event.detail.code, text).to.equal('invalid-response');
        expect(errorText()).to.equal('Payment could not start. Try again.');
        expect(navigations).to.deep.equal([]);
        server?.restore();
      }
    });

    it('reports JSON without a string redirectUrl as invalid-response', async () => {
      for (const body of [
        { url: HPP_URL },
        { redirectUrl: 42 },
        { redirectUrl: '' },
        [HPP_URL],
        null,
      ]) {
        serve(() => json(body));
        const { el, navigations } = await setup();
        const event = await clickForError(el);
        expect(event.detail.code, JSON.stringify(body)).to.equal('invalid-response');
        expect(navigations).to.deep.equal([]);
        server?.restore();
      }
    });

    it('blocks a javascript: redirect with blocked-redirect and never navigates', async () => {
      serve(() => json({ redirectUrl: 'javascript:alert(document.cookie)' }));
      const { el, navigations } = await setup();
      const event = await clickForError(el);
      expect(event.detail.code).to.equal('blocked-redirect');
      expect(navigations).to.deep.equal([]);
    });

    it('blocks data:, relative and plain-http redirects', async () => {
      for (const redirectUrl of ['data:text/html,hi', '/hpp/123', 'http://pay.example.com/hpp']) {
        serve(() => json({ redirectUrl }));
        const { el, navigations } = await setup();
        const event = await clickForError(el);
        expect(event.detail.code, redirectUrl).to.equal('blocked-redirect');
        expect(navigations).to.deep.equal([]);
        server?.restore();
      }
    });

    it('follows plain http to the sandbox on localhost', async () => {
      serve(() => json({ redirectUrl: 'http://127.0.0.1:4010/hpp/1' }));
      const { el, navigations } = await setup();
      await clickForRedirect(el);
      expect(navigations).to.deep.equal(['http://127.0.0.1:4010/hpp/1']);
    });

    it('blocks a host outside allowed-hosts', async () => {
      serve(() => json({ redirectUrl: 'https://evil.test/hpp/1' }));
      const { el, navigations } = await setup(
        html`<wpay-button endpoint="/api/checkout" allowed-hosts="openapi.stablelink.app openapi.stg.stablelink.app">Buy</wpay-button>`,
      );
      const event = await clickForError(el);
      expect(event.detail.code).to.equal('blocked-redirect');
      expect(navigations).to.deep.equal([]);
    });

    it('follows a host listed in allowed-hosts, whatever its letter case', async () => {
      for (const hosts of ['openapi.stg.stablelink.app', 'pay.test OpenAPI.STG.StableLink.app']) {
        serve(() => json({ redirectUrl: HPP_URL }));
        const { el, navigations } = await setup(
          html`<wpay-button endpoint="/api/checkout" allowed-hosts=${hosts}>Buy</wpay-button>`,
        );
        await clickForRedirect(el);
        expect(navigations, hosts).to.deep.equal([HPP_URL]);
        server?.restore();
      }
    });

    it('clears the message when the shopper tries again', async () => {
      let fail = true;
      serve(() => {
        if (fail) throw new TypeError('Failed to fetch');
        return json({ redirectUrl: HPP_URL });
      });
      const { el, errorText } = await setup();
      await clickForError(el);
      fail = false;
      await clickForRedirect(el);
      await el.updateComplete;
      expect(errorText()).to.equal('');
    });
  });

  describe('never twice', () => {
    it('sends one request however often it is clicked', async () => {
      const answer = deferred<Response>();
      const mock = serve(() => answer.promise);
      const { el, inner, navigations } = await setup();
      inner.click();
      inner.click();
      inner.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
      await el.updateComplete;
      inner.click();
      inner.click();
      expect(mock.calls).to.have.length(1);
      const redirected = oneEvent(el, 'wpay-redirect');
      answer.resolve(json({ redirectUrl: HPP_URL }));
      await redirected;
      inner.click();
      await el.updateComplete;
      expect(mock.calls).to.have.length(1);
      expect(navigations).to.deep.equal([HPP_URL]);
    });

    it('sends one request for a real double click of the mouse', async () => {
      const answer = deferred<Response>();
      const mock = serve(() => answer.promise);
      const { el, inner } = await setup();
      const box = inner.getBoundingClientRect();
      const position: [number, number] = [
        Math.round(box.x + box.width / 2),
        Math.round(box.y + box.height / 2),
      ];
      for (let i = 0; i < 2; i++) {
        await sendMouse({ type: 'click', position });
      }
      await resetMouse();
      await el.updateComplete;
      expect(mock.calls).to.have.length(1);
      expect(el.state).to.equal('busy');
      const redirected = oneEvent(el, 'wpay-redirect');
      answer.resolve(json({ redirectUrl: HPP_URL }));
      await redirected;
    });

    it('sends an Idempotency-Key that is a UUID v4', async () => {
      const mock = serve(() => json({ redirectUrl: HPP_URL }));
      const { el } = await setup();
      await clickForRedirect(el);
      expect(mock.calls[0]?.headers.get('Idempotency-Key')).to.match(UUID_V4);
    });

    it('reuses the key when the same payload is retried after an error', async () => {
      const mock = serve((_call, index) => {
        if (index === 0) throw new TypeError('Failed to fetch');
        return json({ redirectUrl: HPP_URL });
      });
      const { el } = await setup();
      await clickForError(el);
      await clickForRedirect(el);
      const [first, second] = mock.calls.map((call) => call.headers.get('Idempotency-Key'));
      expect(first).to.match(UUID_V4);
      expect(second).to.equal(first);
    });

    it('uses a new key when the payload changed after an error', async () => {
      const mock = serve(unreachable);
      const { el } = await setup();
      await clickForError(el);
      el.payload = { quantity: 2 };
      await clickForError(el);
      const [first, second] = mock.calls.map((call) => call.headers.get('Idempotency-Key'));
      expect(second).to.match(UUID_V4);
      expect(second).not.to.equal(first);
    });

    it('uses a new key when the endpoint changed after an error', async () => {
      const mock = serve(unreachable);
      const { el } = await setup();
      await clickForError(el);
      el.endpoint = '/api/checkout-v2';
      await clickForError(el);
      const [first, second] = mock.calls.map((call) => call.headers.get('Idempotency-Key'));
      expect(second).to.match(UUID_V4);
      expect(second).not.to.equal(first);
    });

    it('uses a new key for the next intent after a successful one', async () => {
      const mock = serve(() => json({ redirectUrl: HPP_URL }));
      const { el } = await setup();
      el.addEventListener('wpay-redirect', (event) => event.preventDefault());
      for (let i = 0; i < 2; i++) {
        await clickForRedirect(el);
        await el.updateComplete;
      }
      const [first, second] = mock.calls.map((call) => call.headers.get('Idempotency-Key'));
      expect(second).not.to.equal(first);
    });

    it('marks the button aria-busy while the request runs', async () => {
      const answer = deferred<Response>();
      serve(() => answer.promise);
      const { el, inner } = await setup();
      inner.click();
      await el.updateComplete;
      expect(el.state).to.equal('busy');
      expect(inner.getAttribute('aria-busy')).to.equal('true');
      expect(inner.getAttribute('aria-disabled')).to.equal('true');
      const redirected = oneEvent(el, 'wpay-redirect');
      answer.resolve(json({ redirectUrl: HPP_URL }));
      await redirected;
    });
  });

  describe('never stuck', () => {
    it('is idle again when the page comes back from the back-forward cache', async () => {
      const mock = serve(() => json({ redirectUrl: HPP_URL }));
      const { el, inner, navigations } = await setup();
      await clickForRedirect(el);
      await el.updateComplete;
      expect(inner.getAttribute('aria-busy')).to.equal('true');

      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      await el.updateComplete;
      expect(el.state).to.equal('idle');
      expect(inner.getAttribute('aria-busy')).to.equal('false');

      await clickForRedirect(el);
      expect(mock.calls).to.have.length(2);
      expect(navigations).to.have.length(2);
    });

    it('listens for pageshow once for the whole page, however many buttons it has', async () => {
      const added: string[] = [];
      const original = window.addEventListener;
      window.addEventListener = function (
        this: Window,
        ...args: Parameters<Window['addEventListener']>
      ) {
        added.push(args[0]);
        return original.apply(this, args);
      } as Window['addEventListener'];
      try {
        await fixture(html`
          <div>
            <wpay-button endpoint="/api/checkout">A</wpay-button>
            <wpay-button endpoint="/api/checkout">B</wpay-button>
            <wpay-button endpoint="/api/checkout">C</wpay-button>
          </div>
        `);
      } finally {
        window.addEventListener = original;
      }
      expect(added.filter((type) => type === 'pageshow').length).to.be.at.most(1);
    });

    it('makes every button on the page idle again when the page comes back from the back-forward cache', async () => {
      serve(() => never());
      const wrapper = await fixture<HTMLDivElement>(html`
        <div>
          <wpay-button endpoint="/api/checkout">A</wpay-button>
          <wpay-button endpoint="/api/checkout">B</wpay-button>
        </div>
      `);
      const buttons = [...wrapper.querySelectorAll('wpay-button')];
      for (const button of buttons) button.click();
      expect(buttons.map((button) => button.state)).to.deep.equal(['busy', 'busy']);
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      expect(buttons.map((button) => button.state)).to.deep.equal(['idle', 'idle']);
    });

    it('leaves a button taken off the page alone on pageshow, and picks it up once back', async () => {
      serve(() => never());
      const { el } = await setup();
      const parent = el.parentNode!;
      el.remove();
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      parent.append(el);
      el.click();
      expect(el.state).to.equal('busy');
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      expect(el.state).to.equal('idle');
    });

    it('ignores a pageshow that is not a restore from the back-forward cache', async () => {
      serve(() => json({ redirectUrl: HPP_URL }));
      const { el } = await setup();
      await clickForRedirect(el);
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
      await el.updateComplete;
      expect(el.state).to.equal('redirecting');
    });

    it('is usable again when the page is still there after timeout (navigation stopped, or kept by navigate)', async () => {
      const mock = serve(() => json({ redirectUrl: HPP_URL }));
      const { el, navigations } = await setup(
        html`<wpay-button endpoint="/api/checkout" timeout="50">Buy</wpay-button>`,
      );
      await clickForRedirect(el);
      expect(el.state).to.equal('redirecting');
      await waitUntil(() => el.state === 'idle', 'still redirecting', { timeout: 2000 });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('button')!.getAttribute('aria-busy')).to.equal('false');
      await clickForRedirect(el);
      expect(mock.calls).to.have.length(2);
      expect(navigations).to.deep.equal([HPP_URL, HPP_URL]);
    });

    it('aborts its request, silently, when removed from the page', async () => {
      const mock = serve(() => never());
      const { el, inner } = await setup();
      const errors: Event[] = [];
      el.addEventListener('wpay-error', (event) => errors.push(event));
      inner.click();
      await el.updateComplete;
      el.remove();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(mock.calls[0]?.signal?.aborted).to.equal(true);
      expect(errors).to.deep.equal([]);
    });
  });

  describe('never stuck, even when fetch ignores its abort signal', () => {
    it('gives up after its timeout with code timeout', async () => {
      serve(() => never(), { ignoreAbort: true });
      const { el, inner } = await setup(
        html`<wpay-button endpoint="/api/checkout" timeout="50">Buy</wpay-button>`,
      );
      const event = await clickForError(el);
      await el.updateComplete;
      expect(event.detail.code).to.equal('timeout');
      expect(el.state).to.equal('error');
      expect(inner.getAttribute('aria-busy')).to.equal('false');
    });

    it('neither navigates nor reports when the answer arrives after its removal', async () => {
      const answer = deferred<Response>();
      serve(() => answer.promise, { ignoreAbort: true });
      const { el, inner, navigations } = await setup();
      const seen: string[] = [];
      for (const type of ['wpay-redirect', 'wpay-error']) {
        el.addEventListener(type, () => seen.push(type));
      }
      inner.click();
      await el.updateComplete;
      el.remove();
      answer.resolve(json({ redirectUrl: HPP_URL }));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(navigations).to.deep.equal([]);
      expect(seen).to.deep.equal([]);
    });

    it('stays idle when the answer arrives after a restore from the back-forward cache', async () => {
      const answer = deferred<Response>();
      serve(() => answer.promise, { ignoreAbort: true });
      const { el, inner, navigations } = await setup();
      inner.click();
      await el.updateComplete;
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      answer.resolve(json({ redirectUrl: HPP_URL }));
      await new Promise((resolve) => setTimeout(resolve, 20));
      await el.updateComplete;
      expect(navigations).to.deep.equal([]);
      expect(el.state).to.equal('idle');
    });
  });

  describe('when upgraded (server-rendered markup must hydrate unchanged)', () => {
    it('adds no attribute of its own: variant and size stay unset, their defaults apply', async () => {
      const { el, inner } = await setup(html`<wpay-button endpoint="/x">Buy</wpay-button>`);
      expect(el.getAttributeNames()).to.deep.equal(['endpoint']);
      expect([el.variant, el.size]).to.deep.equal(['primary', 'medium']);
      expect(inner.classList.contains('primary') && inner.classList.contains('medium')).to.equal(
        true,
      );
    });

    it('keeps the variant and size the page gave, and follows changes of either side', async () => {
      const { el, inner } = await setup(
        html`<wpay-button endpoint="/x" variant="outline" size="small">Buy</wpay-button>`,
      );
      expect(el.getAttributeNames()).to.deep.equal(['endpoint', 'variant', 'size']);
      expect([el.variant, el.size]).to.deep.equal(['outline', 'small']);
      el.setAttribute('variant', 'secondary');
      el.size = 'large';
      await el.updateComplete;
      expect(inner.className).to.equal('button secondary large');
    });

    it("shows the page's own label from its first render, with no fallback label beside it", async () => {
      const el = document.createElement('wpay-button');
      el.setAttribute('endpoint', '/x');
      el.append('Buy now');
      document.body.append(el);
      try {
        (el as unknown as { performUpdate(): void }).performUpdate();
        const label = el.shadowRoot!.querySelector('[part="label"]')!;
        expect(label.textContent, 'no fallback label').to.equal('');
        await el.updateComplete;
        expect(label.textContent, 'no fallback label').to.equal('');
      } finally {
        el.remove();
      }
    });

    it('takes the form button text as its label from its first render when it has no other', async () => {
      const el = document.createElement('wpay-button');
      el.setAttribute('endpoint', '/x');
      el.innerHTML = '<form method="post"><button>Buy the tee</button></form>';
      document.body.append(el);
      try {
        (el as unknown as { performUpdate(): void }).performUpdate();
        const label = el.shadowRoot!.querySelector('[part="label"]')!;
        expect(label.textContent).to.equal('Buy the tee');
      } finally {
        el.remove();
      }
    });
  });

  describe('without JavaScript', () => {
    it('hides its fallback form once upgraded and takes its label from the form button', async () => {
      const { el, inner } = await setup(html`
        <wpay-button endpoint="/api/checkout" data-sku="tee-42">
          <form method="post" action="/api/checkout">
            <input type="hidden" name="sku" value="tee-42" />
            <button type="submit">Buy the tee</button>
          </form>
        </wpay-button>
      `);
      const form = el.querySelector('form')!;
      expect(form.getClientRects().length).to.equal(0);
      const label = el.shadowRoot!.querySelector('[part="label"]') as HTMLElement;
      expect(label.textContent?.trim()).to.equal('Buy the tee');
      expect(inner.getBoundingClientRect().width).to.be.greaterThan(0);
    });

    it('keeps its own label when it has one besides the form', async () => {
      const { el } = await setup(html`
        <wpay-button endpoint="/api/checkout"
          >Buy now<form method="post" action="/api/checkout"><button>Fallback</button></form></wpay-button
        >
      `);
      const label = el.shadowRoot!.querySelector('[part="label"]')!;
      const slot = label.querySelector('slot')!;
      const slotted = slot.assignedNodes().map((node) => node.textContent?.trim() ?? '');
      expect(slotted).to.include('Buy now');
      expect(label.textContent?.trim(), 'no fallback label').to.equal('');
    });

    it('posts the fallback form, urlencoded with the same field names, when the script never runs', async () => {
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', 'allow-forms allow-same-origin');
      frame.src = '/test/no-js.html';
      const loaded = () =>
        new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      let next = loaded();
      document.body.append(frame);
      try {
        await next;
        const doc = frame.contentDocument!;
        expect(doc.querySelector('wpay-button')?.matches(':defined')).to.equal(false);
        const submit = doc.querySelector<HTMLButtonElement>('wpay-button form button')!;
        expect(submit.getClientRects().length).to.be.greaterThan(0);
        next = loaded();
        submit.click();
        await next;
        const echoed = JSON.parse(frame.contentDocument!.body.textContent ?? '');
        expect(echoed).to.deep.equal({
          method: 'POST',
          contentType: 'application/x-www-form-urlencoded',
          fields: { sku: 'tee-42', planId: 'basic' },
        });
      } finally {
        frame.remove();
      }
    });
  });
});
