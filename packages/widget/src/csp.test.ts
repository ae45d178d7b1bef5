import { expect, waitUntil } from '@open-wc/testing';
import type { WpayButton } from './wpay-button.js';

type CspWindow = Window &
  typeof globalThis & { cspViolations: string[]; inlineScriptRan?: boolean };

/** Opens a test page in a frame and waits until its <wpay-button> has rendered. */
async function open(path: string): Promise<CspWindow> {
  const frame = document.createElement('iframe');
  frame.src = path;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as CspWindow;
  await waitUntil(
    () =>
      win.document.querySelector<WpayButton>('wpay-button')?.shadowRoot?.querySelector('button'),
    'the button never rendered',
    { timeout: 10_000 },
  );
  return win;
}

for (const build of ['iife', 'esm']) {
  describe(`under script-src 'self'; style-src 'self' (${build} build)`, () => {
    after(() => {
      for (const frame of document.querySelectorAll('iframe')) frame.remove();
    });

    it('renders both elements with their styles, and violates nothing', async () => {
      const win = await open(`/test/csp.html?build=${build}`);
      const button = win.document.querySelector('wpay-button') as WpayButton;
      const base = button.shadowRoot!.querySelector('button')!;
      expect(win.getComputedStyle(base).backgroundColor).to.equal('rgb(67, 56, 202)');
      expect(base.getBoundingClientRect().height).to.equal(44);
      const returnEl = win.document.querySelector('wpay-return')!;
      await waitUntil(
        () => returnEl.shadowRoot?.querySelector('[part="base"]'),
        'return never rendered',
      );
      expect(win.inlineScriptRan, 'the policy is in force').to.equal(undefined);
      expect(win.cspViolations).to.deep.equal(['script-src-elem inline']);
    });
  });
}
