/**
 * Webhook event types and the shapes of their `data` (wpay-api.md §7, docs/protocol-defaults.md
 * "Webhooks"). Receivers treat any other type as an event of an unknown kind, never an error.
 *
 * @module
 */
import { deepFreeze } from './deep-freeze.js';

/**
 * What an event's `data` carries: the payment (order events), the subscription (subscription
 * events), or `{ subscription, bill }` (bill events).
 *
 * @example
 * ```ts
 * const kind: EventDataKind = 'payment';
 * ```
 */
export type EventDataKind = 'payment' | 'subscription' | 'bill';

/**
 * Every event type known, with the kind of its `data`. The first five are [twin] (WPay's list is
 * cut off there); `order.refunded`, `subscription.cancelled`, `subscription.bill.paid` and
 * `subscription.bill.failed` are [default]s.
 *
 * @example
 * ```ts
 * EVENT_TYPES['credit_card.order.paid']; // 'payment'
 * ```
 */
export const EVENT_TYPES = deepFreeze({
  'credit_card.order.paid': 'payment',
  'credit_card.order.failed': 'payment',
  'credit_card.order.cancelled': 'payment',
  'credit_card.order.expired': 'payment',
  'credit_card.subscription.expired': 'subscription',
  'credit_card.order.refunded': 'payment',
  'credit_card.subscription.cancelled': 'subscription',
  'credit_card.subscription.bill.paid': 'bill',
  'credit_card.subscription.bill.failed': 'bill',
} as const satisfies Record<string, EventDataKind>);

/**
 * An event type this version knows.
 *
 * @example
 * ```ts
 * const type: KnownEventType = 'credit_card.order.refunded';
 * ```
 */
export type KnownEventType = keyof typeof EVENT_TYPES;

/** An amount as WPay sends it: a JSON number in major units (some clients keep a string). */
type WireAmount = number | string;

/**
 * The payment object (wpay-api.md §6) as order events and the payment detail carry it. Only
 * `trxNo` is sure to be there; WPay adds fields it does not publish.
 *
 * @example
 * ```ts
 * const payment: PaymentData = { trxNo: 'TRX1', status: 'PAID', amount: 9.99, currency: 'USD' };
 * ```
 */
export interface PaymentData {
  id?: number;
  trxNo: string;
  gatewayOrderNo?: string | null;
  channelId?: string;
  status?: string;
  payMode?: string;
  mchOrderNo?: string;
  mchSubscriptionNo?: string | null;
  amount?: WireAmount;
  currency?: string;
  description?: string | null;
  customerEmail?: string | null;
  createTime?: string | null;
  payTime?: string | null;
  processingFee?: WireAmount | null;
  netAmount?: WireAmount | null;
  gatewayAvailableOn?: string | null;
  [field: string]: unknown;
}

/**
 * The subscription object (wpay-api.md §6). Only `id` is sure to be there.
 *
 * @example
 * ```ts
 * const subscription: SubscriptionData = { id: 7, mchSubscriptionNo: 'sub_1', status: 'ACTIVE' };
 * ```
 */
export interface SubscriptionData {
  id: number | string;
  mchSubscriptionNo?: string;
  status?: string;
  amount?: WireAmount;
  currency?: string;
  intervalUnit?: string;
  intervalCount?: number;
  createdTime?: string | null;
  [field: string]: unknown;
}

/**
 * A subscription bill (wpay-api.md §6). Only `id` is sure to be there.
 *
 * @example
 * ```ts
 * const bill: BillData = { id: 3, subscriptionId: 7, status: 'PAID', amount: 9.99 };
 * ```
 */
export interface BillData {
  id: number | string;
  subscriptionId?: number | string;
  status?: string;
  amount?: WireAmount;
  currency?: string;
  createdTime?: string | null;
  [field: string]: unknown;
}

/**
 * `data` of bill events.
 *
 * @example
 * ```ts
 * const data: BillEventData = { subscription: { id: 7 }, bill: { id: 3 } };
 * ```
 */
export interface BillEventData {
  subscription: SubscriptionData;
  bill: BillData;
  [field: string]: unknown;
}

/**
 * The `data` of each kind of event.
 *
 * @example
 * ```ts
 * const data: EventData['bill'] = { subscription: { id: 7 }, bill: { id: 3 } };
 * ```
 */
export interface EventData {
  payment: PaymentData;
  subscription: SubscriptionData;
  bill: BillEventData;
}

/**
 * The envelope of every webhook [twin]: `{ eventId, eventType, createTime, data }`. Deduplicate on
 * `eventId` (it may arrive as a number).
 *
 * @example
 * ```ts
 * const event: WebhookEnvelope = { eventId: 'evt_1', eventType: 'credit_card.order.paid', data: { trxNo: 'TRX1' } };
 * ```
 */
export interface WebhookEnvelope<Data = unknown> {
  eventId: string | number;
  eventType: string;
  createTime?: string | null;
  data: Data;
  [field: string]: unknown;
}
