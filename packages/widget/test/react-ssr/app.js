// The page of test/react-ssr.test.mjs, as a Next.js Client Component would be: rendered to HTML
// by react-dom/server in Node, then hydrated in Chromium by client.js. Plain `createElement` (no
// JSX step); the widget is the built `@wpay/widget/react` (dist/react.js).
import { createElement } from 'react';
import { WpayButton } from '../../dist/react.js';

/** What the page saw, read by the test: the checkout events' payloads and the redirect. */
const seen = () => {
  globalThis.__wpay ??= { checkouts: [], navigatedTo: undefined };
  return globalThis.__wpay;
};

export function App() {
  return createElement(
    WpayButton,
    {
      endpoint: '/checkout',
      'data-sku': 'tee-42',
      payload: { quantity: 3 },
      navigate: (url) => {
        seen().navigatedTo = url;
      },
      onWpayCheckout: (event) => {
        seen().checkouts.push(structuredClone(event.detail.payload));
      },
    },
    'Buy now',
  );
}
