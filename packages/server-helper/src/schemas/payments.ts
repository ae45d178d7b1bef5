/**
 * Payments (§5–6): the payment object, its list and detail requests.
 *
 * @module
 */
import { PAYMENT_STATUSES, type KnownPaymentStatus as ProtocolPaymentStatus } from '@wpay/protocol';
import * as z from '../zod.js';
import {
  amountInput,
  amountsToWire,
  currencyCode,
  DEFAULT_SCHEMA_SETTINGS,
  openEnum,
  pageSchema,
  refineAmounts,
  type SchemaSettings,
  wpayDateTime,
} from './common.js';

/**
 * Payment statuses known today [doc + twins]; WPay may add others (`@wpay/protocol`'s
 * `PAYMENT_STATUSES`).
 *
 * @example
 * ```ts
 * const known = (KNOWN_PAYMENT_STATUSES as readonly string[]).includes(payment.status);
 * ```
 */
export const KNOWN_PAYMENT_STATUSES = PAYMENT_STATUSES;

/**
 * A known payment status.
 *
 * @example
 * ```ts
 * const settled: KnownPaymentStatus[] = ['PAID', 'PARTIAL_REFUNDED', 'REFUNDED'];
 * ```
 */
export type KnownPaymentStatus = ProtocolPaymentStatus;

/**
 * A payment status: a known one, or any string WPay adds later.
 *
 * @example
 * ```ts
 * const label = (status: PaymentStatus) => (status === 'PAID' ? 'Paid' : status);
 * ```
 */
export type PaymentStatus = KnownPaymentStatus | (string & {});

/**
 * A payment (§6). Unknown fields are kept; unknown statuses accepted.
 *
 * @example
 * ```ts
 * const payment = paymentSchema.parse(retdata);
 * if (payment.status === 'PAID') fulfil(payment.mchOrderNo);
 * ```
 */
export const paymentSchema = z.looseObject({
  id: z.number(),
  trxNo: z.string(),
  gatewayOrderNo: z.nullish(z.string()),
  channelId: z.nullish(z.string()),
  status: openEnum(KNOWN_PAYMENT_STATUSES),
  payMode: z.nullish(z.string()),
  mchOrderNo: z.string(),
  mchSubscriptionNo: z.nullish(z.string()),
  amount: z.number(),
  currency: z.string(),
  description: z.nullish(z.string()),
  customerEmail: z.nullish(z.string()),
  createTime: z.nullish(z.string()),
  payTime: z.nullish(z.string()),
  processingFee: z.nullish(z.number()),
  netAmount: z.nullish(z.number()),
  gatewayAvailableOn: z.nullish(z.string()),
});

/**
 * A payment.
 *
 * @example
 * ```ts
 * const payment: Payment = await wpay.payments.retrieve({ trxNo: 'TRX1' });
 * payment.netAmount; // after WPay's fee
 * ```
 */
export type Payment = z.infer<typeof paymentSchema>;

/**
 * A page of payments.
 *
 * @example
 * ```ts
 * const page = paymentPageSchema.parse(retdata); // { records, total, pageSize, pageNo }
 * ```
 */
export const paymentPageSchema = pageSchema(paymentSchema);

/**
 * A page of payments.
 *
 * @example
 * ```ts
 * const page: PaymentPage = await wpay.payments.list({ pageNum: 1, pageSize: 50 });
 * ```
 */
export type PaymentPage = z.infer<typeof paymentPageSchema>;

/**
 * `payments.retrieve` parameters.
 *
 * @example
 * ```ts
 * paymentsRetrieveParamsSchema.parse({ trxNo: 'TRX123' });
 * ```
 */
export const paymentsRetrieveParamsSchema = z.strictObject({
  trxNo: z.string().check(z.minLength(1)),
});

/**
 * What `payments.retrieve` takes.
 *
 * @example
 * ```ts
 * const params: PaymentsRetrieveParams = { trxNo: 'TRX1' };
 * ```
 */
export type PaymentsRetrieveParams = z.input<typeof paymentsRetrieveParamsSchema>;

const LIST_AMOUNTS = { amounts: ['amountMin', 'amountMax'], currency: 'currency' } as const;

/** The filters of the payments list (everything but the page). */
function filterShape(settings: SchemaSettings) {
  const statusNames = Object.keys(settings.paymentStatusCodes);
  return {
    /** Numeric status (`1` PAYING … `8` REFUNDED) or its name (`'PAID'`), sent as the number. */
    status: z.optional(
      z.pipe(
        z.union([
          z.number().check(z.int()),
          z
            .string()
            .check(
              z.refine(
                (name) => statusNames.includes(name),
                `must be one of ${statusNames.join(', ')}`,
              ),
            ),
        ]),
        z.transform((status: number | string) =>
          typeof status === 'number' ? status : (settings.paymentStatusCodes[status] ?? 0),
        ),
      ),
    ),
    channelId: z.optional(z.string().check(z.minLength(1))),
    startTime: z.optional(wpayDateTime),
    endTime: z.optional(wpayDateTime),
    currency: z.optional(currencyCode),
    amountMin: z.optional(amountInput),
    amountMax: z.optional(amountInput),
    paymentMethod: z.optional(z.string().check(z.minLength(1))),
  };
}

/**
 * The schema of `payments.list` parameters for the given settings. `pageNum` defaults to 1 and
 * `pageSize` to 20; `status` may be a number or a status name.
 *
 * @example
 * ```ts
 * createPaymentsListParamsSchema(DEFAULT_SCHEMA_SETTINGS).parse({ status: 'PAID' }); // { status: 2, pageNum: 1, pageSize: 20 }
 * ```
 */
export function createPaymentsListParamsSchema(settings: SchemaSettings) {
  const params = z
    .strictObject({
      pageNum: z._default(z.number().check(z.int(), z.positive()), 1),
      pageSize: z._default(z.number().check(z.int(), z.positive(), z.maximum(1000)), 20),
      ...filterShape(settings),
    })
    .check(z.superRefine(refineAmounts(LIST_AMOUNTS, settings)));
  return z.pipe(params, z.transform(amountsToWire(LIST_AMOUNTS, settings)));
}

/**
 * `payments.list` parameters with the default settings.
 *
 * @example
 * ```ts
 * paymentsListParamsSchema.parse({ pageNum: 2, pageSize: 50, status: 2 });
 * ```
 */
export const paymentsListParamsSchema = createPaymentsListParamsSchema(DEFAULT_SCHEMA_SETTINGS);

/**
 * What `payments.list` takes.
 *
 * @example
 * ```ts
 * const params: PaymentsListParams = { pageNum: 1, pageSize: 50, status: 'FAILED', currency: 'EUR' };
 * ```
 */
export type PaymentsListParams = z.input<typeof paymentsListParamsSchema>;

/**
 * What `payments.iterate` takes: the list filters, without the page.
 *
 * @example
 * ```ts
 * const filters: PaymentsFilters = { status: 'PAID', startTime: '2026-04-01 00:00:00' };
 * for await (const payment of wpay.payments.iterate(filters)) total += payment.amount;
 * ```
 */
export type PaymentsFilters = Omit<PaymentsListParams, 'pageNum' | 'pageSize'>;
