import { expect, oneEvent } from '@open-wc/testing';
import { type FetchMock, HPP_URL, json, mockFetch } from '../test/mock-fetch.js';
import type { WpayButton } from './wpay-button.js';
import type { WpayReturn } from './wpay-return.js';

// The built file, as a plain page loads it: `pnpm test` builds it first. Nothing else in this
// test file imports the sources, so the tags come from dist/wpay-widget.iife.js alone.
const IIFE = '/dist/wpay-widget.iife.js';

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

type WidgetGlobal = {
  VERSION: string;
  WpayButton: CustomElementConstructor;
  WpayReturn: CustomElementConstructor;
};

/** Where a page's probes and buttons are, to the pixel. */
function layout(doc: Document): { probes: string[]; buttons: string[] } {
  const box = (node: Element) => {
    const { top, left, height } = node.getBoundingClientRect();
    return `${top} ${left} ${height}`;
  };
  return {
    probes: [...doc.querySelectorAll('[data-probe]')].map(box),
    buttons: [...doc.querySelectorAll('wpay-button')].map(box),
  };
}

describe('dist/wpay-widget.iife.js upgrading a page that reserved the space as the README says', () => {
  it('moves nothing: the buttons keep their height, the text around them stays put', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '600px';
    frame.style.height = '800px';
    frame.src = '/test/upgrade.html';
    const loaded = new Promise((resolve) =>
      frame.addEventListener('load', resolve, { once: true }),
    );
    document.body.append(frame);
    try {
      await loaded;
      const win = frame.contentWindow as Window & typeof globalThis;
      const doc = frame.contentDocument!;
      const shifts: number[] = [];
      new win.PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          shifts.push((entry as unknown as { value: number }).value);
      }).observe({ type: 'layout-shift', buffered: true });
      expect(doc.querySelector('wpay-button')!.matches(':defined')).to.equal(false);
      const before = layout(doc);

      const script = doc.createElement('script');
      script.src = IIFE;
      const ran = new Promise((resolve) =>
        script.addEventListener('load', resolve, { once: true }),
      );
      doc.head.append(script);
      await ran;
      const buttons = [...doc.querySelectorAll<WpayButton>('wpay-button')];
      await Promise.all(buttons.map((button) => button.updateComplete));
      await new Promise((resolve) => win.requestAnimationFrame(() => setTimeout(resolve, 50)));

      expect(buttons.every((button) => button.shadowRoot?.querySelector('button'))).to.equal(true);
      expect(layout(doc)).to.deep.equal(before);
      expect(
        shifts.reduce((sum, value) => sum + value, 0),
        'layout shift score',
      ).to.equal(0);
    } finally {
      frame.remove();
    }
  });
});

describe('dist/wpay-widget.iife.js, on a shop page the shopper leaves and comes back to', () => {
  it('is idle again when the Back button restores the page from the back-forward cache', async function () {
    this.timeout(20_000);
    const channel = new BroadcastChannel('wpay-bfcache');
    try {
      const report = new Promise<Record<string, unknown>>((resolve) => {
        channel.onmessage = (event) => resolve(event.data);
      });
      // A top-level window (frames are never put in the back-forward cache); `noopener`, as a
      // page with an opener is not cached either. It reports through the channel.
      window.open('/test/bfcache-shop.html', '_blank', 'noopener');
      expect(await report).to.deep.equal({
        persisted: true,
        state: 'idle',
        ariaBusy: 'false',
        checkouts: 2,
      });
    } finally {
      channel.close();
    }
  });
});

