/**
 * The webhook handler's `fulfilment` option: every known event goes to the fulfilment core
 * (which reads the truth from WPay and runs each transition once), then to the merchant's own
 * handler for that type, if any.
 *
 * @module
 */
import type { WebhookEventHandlers } from '../handlers/webhook-handler.js';
import {
  type KnownWebhookEventType,
  WEBHOOK_EVENT_DATA_SCHEMAS,
  type WebhookEvent,
} from '../webhooks/webhook-event.js';
import type { FulfilmentCore } from './create-fulfilment.js';

/**
 * Handlers for every known event type that hand the event to `fulfilment` first. When another
 * entry point holds the payment past the wait, they throw, so the answer is 500 and WPay retries.
 *
 * @example
 * ```ts
 * const on = fulfilmentWebhookHandlers(fulfilment, { 'credit_card.order.paid': (e) => log(e.eventId) });
 * ```
 */
export function fulfilmentWebhookHandlers(
  fulfilment: Pick<FulfilmentCore, 'event'>,
  on: WebhookEventHandlers = {},
): WebhookEventHandlers {
  const types = Object.keys(WEBHOOK_EVENT_DATA_SCHEMAS) as KnownWebhookEventType[];
  const merchant = on as Record<string, ((e: WebhookEvent, r: Request) => unknown) | undefined>;
  const wrap = (type: string) => async (event: WebhookEvent, request: Request) => {
    const result = await fulfilment.event(event, { source: 'webhook' });
    if (result?.busy) throw new Error('fulfilment: the payment is held by another entry point');
    await merchant[type]?.(event, request);
  };
  return Object.fromEntries(types.map((type) => [type, wrap(type)])) as WebhookEventHandlers;
}
