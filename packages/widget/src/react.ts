'use client';

// Entry of `@wpay/widget/react`: React components for the two elements, made by @lit/react. They
// set `payload`, `strings`, `navigate` and `logger` as properties and add the `wpay-*` listeners
// from a layout effect, so both reach the element after server rendering and hydration too (React
// 19 alone drops them on a hydrated custom element). Element props are not rendered into the
// server's HTML (the element gets them at hydration; `data-*` and `class` are attributes, so they
// are). The built file starts with 'use client' (vite.config.ts keeps it).
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import type {
  WpayCheckoutEvent,
  WpayErrorEvent,
  WpayRedirectEvent,
  WpayStatusEvent,
} from './events.js';
import { WpayButton as WpayButtonElement, WpayReturn as WpayReturnElement } from './index.js';

/**
 * `<WpayButton>`'s event props: `onWpayCheckout` for `wpay-checkout`, and so on.
 *
 * @example
 * ```ts
 * const onWpayError: WpayButtonEvents['onWpayError'] = 'wpay-error' as WpayButtonEvents['onWpayError'];
 * ```
 */
export type WpayButtonEvents = {
  onWpayCheckout: EventName<WpayCheckoutEvent>;
  onWpayRedirect: EventName<WpayRedirectEvent>;
  onWpayError: EventName<WpayErrorEvent>;
};

/**
 * `<WpayReturn>`'s event props: `onWpayStatus` for `wpay-status`, `onWpayError` for `wpay-error`.
 *
 * @example
 * ```ts
 * const onWpayStatus: WpayReturnEvents['onWpayStatus'] = 'wpay-status' as WpayReturnEvents['onWpayStatus'];
 * ```
 */
export type WpayReturnEvents = {
  onWpayStatus: EventName<WpayStatusEvent>;
  onWpayError: EventName<WpayErrorEvent>;
};

const buttonEvents = {
  onWpayCheckout: 'wpay-checkout',
  onWpayRedirect: 'wpay-redirect',
  onWpayError: 'wpay-error',
} as WpayButtonEvents;

const returnEvents = {
  onWpayStatus: 'wpay-status',
  onWpayError: 'wpay-error',
} as WpayReturnEvents;

/**
 * `<wpay-button>` as a React component: every property of the element is a prop (`payload`
 * included, set as a property even after hydration), its events are `onWpayCheckout`,
 * `onWpayRedirect` and `onWpayError`. Use it in a Client Component.
 *
 * @example
 * ```tsx
 * 'use client';
 * import { WpayButton } from '@wpay/widget/react';
 *
 * export function Buy({ quantity }: { quantity: number }) {
 *   return (
 *     <WpayButton endpoint="/api/checkout" data-sku="tee-42" payload={{ quantity }}
 *                 onWpayError={(event) => console.warn(event.detail.code)}>
 *       Buy now
 *     </WpayButton>
 *   );
 * }
 * ```
 */
export const WpayButton = createComponent({
  react: React,
  tagName: 'wpay-button',
  elementClass: WpayButtonElement,
  events: buttonEvents,
  displayName: 'WpayButton',
});

/**
 * `<wpay-return>` as a React component: `statusEndpoint` and the other properties are props, its
 * events are `onWpayStatus` and `onWpayError`. Use it in a Client Component.
 *
 * @example
 * ```tsx
 * 'use client';
 * import { WpayReturn } from '@wpay/widget/react';
 *
 * export function PaymentResult() {
 *   return (
 *     <WpayReturn statusEndpoint="/api/status"
 *                 onWpayStatus={(event) => event.detail.final && console.info(event.detail.outcome)} />
 *   );
 * }
 * ```
 */
export const WpayReturn = createComponent({
  react: React,
  tagName: 'wpay-return',
  elementClass: WpayReturnElement,
  events: returnEvents,
  displayName: 'WpayReturn',
});
