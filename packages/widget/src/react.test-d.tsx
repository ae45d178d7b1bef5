// Type-level specs of `@wpay/widget/react`, checked by `pnpm typecheck` (never run). Each
// `@ts-expect-error` must stay an error, or the check fails.
import type * as React from 'react';
import type {
  WpayButton as WpayButtonElement,
  WpayCheckoutEvent,
  WpayStatusEvent,
} from './index.js';
import { WpayButton, WpayReturn } from './react.js';

/** Fails to compile unless `Actual` and `Expected` are the same type. */
type Equals<Actual, Expected> =
  (<T>() => T extends Actual ? 1 : 2) extends <T>() => T extends Expected ? 1 : 2 ? true : false;
function assertType<_T extends true>(): void {}

export function Page(): React.ReactNode {
  const ref: React.RefObject<WpayButtonElement | null> = { current: null };
  return (
    <>
      <WpayButton
        ref={ref}
        endpoint="/api/checkout"
        data-sku="tee-42"
        variant="secondary"
        size="large"
        fullWidth
        allowedHosts="openapi.stablelink.app"
        payload={{ quantity: 2 }}
        strings={{ pay: 'Buy now' }}
        navigate={(url) => window.open(url)}
        onWpayCheckout={(event) => {
          assertType<Equals<typeof event, WpayCheckoutEvent>>();
          event.detail.payload.quantity = 3;
        }}
        onWpayRedirect={(event) => event.detail.url}
        onWpayError={(event) => event.detail.code}
      >
        Buy now
      </WpayButton>
      <WpayReturn
        statusEndpoint="/api/status"
        maxAttempts={10}
        onWpayStatus={(event) => assertType<Equals<typeof event, WpayStatusEvent>>()}
      />
      {/* @ts-expect-error not a variant */}
      <WpayButton endpoint="/x" variant="huge" />
      {/* @ts-expect-error the return page has no checkout event */}
      <WpayReturn statusEndpoint="/x" onWpayCheckout={() => {}} />
    </>
  );
}
