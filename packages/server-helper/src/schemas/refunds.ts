/**
 * `POST /checkout/w-payment/refund` [twin path]: refund a payment in full or in part.
 *
 * @module
 */
import type { KnownRefundStatus as ProtocolRefundStatus } from '@wpay/protocol';
import * as z from '../zod.js';
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
  const params = z
    .strictObject({
      trxNo: z.string().check(z.minLength(1)),
      amount: amountInput,
      reason: z.optional(z.string().check(z.maxLength(512))),
      currency: z.optional(currencyCode),
    })
    .check(z.superRefine(refineAmounts(AMOUNT, settings)));
  return z.pipe(
    z.pipe(params, z.transform(amountsToWire(AMOUNT, settings))),
    z.transform(({ currency: _currency, ...body }: z.output<typeof params>) => body),
  );
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
export const refundSchema = z.looseObject({
  refundNo: z.string(),
  trxNo: z.optional(z.string()),
  amount: z.optional(z.number()),
  status: z.optional(z.string() as z.ZodMiniType<KnownRefundStatus | (string & {})>),
});

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
