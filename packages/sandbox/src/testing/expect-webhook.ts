/** @module Waits for the webhook a test expects, and says what came instead when it does not. */
import type { Sandbox } from '../start-sandbox.js';
import type { Delivery, DeliveryState } from '../webhooks/webhook-dispatcher.js';

/**
 * What the expected webhook must match; every given field must match.
 *
 * @example
 * ```ts
 * const expected: ExpectedWebhook = { eventType: 'credit_card.order.paid', trxNo };
 * ```
 */
export interface ExpectedWebhook {
  eventType: string;
  /** `data.trxNo` of the event. */
  trxNo?: string;
  /** `data.subscriptionId` of the event. */
  subscriptionId?: number;
  /** Any other fields of `data` (compared with `===`). */
  data?: Record<string, unknown>;
  /** State of its delivery (default `delivered`: the receiver acknowledged it). */
  state?: DeliveryState;
  /** Give up after this many real ms (default 5 000). */
  timeoutMs?: number;
}

/**
 * The event found: its parsed body and its delivery.
 *
 * @example
 * ```ts
 * const { data, delivery }: ReceivedWebhook = await expectWebhook(sb, { eventType });
 * ```
 */
export interface ReceivedWebhook {
  eventId: string;
  eventType: string;
  data: Record<string, unknown>;
  delivery: Delivery;
}

/**
 * Resolves with the first event that matches once its delivery reached `state`; rejects after
 * `timeoutMs` with the events that were sent instead, so a failing test says what happened.
 *
 * @example
 * ```ts
 * await sb.pay(trxNo);
 * const { data } = await expectWebhook(sb, { eventType: 'credit_card.order.paid', trxNo });
 * ```
 */
export async function expectWebhook(
  sb: Sandbox,
  expected: ExpectedWebhook,
): Promise<ReceivedWebhook> {
  const { state = 'delivered', timeoutMs = 5_000 } = expected;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = matchOf(sb, expected, state);
    if (found) return found;
    if (Date.now() >= deadline) throw new Error(missingMessage(sb, expected, state, timeoutMs));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function matchOf(
  sb: Sandbox,
  expected: ExpectedWebhook,
  state: DeliveryState,
): ReceivedWebhook | undefined {
  const deliveries = sb.deliveries();
  for (const event of sb.events()) {
    if (event.eventType !== expected.eventType) continue;
    const data = (JSON.parse(event.body) as { data?: Record<string, unknown> }).data ?? {};
    const wanted = {
      ...expected.data,
      ...(expected.trxNo === undefined ? {} : { trxNo: expected.trxNo }),
      ...(expected.subscriptionId === undefined ? {} : { subscriptionId: expected.subscriptionId }),
    };
    if (!Object.entries(wanted).every(([key, value]) => data[key] === value)) continue;
    const delivery = deliveries.find((d) => d.eventId === event.eventId && d.state === state);
    if (delivery) return { eventId: event.eventId, eventType: event.eventType, data, delivery };
  }
  return undefined;
}

function missingMessage(
  sb: Sandbox,
  expected: ExpectedWebhook,
  state: DeliveryState,
  timeoutMs: number,
): string {
  const seen = sb
    .deliveries()
    .map(
      (d) =>
        `${d.eventType} (${d.state}${d.attempts.at(-1)?.status ? `, last ${d.attempts.at(-1)?.status}` : ''})`,
    );
  const { timeoutMs: _t, state: _s, ...what } = expected;
  return `expectWebhook: no ${state} ${JSON.stringify(what)} within ${timeoutMs} ms; deliveries: ${seen.join(', ') || 'none'}`;
}
