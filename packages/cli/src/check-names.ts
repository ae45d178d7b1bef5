/** @module The named checks of `wpay doctor`, in the order they run, with what each one proves. */

/**
 * Every check the doctor can report, in the order it runs them, with the one sentence each
 * proves when it passes. The README's table is this list.
 *
 * @example
 * ```ts
 * CHECKS['webhook.raw-body']; // 'the webhook route verifies the raw bytes, not re-encoded JSON'
 * ```
 */
export const CHECKS = {
  'shop.reachable': 'the shop answers at its base URL',
  'clock.offset': "the shop's clock (its Date header) is within a minute of this machine's",
  'page.widget': 'the page shows a <wpay-button> and serves a script that defines it',
  'page.csp': "the page's Content-Security-Policy lets the widget load, post and redirect",
  'checkout.json': 'a JSON POST to the checkout route answers 200 {"redirectUrl"}',
  'shop.credentials': "the shop's calls to WPay are accepted (base URL, API key, sign key)",
  'checkout.redirect-host': 'redirectUrl points at the configured WPay, nowhere else',
  'checkout.idempotency': 'the same Idempotency-Key replays the same session',
  'checkout.price': 'a price sent by the browser is ignored',
  'checkout.form': 'a form POST (no JavaScript) answers 303 to the hosted page',
  'checkout.origin': 'a POST from a foreign Origin is refused',
  'webhook.redirect': 'the webhook URL answers itself, without a redirect',
  'webhook.signed': 'a signed event is answered 200 SUCCESS',
  'webhook.raw-body': 'the webhook route verifies the raw bytes, not re-encoded JSON',
  'webhook.forged': 'an event with a forged signature is refused',
  'webhook.duplicate': 'the same event delivered twice is acknowledged and handled once',
  'webhook.timing': "the webhook is answered within WPay's 15 s",
  'status.no-store': 'the status answer is not cacheable (Cache-Control: no-store)',
  'status.truth': 'the status answer is what WPay says, whatever the query claims',
  'wpay.token': 'WPay issues an access token for the API key and secret',
  'wpay.signature': 'WPay accepts a signed call and its answer verifies with the sign key',
} as const;

/**
 * The name of one check.
 *
 * @example
 * ```ts
 * const name: CheckName = 'status.no-store';
 * ```
 */
export type CheckName = keyof typeof CHECKS;
