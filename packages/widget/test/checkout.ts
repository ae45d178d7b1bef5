// Shopper actions on a <wpay-button> under test, waiting for their outcome.
import { oneEvent } from '@open-wc/testing';
import type { WpayErrorEvent, WpayRedirectEvent } from '../src/events.js';
import type { WpayButton } from '../src/wpay-button.js';

/** Clicks the button's own `<button>` (as the shopper does) and waits for `wpay-redirect`. */
export function clickForRedirect(el: WpayButton): Promise<WpayRedirectEvent> {
  const redirected = oneEvent(el, 'wpay-redirect');
  el.shadowRoot!.querySelector('button')!.click();
  return redirected;
}

/**
 * Clicks the button's own `<button>` and waits for `wpay-error`, then for the render that shows
 * its message.
 */
export async function clickForError(el: WpayButton): Promise<WpayErrorEvent> {
  const failed = oneEvent(el, 'wpay-error');
  el.shadowRoot!.querySelector('button')!.click();
  const event = await failed;
  await el.updateComplete;
  return event;
}
