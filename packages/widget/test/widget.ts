// The widget under test, from one of two builds. The element specs (src/wpay-*.test.ts) import it
// from here, never from the sources directly, so web-test-runner.config.mjs runs each of them
// twice: on the sources (group "default"), and on the built file a plain page loads (group
// "iife", whose page loads dist/wpay-widget.iife.js before the test, setting window.WPayWidget).

import type * as Sources from '../src/index.js';

/** What both builds expose: the IIFE file's `window.WPayWidget`, a subset of the npm build. */
export type Widget = Pick<
  typeof Sources,
  | 'VERSION'
  | 'WpayButton'
  | 'WpayReturn'
  | 'WpayCheckoutEvent'
  | 'WpayRedirectEvent'
  | 'WpayErrorEvent'
  | 'WpayStatusEvent'
>;

const iife = (window as { WPayWidget?: Widget }).WPayWidget;
if (!iife && document.querySelector('script[src$="/wpay-widget.iife.js"]')) {
  throw new Error('dist/wpay-widget.iife.js did not set window.WPayWidget');
}

/** Which build defined the tags on this page. */
export const build: 'iife' | 'sources' = iife ? 'iife' : 'sources';

/** The classes of the build that defined the tags (for `instanceof` checks on its events). */
export const widget: Widget = iife ?? (await import('../src/index.js'));
