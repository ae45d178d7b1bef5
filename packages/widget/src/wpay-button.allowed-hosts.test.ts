// Its own file, hence its own page: the warning about a missing allowed-hosts is once per page.
import { expect, fixture, html } from '@open-wc/testing';
import { clickForRedirect } from '../test/checkout.js';
import { HPP_URL, json, mockFetch } from '../test/mock-fetch.js';
import { build } from '../test/widget.js';
import type { WpayButton } from './wpay-button.js';

function recordingLogger() {
  const warnings: string[] = [];
  return { warnings, logger: { warn: (message: string) => warnings.push(message) } };
}

describe(`<wpay-button> without allowed-hosts (${build})`, () => {
  it('still follows an https redirect to any host, but warns once per page naming allowed-hosts', async () => {
    const { warnings, logger } = recordingLogger();
    const server = mockFetch(() => json({ redirectUrl: HPP_URL }));
    try {
      const buttons: WpayButton[] = [];
      for (let i = 0; i < 3; i++) {
        const el = document.createElement('wpay-button') as WpayButton;
        el.logger = logger;
        el.endpoint = '/api/checkout';
        el.textContent = 'Buy';
        buttons.push(await fixture<WpayButton>(el));
      }
      const navigations: string[] = [];
      const [first] = buttons;
      if (!first) throw new Error('no button');
      first.navigate = (url) => navigations.push(url);
      await clickForRedirect(first);
      expect(navigations).to.deep.equal([HPP_URL]);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('allowed-hosts');
    } finally {
      server.restore();
    }
  });

  it('does not warn for a button that sets allowed-hosts', async () => {
    const { warnings, logger } = recordingLogger();
    const el = document.createElement('wpay-button') as WpayButton;
    el.logger = logger;
    el.setAttribute('allowed-hosts', 'openapi.stablelink.app');
    el.endpoint = '/api/checkout';
    await fixture<WpayButton>(el);
    expect(warnings).to.deep.equal([]);
  });

  it('warns through the console by default', async () => {
    // A new page would be needed to see the default logger warn again; it is the console logger.
    const el = await fixture<WpayButton>(
      html`<wpay-button endpoint="/api/checkout">Buy</wpay-button>`,
    );
    expect(el.logger.warn).to.be.a('function');
  });
});
