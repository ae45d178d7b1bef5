/** @module The `--data` file's format: every merchant's records, the clock offset and the counters. */
import {
  BILL_STATUSES,
  INTERVAL_UNITS,
  PAY_MODES,
  PAYMENT_STATUSES,
  SUBSCRIPTION_STATUSES,
} from '@wpay/protocol';
import { z } from 'zod';
import type { IdCounters } from '../domain/id-sequence.js';
import {
  type BillRecord,
  type CheckoutRequest,
  type PaymentRecord,
  type RefundRecord,
  type SubscriptionRecord,
  TEST_CARDS,
  type TestCard,
} from '../domain/records.js';
import type { Delivery, WebhookEvent } from '../webhooks/webhook-dispatcher.js';

/** The tag of a sandbox data file: a file without it is not one (a foreign file is refused). */
export const DATA_FORMAT = 'wpay-sandbox-data';
/** The version of the format this sandbox reads and writes. */
export const DATA_VERSION = 1;

const time = z.number().finite();
const nullableTime = time.nullable();
const text = z.string();
const card = z.enum(TEST_CARDS.map((c) => c.card) as [TestCard, ...TestCard[]]);

const CheckoutRequestSchema: z.ZodType<CheckoutRequest> = z.object({
  mchOrderNo: text,
  amountMinor: z.number().int().nonnegative(),
  currency: text,
  payMode: z.enum(PAY_MODES),
  successUrl: text,
  cancelUrl: text,
  description: text.nullable(),
  customerEmail: text.nullable(),
  mchSubscriptionNo: text.nullable(),
  intervalUnit: z.enum(INTERVAL_UNITS).nullable(),
  intervalCount: z.number().int().positive().nullable(),
});

const PaymentRecordSchema: z.ZodType<PaymentRecord> = z.object({
  id: z.number().int(),
  trxNo: text,
  gatewayOrderNo: text,
  sessionId: text.nullable(),
  request: CheckoutRequestSchema,
  status: z.enum(PAYMENT_STATUSES),
  createdAt: time,
  updatedAt: time,
  expiresAt: time,
  paidAt: nullableTime,
  submittedCard: card.nullable(),
  challenge: z.enum(['pending', 'abandoned']).nullable(),
  failureReason: text.nullable(),
  refundedMinor: z.number().int().nonnegative(),
  subscriptionId: z.number().int().nullable(),
});

const SubscriptionRecordSchema: z.ZodType<SubscriptionRecord> = z.object({
  id: z.number().int(),
  mchSubscriptionNo: text,
  mchOrderNo: text,
  firstTrxNo: text,
  status: z.enum(SUBSCRIPTION_STATUSES),
  amountMinor: z.number().int().nonnegative(),
  currency: text,
  intervalUnit: z.enum(INTERVAL_UNITS),
  intervalCount: z.number().int().positive(),
  description: text.nullable(),
  customerEmail: text.nullable(),
  createdAt: time,
  periodsBilled: z.number().int().nonnegative(),
  nextBillAt: nullableTime,
  cancelledAt: nullableTime,
  cancelReason: text.nullable(),
  expiredAt: nullableTime,
  failedRenewals: z.number().int().nonnegative(),
  renewalCard: card,
});

const BillRecordSchema: z.ZodType<BillRecord> = z.object({
  id: z.number().int(),
  subscriptionId: z.number().int(),
  trxNo: text,
  period: z.number().int(),
  amountMinor: z.number().int().nonnegative(),
  currency: text,
  status: z.enum(BILL_STATUSES),
  failureReason: text.nullable(),
  createdAt: time,
});

const RefundRecordSchema: z.ZodType<RefundRecord> = z.object({
  refundNo: text,
  trxNo: text,
  amountMinor: z.number().int().positive(),
  currency: text,
  reason: text.nullable(),
  status: z.literal('SUCCESS'),
  createdAt: time,
});

const WebhookEventSchema: z.ZodType<WebhookEvent> = z.object({
  eventId: text,
  eventType: text,
  createTime: text,
  body: text,
});

const DeliverySchema: z.ZodType<Delivery> = z.object({
  deliveryId: z.number().int(),
  eventId: text,
  eventType: text,
  url: text.nullable(),
  state: z.enum(['pending', 'delivered', 'failed', 'dropped', 'no_url', 'closed']),
  attempts: z.array(
    z.object({
      attempt: z.number().int(),
      at: text,
      delayMs: z.number(),
      status: z.number().int().nullable(),
      durationMs: z.number(),
      bodyExcerpt: text,
      error: text.nullable(),
      warning: text.nullable(),
    }),
  ),
  nextAttemptAt: nullableTime,
  redelivery: z.boolean(),
  faults: z.array(text) as z.ZodType<Delivery['faults']>,
});

/**
 * One merchant's part of the data file.
 *
 * @example
 * ```ts
 * const part: MerchantData = data.merchants.default;
 * ```
 */
export interface MerchantData {
  /** Oldest first. */
  payments: PaymentRecord[];
  subscriptions: SubscriptionRecord[];
  bills: BillRecord[];
  refunds: RefundRecord[];
  events: WebhookEvent[];
  deliveries: Delivery[];
  /** The webhook URL as last set (`setWebhookUrl`, the control API, the dashboard). */
  webhookUrl: string | null;
  buyerReturns: boolean;
}

const MerchantDataSchema: z.ZodType<MerchantData> = z.object({
  payments: z.array(PaymentRecordSchema),
  subscriptions: z.array(SubscriptionRecordSchema),
  bills: z.array(BillRecordSchema),
  refunds: z.array(RefundRecordSchema),
  events: z.array(WebhookEventSchema),
  deliveries: z.array(DeliverySchema),
  webhookUrl: text.nullable(),
  buyerReturns: z.boolean(),
});

/**
 * Everything a sandbox writes to its `--data` file. Access tokens are not in it: after a restart
 * clients get a 401 and fetch a new token (as they do when WPay revokes one).
 *
 * @example
 * ```ts
 * const data: SandboxData = JSON.parse(readFileSync('sandbox.json', 'utf8'));
 * Object.keys(data.merchants); // ['default', 'north']
 * ```
 */
export interface SandboxData {
  format: typeof DATA_FORMAT;
  version: typeof DATA_VERSION;
  /** When it was written (real clock, ISO). */
  savedAt: string;
  /** How far the sandbox clock was advanced. */
  clockOffsetMs: number;
  /** The identifier counters (shared by every merchant). */
  ids: IdCounters;
  merchants: Record<string, MerchantData>;
}

/**
 * The zod schema of {@link SandboxData}: a data file is read through it.
 *
 * @example
 * ```ts
 * SandboxDataSchema.safeParse(JSON.parse(text)).success;
 * ```
 */
export const SandboxDataSchema: z.ZodType<SandboxData> = z.object({
  format: z.literal(DATA_FORMAT),
  version: z.literal(DATA_VERSION),
  savedAt: text,
  clockOffsetMs: z.number().finite().nonnegative(),
  ids: z.object({
    seq: z.number().int().nonnegative(),
    payment: z.number().int().nonnegative(),
    subscription: z.number().int().nonnegative(),
    bill: z.number().int().nonnegative(),
  }),
  merchants: z.record(z.string(), MerchantDataSchema),
});
