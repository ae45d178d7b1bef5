/**
 * The webhook envelope and the typed events (wpay-api.md §7, docs/protocol-defaults.md).
 *
 * `{ eventId, eventType, createTime, data }`: `data` is the payment (order events), the
 * subscription (subscription events) or `{ subscription, bill }` (bill events). Every object keeps
 * the fields WPay adds later. An `eventType` this version does not know parses as an unknown
 * event (`known: false`, `data: unknown`), never as an error.
 *
 * @module
 */
import { EVENT_TYPES, type KnownEventType } from '@wpay/protocol';
import { englishZodMessages } from '../english-zod-messages.js';
import { issuesOf } from '../validate.js';
import * as z from '../zod.js';

englishZodMessages();

const amount = z.union([z.number(), z.string()]);

/**
 * The payment carried by order events; only `trxNo` is required, unknown fields are kept.
 *
 * @example
 * ```ts
 * webhookPaymentSchema.parse({ trxNo: 'TRX1', status: 'PAID', amount: 9.99, currency: 'USD' });
 * ```
 */
export const webhookPaymentSchema = z.looseObject({
  id: z.optional(z.number()),
  trxNo: z.string().check(z.minLength(1)),
  mchOrderNo: z.optional(z.string()),
  mchSubscriptionNo: z.nullish(z.string()),
  status: z.optional(z.string()),
  payMode: z.optional(z.string()),
  amount: z.optional(amount),
  currency: z.optional(z.string()),
  description: z.nullish(z.string()),
  customerEmail: z.nullish(z.string()),
  createTime: z.nullish(z.string()),
  payTime: z.nullish(z.string()),
});

/**
 * The subscription carried by subscription events; only `id` is required.
 *
 * @example
 * ```ts
 * webhookSubscriptionSchema.parse({ id: 7, mchSubscriptionNo: 'sub_1', status: 'CANCELLED' });
 * ```
 */
export const webhookSubscriptionSchema = z.looseObject({
  id: z.union([z.number(), z.string()]),
  mchSubscriptionNo: z.optional(z.string()),
  status: z.optional(z.string()),
  amount: z.optional(amount),
  currency: z.optional(z.string()),
  intervalUnit: z.optional(z.string()),
  intervalCount: z.optional(z.number()),
  createdTime: z.nullish(z.string()),
});

/**
 * A subscription bill; only `id` is required.
 *
 * @example
 * ```ts
 * webhookBillSchema.parse({ id: 3, subscriptionId: 7, status: 'PAID', amount: 9.99 });
 * ```
 */
export const webhookBillSchema = z.looseObject({
  id: z.union([z.number(), z.string()]),
  subscriptionId: z.optional(z.union([z.number(), z.string()])),
  status: z.optional(z.string()),
  amount: z.optional(amount),
  currency: z.optional(z.string()),
  createdTime: z.nullish(z.string()),
});

/**
 * `data` of bill events: `{ subscription, bill }`.
 *
 * @example
 * ```ts
 * webhookBillDataSchema.parse({ subscription: { id: 7 }, bill: { id: 3 } });
 * ```
 */
export const webhookBillDataSchema = z.looseObject({
  subscription: webhookSubscriptionSchema,
  bill: webhookBillSchema,
});

/**
 * The envelope every webhook has. `eventId` may arrive as a number; it is read as a string.
 *
 * @example
 * ```ts
 * webhookEnvelopeSchema.parse({ eventId: 'evt_1', eventType: 'x.y', data: {} });
 * ```
 */
export const webhookEnvelopeSchema = z.looseObject({
  eventId: z.pipe(
    z.union([z.string().check(z.minLength(1)), z.number()], {
      error: 'must be a non-empty string',
    }),
    z.transform(String),
  ),
  eventType: z.string().check(z.minLength(1)),
  createTime: z.nullish(z.string()),
  data: z.unknown(),
});

/** The schema of each kind of `data`. */
const SCHEMA_OF_KIND = {
  payment: webhookPaymentSchema,
  subscription: webhookSubscriptionSchema,
  bill: webhookBillDataSchema,
} as const;

/**
 * The event types this version knows (`@wpay/protocol`'s `EVENT_TYPES`), each with the schema of
 * its `data`.
 *
 * @example
 * ```ts
 * Object.keys(WEBHOOK_EVENT_DATA_SCHEMAS); // ['credit_card.order.paid', …]
 * ```
 */
export const WEBHOOK_EVENT_DATA_SCHEMAS = Object.fromEntries(
  Object.entries(EVENT_TYPES).map(([type, kind]) => [type, SCHEMA_OF_KIND[kind]]),
) as { readonly [T in KnownEventType]: (typeof SCHEMA_OF_KIND)[(typeof EVENT_TYPES)[T]] };

