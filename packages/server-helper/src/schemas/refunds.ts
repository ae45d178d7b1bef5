/**
 * `POST /checkout/w-payment/refund` [twin path]: refund a payment in full or in part.
 *
 * @module
 */
import type { KnownRefundStatus as ProtocolRefundStatus } from '@wpay/protocol';
import * as z from 'zod';
import {
  amountInput,
  amountsToWire,
  currencyCode,
  DEFAULT_SCHEMA_SETTINGS,
  refineAmounts,
  type SchemaSettings,
} from './common.js';

const AMOUNT = { amounts: ['amount'], currency: 'currency' } as const;

/**
 * The schema of `refunds.create` parameters. WPay's refund request has no currency: give
 * `currency` (checked, never sent) to check the amount against its minor units; without it the
 * amount may have up to 3 decimals.
 *
 * @example
 * ```ts
 * createRefundsCreateParamsSchema(DEFAULT_SCHEMA_SETTINGS).parse({ trxNo: 'TRX1', amount: '5', currency: 'USD' });
 * // { trxNo: 'TRX1', amount: 5 }
 * ```
 */
export function createRefundsCreateParamsSchema(settings: SchemaSettings) {
  return z
    .object({
      trxNo: z.string().min(1),
      amount: amountInput,
      reason: z.string().max(512).optional(),
      currency: currencyCode.optional(),
    })
    .strict()
    .superRefine(refineAmounts(AMOUNT, settings))
    .transform(amountsToWire(AMOUNT, settings))
    .transform(({ currency: _currency, ...body }) => body);
}

/**
 * `refunds.create` parameters with the default settings.
 *
 * @example
 * ```ts
 * refundsCreateParamsSchema.parse({ trxNo: 'TRX1', amount: 0.1 + 0.2, reason: 'damaged' }).amount; // 0.3
 * ```
 */
export const refundsCreateParamsSchema = createRefundsCreateParamsSchema(DEFAULT_SCHEMA_SETTINGS);

/**
 * What `refunds.create` takes.
 *
 * @example
 * ```ts
 * const params: RefundsCreateParams = { trxNo: 'TRX1', amount: '5.00', currency: 'USD', reason: 'damaged' };
 * ```
 */
export type RefundsCreateParams = z.input<typeof refundsCreateParamsSchema>;

/**
 * Refund statuses known today (`REFUND_STATUSES` of `@wpay/protocol`; none is documented, the
 * sandbox answers `SUCCESS`); others are accepted.
 *
 * @example
 * ```ts
 * const settled = (refund.status satisfies KnownRefundStatus | (string & {}) | undefined) === 'SUCCESS';
 * ```
 */
export type KnownRefundStatus = ProtocolRefundStatus;

/**
 * The refund answer: `refundNo` [twin], plus `trxNo`, `amount`, `status` [default] when present.
 *
 * @example
 * ```ts
 * const { refundNo } = refundSchema.parse(retdata);
 * ```
 */
export const refundSchema = z
  .object({
    refundNo: z.string(),
    trxNo: z.string().optional(),
    amount: z.number().optional(),
    status: (z.string() as z.ZodType<KnownRefundStatus | (string & {})>).optional(),
  })
  .loose();

/**
 * A refund.
 *
 * @example
 * ```ts
 * const refund: Refund = await wpay.refunds.create({ trxNo: 'TRX1', amount: '5.00' });
 * refund.refundNo;
 * ```
 */
export type Refund = z.infer<typeof refundSchema>;
