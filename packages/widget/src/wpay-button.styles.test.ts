import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { clickForError } from '../test/checkout.js';
import {
  deferred,
  type FetchMock,
  HPP_URL,
  json,
  mockFetch,
  unreachable,
} from '../test/mock-fetch.js';
import { build } from '../test/widget.js';
import type { WpayButton } from './wpay-button.js';

const part = (el: WpayButton, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
const style = (el: WpayButton, name: string) => getComputedStyle(part(el, name)!);

/** WCAG contrast of a computed colour (`rgb(…)` or `color(srgb …)`) against white. */
function contrastWithWhite(color: string): number {
  const numbers = (color.match(/[\d.]+/g) ?? []).map(Number);
  const channels = color.startsWith('color(')
    ? numbers.slice(0, 3)
    : numbers.slice(0, 3).map((value) => value / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) =>
    c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  );
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
}

describe(`<wpay-button> looks (${build})`, () => {
  let server: FetchMock | undefined;
  afterEach(async () => {
    server?.restore();
    server = undefined;
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  it('exposes the parts base (a native button), label, spinner and error', async () => {
    const el = await fixture<WpayButton>(html`<wpay-button endpoint="/x">Buy</wpay-button>`);
    expect(part(el, 'base')?.localName).to.equal('button');
    for (const name of ['label', 'spinner', 'error']) expect(part(el, name), name).to.exist;
  });

  it('lays out no error box until there is an error, then one under the button', async () => {
    const el = await fixture<WpayButton>(html`<wpay-button endpoint="/x">Buy</wpay-button>`);
    const error = part(el, 'error')!;
    const height = el.getBoundingClientRect().height;
    expect(error.getClientRects().length, 'no box while idle').to.equal(0);
    expect(height).to.equal(part(el, 'base')!.getBoundingClientRect().height);
    server = mockFetch(unreachable);
    await clickForError(el);
    expect(error.getClientRects().length).to.equal(1);
    expect(style(el, 'error').marginTop).to.equal('6px');
    expect(el.getBoundingClientRect().height).to.be.greaterThan(height);
  });

  it('shows the price in an amount part when amount and currency are set', async () => {
    const el = await fixture<WpayButton>(
      html`<wpay-button endpoint="/x" amount="19.99" currency="USD" locale="en-US">Buy</wpay-button>`,
    );
    expect(part(el, 'amount')?.textContent).to.equal('$19.99');
  });

  it('shows no amount part without a currency', async () => {
    const el = await fixture<WpayButton>(
      html`<wpay-button endpoint="/x" amount="19.99">Buy</wpay-button>`,
    );
    expect(part(el, 'amount')).to.equal(null);
  });

  it('renders an icon slotted before the label', async () => {
    const el = await fixture<WpayButton>(
      html`<wpay-button endpoint="/x"><span slot="icon" id="icon">★</span>Buy</wpay-button>`,
    );
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="icon"]')!;
    expect(slot.assignedElements().map((node) => node.id)).to.deep.equal(['icon']);
    const icon = el.querySelector('#icon')!.getBoundingClientRect();
    expect(icon.width).to.be.greaterThan(0);
  });

  it('sets only display on the host', async () => {
    const el = await fixture<WpayButton>(html`<wpay-button endpoint="/x">Buy</wpay-button>`);
    const host = getComputedStyle(el);
    expect(host.display).to.equal('inline-block');
    expect(host.backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    expect(host.padding).to.equal('0px');
  });

  it('has a minimum height per size: small 2rem, medium 2.75rem, large 3.25rem', async () => {
    const heights: Record<string, number> = { small: 32, medium: 44, large: 52 };
    for (const [size, height] of Object.entries(heights)) {
      const el = await fixture<WpayButton>(
        html`<wpay-button endpoint="/x" size=${size}>Buy</wpay-button>`,
      );
      expect(part(el, 'base')!.getBoundingClientRect().height, size).to.equal(height);
    }
  });

  it('draws the variants differently', async () => {
    const backgrounds: Record<string, string> = {};
    for (const variant of ['primary', 'secondary', 'outline']) {
      const el = await fixture<WpayButton>(
        html`<wpay-button endpoint="/x" variant=${variant}>Buy</wpay-button>`,
      );
      backgrounds[variant] = style(el, 'base').backgroundColor;
    }
    expect(backgrounds.primary).to.equal('rgb(67, 56, 202)');
    expect(backgrounds.outline).to.equal('rgba(0, 0, 0, 0)');
    expect(backgrounds.secondary).not.to.equal(backgrounds.primary);
    expect(backgrounds.secondary).not.to.equal(backgrounds.outline);
  });

  it('takes the full width of its container with full-width', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 400px"><wpay-button endpoint="/x" full-width>Buy</wpay-button></div>`,
    );
    const el = wrapper.querySelector('wpay-button')!;
    expect(getComputedStyle(el).display).to.equal('block');
    expect(part(el, 'base')!.getBoundingClientRect().width).to.equal(400);
  });

  describe('when the page sets --wpay-button-* properties', () => {
    it('uses them', async () => {
      const el = await fixture<WpayButton>(html`
        <wpay-button
          endpoint="/x"
          style="--wpay-button-accent: rgb(0, 128, 0); --wpay-button-radius: 0px; --wpay-button-height: 60px; --wpay-button-font-family: monospace"
          >Buy</wpay-button
        >
      `);
      const base = style(el, 'base');
      expect(base.backgroundColor).to.equal('rgb(0, 128, 0)');
      expect(base.borderTopLeftRadius).to.equal('0px');
      expect(base.fontFamily).to.equal('monospace');
      expect(part(el, 'base')!.getBoundingClientRect().height).to.equal(60);
    });

    it('ignores the private --_* ones', async () => {
      const el = await fixture<WpayButton>(
        html`<wpay-button endpoint="/x" style="--_bg: rgb(255, 0, 0); --_accent: rgb(255, 0, 0)">Buy</wpay-button>`,
      );
      expect(style(el, 'base').backgroundColor).to.equal('rgb(67, 56, 202)');
    });

    it('ignores a private --_ring for its focus ring, in light and dark mode', async () => {
      for (const scheme of ['light', 'dark'] as const) {
        await emulateMedia({ colorScheme: scheme });
        const el = await fixture<WpayButton>(
          html`<wpay-button endpoint="/x" style="--_ring: rgb(255, 0, 0)">Buy</wpay-button>`,
        );
        el.focus();
        await sendKeys({ press: 'Shift' }); // keyboard modality: :focus-visible
        expect(style(el, 'base').outlineColor, scheme).not.to.equal('rgb(255, 0, 0)');
      }
    });
  });

  it('switches to its dark palette under prefers-color-scheme: dark', async () => {
    const el = await fixture<WpayButton>(html`<wpay-button endpoint="/x">Buy</wpay-button>`);
    const light = style(el, 'base').backgroundColor;
    await emulateMedia({ colorScheme: 'dark' });
    const dark = style(el, 'base').backgroundColor;
    expect(dark).to.equal('rgb(165, 180, 252)');
    expect(dark).not.to.equal(light);
  });

  it('draws a focus ring that stands out (3:1) on a light page, in light and dark mode, for every variant', async () => {
    const ratios: Record<string, number> = {};
    for (const scheme of ['light', 'dark'] as const) {
      await emulateMedia({ colorScheme: scheme });
      for (const variant of ['primary', 'secondary', 'outline']) {
        const el = await fixture<WpayButton>(
          html`<wpay-button endpoint="/x" variant=${variant}>Buy</wpay-button>`,
        );
        el.focus();
        await sendKeys({ press: 'Shift' }); // keyboard modality: :focus-visible
        const ring = style(el, 'base');
        expect(ring.outlineStyle, `${scheme} ${variant}`).to.equal('solid');
        ratios[`${scheme} ${variant}`] = contrastWithWhite(ring.outlineColor);
      }
    }
    for (const [name, ratio] of Object.entries(ratios)) {
      expect(ratio, name).to.be.at.least(3);
    }
  });

  it('spins the spinner while busy, but not under prefers-reduced-motion: reduce', async () => {
    server = mockFetch(() => deferred<Response>().promise);
    const el = await fixture<WpayButton>(html`<wpay-button endpoint="/x">Buy</wpay-button>`);
    part(el, 'base')!.click();
    await el.updateComplete;
    expect(style(el, 'spinner').animationName).to.equal('wpay-spin');
    expect(el.shadowRoot!.getAnimations()).to.have.length(1);
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(style(el, 'spinner').animationName).to.equal('none');
  });

  it('runs no animation and lays out no spinner while idle (a page of many buttons stays cheap)', async () => {
    const el = await fixture<WpayButton>(html`<wpay-button endpoint="/x">Buy</wpay-button>`);
    expect(el.shadowRoot!.getAnimations()).to.deep.equal([]);
    expect(style(el, 'spinner').display).to.equal('none');
  });

  it('keeps the same box while busy: the spinner overlays the label', async () => {
    const answer = deferred<Response>();
    server = mockFetch(() => answer.promise);
    const el = await fixture<WpayButton>(
      html`<wpay-button endpoint="/x" amount="19.99" currency="USD">Buy now</wpay-button>`,
    );
    el.navigate = () => {};
    const base = part(el, 'base')!;
    const idle = el.getBoundingClientRect().toJSON();
    expect(style(el, 'spinner').display).to.equal('none');
    base.click();
    await el.updateComplete;
    expect(style(el, 'spinner').display).not.to.equal('none');
    expect(style(el, 'spinner').visibility).to.equal('visible');
    expect(el.getBoundingClientRect().toJSON()).to.deep.equal(idle);
    answer.resolve(json({ redirectUrl: HPP_URL }));
  });

  it('is exactly as tall as the space the README reserves before upgrade (2.75rem)', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div>
        <span style="display: inline-block; min-height: 2.75rem" id="reserved"></span>
        <wpay-button endpoint="/x">Buy</wpay-button>
      </div>
    `);
    const reserved = wrapper.querySelector('#reserved')!.getBoundingClientRect().height;
    const upgraded = wrapper.querySelector('wpay-button')!.getBoundingClientRect().height;
    expect(upgraded).to.equal(reserved);
  });
});