/**
 * Payment carried by order events.
 *
 * @example
 * ```ts
 * on: { 'credit_card.order.failed': (event) => notify((event.data satisfies WebhookPayment).mchOrderNo) }
 * ```
 */
export type WebhookPayment = z.infer<typeof webhookPaymentSchema>;
/**
 * Subscription carried by subscription events.
 *
 * @example
 * ```ts
 * on: { 'credit_card.subscription.cancelled': (event) => end((event.data satisfies WebhookSubscription).id) }
 * ```
 */
export type WebhookSubscription = z.infer<typeof webhookSubscriptionSchema>;
/**
 * `data` of bill events.
 *
 * @example
 * ```ts
 * on: { 'credit_card.subscription.bill.paid': ({ data }: { data: WebhookBillData }) => extend(data.subscription.id) }
 * ```
 */
export type WebhookBillData = z.infer<typeof webhookBillDataSchema>;

/**
 * Every event type this version knows.
 *
 * @example
 * ```ts
 * const handled: KnownWebhookEventType[] = ['credit_card.order.paid', 'credit_card.order.refunded'];
 * ```
 */
export type KnownWebhookEventType = keyof typeof WEBHOOK_EVENT_DATA_SCHEMAS;

/** The fields every event has. */
interface WebhookEventBase {
  /** Unique per event, the same on every retry: deduplicate on it. */
  eventId: string;
  /** When WPay created the event, as sent. */
  createTime?: string | null | undefined;
  /** The whole parsed body, for fields this version does not type. */
  raw: Record<string, unknown>;
}

/**
 * A known event, `data` typed by `eventType`.
 *
 * @example
 * ```ts
 * if (event.known && event.eventType === 'credit_card.order.paid') event.data.trxNo;
 * ```
 */
export type KnownWebhookEvent = {
  [T in KnownWebhookEventType]: WebhookEventBase & {
    known: true;
    eventType: T;
    data: z.infer<(typeof WEBHOOK_EVENT_DATA_SCHEMAS)[T]>;
  };
}[KnownWebhookEventType];

/**
 * An event whose type this version does not know; acknowledged, never an error.
 *
 * @example
 * ```ts
 * if (!event.known) log.info(`unhandled WPay event ${event.eventType}`);
 * ```
 */
export interface UnknownWebhookEvent extends WebhookEventBase {
  known: false;
  eventType: string;
  data: unknown;
}

/**
 * A verified, parsed webhook event.
 *
 * @example
 * ```ts
 * const event: WebhookEvent = await wpay.webhooks.verify(rawBody, headers);
 * ```
 */
export type WebhookEvent = KnownWebhookEvent | UnknownWebhookEvent;

/**
 * The event of type `T`.
 *
 * @example
 * ```ts
 * async function onPaid(event: WebhookEventOf<'credit_card.order.paid'>) {
 *   await fulfil(event.data.trxNo);
 * }
 * ```
 */
export type WebhookEventOf<T extends KnownWebhookEventType> = Extract<
  KnownWebhookEvent,
  { eventType: T }
>;

/**
 * Result of {@link parseWebhookEvent}.
 *
 * @example
 * ```ts
 * const parsed: ParseWebhookEventResult = parseWebhookEvent(JSON.parse(text));
 * if (parsed.success) handle(parsed.event);
 * ```
 */
export type ParseWebhookEventResult =
  | { success: true; event: WebhookEvent }
  | { success: false; issues: Array<{ path: string; message: string }> };

function isKnownType(type: string): type is KnownWebhookEventType {
  return Object.hasOwn(WEBHOOK_EVENT_DATA_SCHEMAS, type);
}

/**
 * Types a parsed JSON body (after its signature was verified) as a {@link WebhookEvent}.
 *
 * @example
 * ```ts
 * const result = parseWebhookEvent(JSON.parse(rawText));
 * if (result.success && result.event.eventType === 'credit_card.order.paid') fulfil(result.event.data.trxNo);
 * ```
 */
export function parseWebhookEvent(json: unknown): ParseWebhookEventResult {
  const envelope = webhookEnvelopeSchema.safeParse(json);
  if (!envelope.success) return { success: false, issues: issuesOf(envelope.error) };
  const { eventId, eventType, createTime, data } = envelope.data;
  const raw = json as Record<string, unknown>;
  if (!isKnownType(eventType)) {
    return { success: true, event: { known: false, eventId, eventType, createTime, data, raw } };
  }
  const parsed = WEBHOOK_EVENT_DATA_SCHEMAS[eventType].safeParse(data);
  if (!parsed.success) return { success: false, issues: issuesOf(parsed.error, 'data') };
  const event = { known: true, eventId, eventType, createTime, data: parsed.data, raw };
  return { success: true, event: event as KnownWebhookEvent };
}
