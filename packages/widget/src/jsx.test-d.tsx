// biome-ignore-all lint/correctness/useJsxKeyInIterable: type-level specs, never rendered
// Type-level specs, checked by `pnpm typecheck` (never run): what a TypeScript user of the package
// sees. Each `@ts-expect-error` must stay an error, or the check fails.
// The factory `h` has no JSX namespace of its own, so TypeScript reads the global one (with
// React's types in the program, the default `React.createElement` would send it to `React.JSX`).
/** @jsx h */
import type {
  WpayButton,
  WpayButtonJsxProps,
  WpayCheckoutEvent,
  WpayErrorCode,
  WpayReturn,
  WpayStatusEvent,
} from './index.js';

/** Fails to compile unless `Actual` and `Expected` are the same type. */
type Equals<Actual, Expected> =
  (<T>() => T extends Actual ? 1 : 2) extends <T>() => T extends Expected ? 1 : 2 ? true : false;
function assertType<_T extends true>(): void {}
declare function h(tag: string, props: unknown, ...children: unknown[]): unknown;

// HTMLElementTagNameMap: the tags are their classes.
assertType<Equals<HTMLElementTagNameMap['wpay-button'], WpayButton>>();
assertType<Equals<HTMLElementTagNameMap['wpay-return'], WpayReturn>>();
export const created: WpayReturn = document.createElement('wpay-return');
export const button: WpayButton | null = document.querySelector('wpay-button');

// GlobalEventHandlersEventMap: listeners get the typed events and their details.
button?.addEventListener('wpay-checkout', (event) => {
  assertType<Equals<typeof event, WpayCheckoutEvent>>();
  event.detail.payload.quantity = 2;
});
button?.addEventListener('wpay-redirect', (event) => {
  const url: string = event.detail.url;
  const trxNo: string | undefined = event.detail.trxNo;
  void [url, trxNo];
});
document.addEventListener('wpay-error', (event) => {
  assertType<Equals<typeof event.detail.code, WpayErrorCode>>();
  // @ts-expect-error a code outside the union
  event.detail.code === 'offline';
});
document.querySelector('wpay-return')?.addEventListener('wpay-status', (event) => {
  assertType<Equals<typeof event, WpayStatusEvent>>();
  const final: boolean = event.detail.final;
  void final;
});

// Properties: string-literal unions, typed payload and strings; `state` is read-only.
if (button) {
  button.variant = 'outline';
  // @ts-expect-error not a variant
  button.variant = 'huge';
  button.strings = { pay: 'Buy' };
  // @ts-expect-error not a string key
  button.strings = { buy: 'Buy' };
  // @ts-expect-error read-only
  button.state = 'idle';
}

// JSX: the global JSX.IntrinsicElements knows both tags.
export const jsx = [
  <wpay-button
    key="tee"
    endpoint="/api/checkout"
    data-sku="tee-42"
    amount={19.99}
    currency="USD"
    variant="secondary"
    size="large"
    full-width
    allowed-hosts="openapi.stablelink.app"
    payload={{ quantity: 2 }}
    strings={{ pay: 'Buy now' }}
    onwpay-checkout={(event) => event.detail.payload}
    onwpay-redirect={(event) => event.detail.url}
    onwpay-error={(event) => event.detail.code}
  >
    Buy now
  </wpay-button>,
  <wpay-return status-endpoint="/api/status" max-attempts={10} onwpay-status={(e) => e.detail} />,
  // @ts-expect-error endpoint is required
  <wpay-button data-sku="tee-42" />,
  // @ts-expect-error not a size
  <wpay-button endpoint="/x" size="huge" />,
  // @ts-expect-error status-endpoint is required
  <wpay-return />,
  // @ts-expect-error not a property of the button (hyphenated names are never checked by TS)
  <wpay-button endpoint="/x" maxAttempts={3} />,
];

// A React 19 project extends its own JSX namespace with the exported props (see the README).
export type ReactStyleIntrinsics = { 'wpay-button': WpayButtonJsxProps };
