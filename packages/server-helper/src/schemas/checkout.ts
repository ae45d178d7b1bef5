/**
 * `POST /checkout/w-payment/hpp`: create a hosted payment page session (§5).
 *
 * @module
 */
import { INTERVAL_UNITS as PROTOCOL_INTERVAL_UNITS } from '@wpay/protocol';
import * as z from '../zod.js';
import {
  amountInput,
  amountsToWire,
  currencyCode,
  DEFAULT_SCHEMA_SETTINGS,
  httpUrl,
  merchantReference,
  refineAmounts,
  type SchemaSettings,
} from './common.js';

/**
 * Subscription interval units [default].
 *
 * @example
 * ```ts
 * z.enum(INTERVAL_UNITS).parse(form.get('interval')); // 'day' | 'week' | 'month' | 'year'
 * ```
 */
export const INTERVAL_UNITS = PROTOCOL_INTERVAL_UNITS;

/**
 * A subscription interval unit.
 *
 * @example
 * ```ts
 * const unit: IntervalUnit = 'month';
 * ```
 */
export type IntervalUnit = (typeof INTERVAL_UNITS)[number];

const AMOUNT = { amounts: ['amount'], currency: 'currency' } as const;

/**
 * The schema of `checkout.create` parameters for the given settings: `payMode: 'ONETIME'`, or
 * `'SUBSCRIPTION'` with `mchSubscriptionNo`, `intervalUnit` and `intervalCount` [default]. The
 * output has `amount` as WPay's wire number. Unknown keys are refused.
 *
 * @example
 * ```ts
 * const schema = createCheckoutCreateParamsSchema({ ...DEFAULT_SCHEMA_SETTINGS, extraCurrencies: { XTS: 2 } });
 * ```
 */
export function createCheckoutCreateParamsSchema(settings: SchemaSettings) {
  // Keys in the order of wpay-api.md §5, so the JSON sent reads like the documentation.
  const head = {
    mchOrderNo: merchantReference(settings.mchOrderNoPattern),
    amount: amountInput,
    currency: currencyCode,
  };
  const tail = {
    successUrl: httpUrl,
    cancelUrl: httpUrl,
    description: z.optional(z.string().check(z.maxLength(512))),
    customerEmail: z.optional(z.email()),
  };
  const params = z
    .discriminatedUnion(
      'payMode',
      [
        z.strictObject({ ...head, payMode: z.literal('ONETIME'), ...tail }),
        z.strictObject({
          ...head,
          payMode: z.literal('SUBSCRIPTION'),
          ...tail,
          mchSubscriptionNo: merchantReference(settings.mchOrderNoPattern),
          intervalUnit: z.enum(INTERVAL_UNITS),
          intervalCount: z.number().check(z.int(), z.positive()),
        }),
      ],
      { message: "payMode must be 'ONETIME' or 'SUBSCRIPTION'" },
    )
    .check(z.superRefine(refineAmounts(AMOUNT, settings)));
  return z.pipe(params, z.transform(amountsToWire(AMOUNT, settings)));
}

/**
 * `checkout.create` parameters with the default settings.
 *
 * @example
 * ```ts
 * checkoutCreateParamsSchema.parse({ mchOrderNo: 'o1', amount: '19.99', currency: 'USD', payMode: 'ONETIME',
 *   successUrl: 'https://shop.example/ok', cancelUrl: 'https://shop.example/cancel' }).amount; // 19.99
 * ```
 */
export const checkoutCreateParamsSchema = createCheckoutCreateParamsSchema(DEFAULT_SCHEMA_SETTINGS);

/**
 * What `checkout.create` takes (amount as a decimal string or a number).
 *
 * @example
 * ```ts
 * const params: CheckoutCreateParams = { mchOrderNo: 'order_1', amount: '19.99', currency: 'USD',
 *   payMode: 'ONETIME', successUrl: 'https://shop.example/ok', cancelUrl: 'https://shop.example/cart' };
 * ```
 */
export type CheckoutCreateParams = z.input<typeof checkoutCreateParamsSchema>;

/**
 * The body sent to WPay for `checkout.create`.
 *
 * @example
 * ```ts
 * const body: CheckoutCreateBody = checkoutCreateParamsSchema.parse(params);
 * body.amount; // 19.99, a number without float noise
 * ```
 */
export type CheckoutCreateBody = z.output<typeof checkoutCreateParamsSchema>;

/**
 * The created session: `status` is a number here (`1` = created / paying) [doc].
 *
 * @example
 * ```ts
 * const session = checkoutSessionSchema.parse(retdata);
 * redirect(session.redirectUrl);
 * ```
 */
export const checkoutSessionSchema = z.looseObject({
  trxNo: z.string(),
  mchOrderNo: z.string(),
  status: z.number(),
  amount: z.number(),
  redirectUrl: z.string(),
});

/**
 * A created hosted payment page session.
 *
 * @example
 * ```ts
 * const session: CheckoutSession = await wpay.checkout.create(params);
 * redirect(session.redirectUrl);
 * ```
 */
export type CheckoutSession = z.infer<typeof checkoutSessionSchema>;

/**
 * Numeric `status` of a created session; `1` = created / paying [doc].
 *
 * @example
 * ```ts
 * session.status === 1; // created, waiting for the buyer
 * ```
 */
export type CheckoutSessionStatus = 1 | (number & {});