describe('dist/wpay-widget.iife.js', () => {
  let server: FetchMock | undefined;
  const warnings: unknown[][] = [];
  const warn = console.warn;

  before(async () => {
    console.warn = (...args: unknown[]) => {
      warnings.push(args);
    };
    await loadScript(IIFE);
  });

  after(() => {
    console.warn = warn;
  });

  afterEach(() => {
    server?.restore();
    server = undefined;
    document.body.replaceChildren();
  });

  it('defines both tags and exposes window.WPayWidget', () => {
    const widget = (window as unknown as { WPayWidget: WidgetGlobal }).WPayWidget;
    expect(widget.VERSION).to.match(/^\d+\.\d+\.\d+/);
    expect(customElements.get('wpay-button')).to.equal(widget.WpayButton);
    expect(customElements.get('wpay-return')).to.equal(widget.WpayReturn);
  });

  it('bundles Lit in production mode (no dev-mode warning)', () => {
    expect(warnings.flat().join(' ')).not.to.contain('dev mode');
  });

  it('runs a checkout from plain HTML markup', async () => {
    server = mockFetch(() => json({ redirectUrl: HPP_URL }));
    document.body.innerHTML =
      '<wpay-button endpoint="/api/checkout" data-sku="tee-42" amount="19.99" currency="USD" locale="en-US" allowed-hosts="openapi.stg.stablelink.app">Buy now</wpay-button>';
    const el = document.querySelector('wpay-button') as WpayButton;
    await el.updateComplete;
    const navigations: string[] = [];
    el.navigate = (url) => navigations.push(url);
    expect(el.shadowRoot!.querySelector('[part="amount"]')?.textContent).to.equal('$19.99');
    const redirected = oneEvent(el, 'wpay-redirect');
    el.shadowRoot!.querySelector('button')!.click();
    await redirected;
    expect(JSON.parse(server.calls[0]?.body ?? '')).to.deep.equal({ sku: 'tee-42' });
    expect(server.calls[0]?.headers.get('Idempotency-Key')).to.have.length(36);
    expect(navigations).to.deep.equal([HPP_URL]);
  });

  it('confirms a payment on a return page from plain HTML markup', async () => {
    const page = location.href;
    const arrival = new URL(page);
    arrival.searchParams.set('trxNo', 'TRX1');
    history.replaceState(history.state, '', arrival);
    server = mockFetch(() => json({ trxNo: 'TRX1', outcome: 'succeeded', final: true }));
    try {
      const confirmed = oneEvent(document.body, 'wpay-status');
      document.body.innerHTML =
        '<wpay-return status-endpoint="/api/status" locale="en"><p slot="failed">Sorry.</p></wpay-return>';
      await confirmed;
      const el = document.querySelector('wpay-return') as WpayReturn;
      await el.updateComplete;
      expect(new URL(server.calls[0]?.url ?? '').search).to.equal('?trxNo=TRX1');
      expect(el.state).to.equal('succeeded');
      expect(el.shadowRoot!.querySelector('[part="message"]')?.textContent).to.equal(
        'Payment confirmed. Thank you!',
      );
      expect(el.shadowRoot!.querySelector('[part="spinner"]')).to.equal(null);
    } finally {
      history.replaceState(history.state, '', page);
    }
  });

  it('is harmless when loaded a second time: the first copy stays, window.WPayWidget included', async () => {
    const before = customElements.get('wpay-button');
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onError);
    try {
      await loadScript(`${IIFE}?again`);
    } finally {
      window.removeEventListener('error', onError);
    }
    const widget = (window as unknown as { WPayWidget: WidgetGlobal }).WPayWidget;
    expect(customElements.get('wpay-button')).to.equal(before);
    expect(widget.WpayButton).to.equal(before);
    expect(widget.WpayReturn).to.equal(customElements.get('wpay-return'));
    expect(errors).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
  });

  it('lives with the npm build of the same version on one page, silently', async () => {
    const before = customElements.get('wpay-button');
    await import('./index.js');
    expect(customElements.get('wpay-button')).to.equal(before);
    expect(warnings.filter((args) => String(args[0]).includes('@wpay/widget'))).to.deep.equal([]);
  });
});

describe('dist/wpay-button.iife.js, the button-only file', () => {
  type Frame = { win: Window & typeof globalThis & { WPayWidget?: Partial<WidgetGlobal> } };

  /** A blank same-origin page in a frame, with its own registry. */
  async function blankPage(): Promise<Frame & { frame: HTMLIFrameElement }> {
    const frame = document.createElement('iframe');
    frame.src = '/test/blank.html';
    const loaded = new Promise((resolve) =>
      frame.addEventListener('load', resolve, { once: true }),
    );
    document.body.append(frame);
    await loaded;
    return { frame, win: frame.contentWindow as Frame['win'] };
  }

  function load(win: Window, src: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const script = win.document.createElement('script');
      script.src = src;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`could not load ${src}`));
      win.document.head.append(script);
    });
  }

  it('defines <wpay-button> alone, and exposes its classes on window.WPayWidget', async () => {
    const { frame, win } = await blankPage();
    try {
      await load(win, '/dist/wpay-button.iife.js');
      expect(win.customElements.get('wpay-button')).to.equal(win.WPayWidget?.WpayButton);
      expect(win.customElements.get('wpay-return')).to.equal(undefined);
      expect(Object.keys(win.WPayWidget ?? {}).sort()).to.deep.equal([
        'VERSION',
        'WpayButton',
        'WpayCheckoutEvent',
        'WpayErrorEvent',
        'WpayRedirectEvent',
      ]);
    } finally {
      frame.remove();
    }
  });

  it('lets the full file add <wpay-return> later, keeping the button it defined', async () => {
    const { frame, win } = await blankPage();
    try {
      await load(win, '/dist/wpay-button.iife.js');
      const button = win.customElements.get('wpay-button');
      await load(win, IIFE);
      expect(win.customElements.get('wpay-button')).to.equal(button);
      expect(win.WPayWidget?.WpayButton).to.equal(button);
      expect(win.customElements.get('wpay-return')).to.equal(win.WPayWidget?.WpayReturn);
    } finally {
      frame.remove();
    }
  });
});
