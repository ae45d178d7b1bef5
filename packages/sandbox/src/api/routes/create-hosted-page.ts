/** @module `POST /checkout/w-payment/hpp`: validates a checkout and opens a hosted page. */
import {
  INTERVAL_UNITS,
  MCH_ORDER_NO_PATTERN,
  PAY_MODES,
  PAYMENT_STATUS_CODES,
} from '@wpay/protocol';
import { z } from 'zod';
import {
  currencyExponent,
  fromMinor,
  isSupportedCurrency,
  MAX_AMOUNT,
  toMinor,
} from '../../domain/money.js';
import type { CheckoutRequest, PaymentRecord } from '../../domain/records.js';
import type { SandboxContext } from '../../sandbox-context.js';
import { refuse } from '../api-error.js';
import { FieldCheck } from '../field-check.js';
import { amountField, intField, optional, textField } from '../fields.js';
import { rememberedField } from '../remembered-field.js';

// The fields a shop sends alike on every checkout are remembered once accepted (rememberedField).
const httpUrlField = rememberedField(
  z.string({ error: 'must be a string' }).refine((value) => {
    try {
      const { protocol } = new URL(value);
      return protocol === 'http:' || protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL'),
);

const payModeField = rememberedField(
  z.enum(PAY_MODES, { error: `must be ${PAY_MODES.join(' or ')}` }),
);
const orderNoField = textField(64);
const descriptionField = optional(textField(500));
const emailField = optional(z.email('must be an e-mail address'));
const subscriptionNoField = textField(64).regex(
  MCH_ORDER_NO_PATTERN,
  'must be 1-64 characters of A-Z, a-z, 0-9, _ or -',
);
const intervalUnitField = z.enum(INTERVAL_UNITS, {
  error: `must be ${INTERVAL_UNITS.slice(0, -1).join(', ')} or ${INTERVAL_UNITS.at(-1)}`,
});
const intervalCountField = intField(1, 365);

const currencyField = rememberedField(
  z
    .string({ error: 'must be a string' })
    .regex(/^[A-Z]{3}$/, 'must be a 3-letter upper-case ISO 4217 code')
    .refine(isSupportedCurrency, 'is not a supported currency'),
);

/**
 * Validates an amount against a currency's minor units and returns minor units; records problems.
 *
 * @example
 * ```ts
 * takeAmount(fields, 'amount', 'USD'); // 1999 for 19.99
 * ```
 */
export function takeAmount(
  fields: FieldCheck,
  name: string,
  currency: string | undefined,
): number | undefined {
  const amount = fields.take(name, amountField);
  if (amount === undefined) return undefined;
  if (amount <= 0) return void fields.fail(name, 'must be greater than 0');
  if (amount > MAX_AMOUNT) return void fields.fail(name, `must be at most ${MAX_AMOUNT}`);
  if (currency === undefined) return undefined;
  const minor = toMinor(amount, currency);
  if (minor === undefined) {
    const digits = currencyExponent(currency);
    return void fields.fail(
      name,
      `${amount} has more than ${digits} decimal places for ${currency}`,
    );
  }
  return minor;
}

/** A field a subscription requires (the same schema: required is zod's default). */
function required<T>(schema: z.ZodType<T>): z.ZodType<T> {
  return schema;
}

/** Reads and checks a create-HPP request; throws the documented refusals. */
function parseCheckout(body: unknown): CheckoutRequest {
  const fields = new FieldCheck(body);
  const orderNo = fields.raw('mchOrderNo');
  if (typeof orderNo === 'string' && !MCH_ORDER_NO_PATTERN.test(orderNo)) {
    throw refuse(
      'orderNumberFormat',
      'mchOrderNo: must be 1-64 characters of A-Z, a-z, 0-9, _ or -',
    );
  }
  const mchOrderNo = fields.take('mchOrderNo', orderNoField);
  const currency = fields.take('currency', currencyField);
  const amountMinor = takeAmount(fields, 'amount', currency);
  const payMode = fields.take('payMode', payModeField);
  const successUrl = fields.take('successUrl', httpUrlField);
  const cancelUrl = fields.take('cancelUrl', httpUrlField);
  const description = fields.take('description', descriptionField) ?? null;
  const customerEmail = fields.take('customerEmail', emailField) ?? null;
  const subscription = payMode === 'SUBSCRIPTION';
  const need = subscription ? required : optional;
  const mchSubscriptionNo = fields.take('mchSubscriptionNo', need(subscriptionNoField)) ?? null;
  const intervalUnit = fields.take('intervalUnit', need(intervalUnitField)) ?? null;
  const intervalCount = fields.take('intervalCount', need(intervalCountField)) ?? null;
  fields.throwIfBad();
  return {
    mchOrderNo: mchOrderNo!,
    amountMinor: amountMinor!,
    currency: currency!,
    payMode: payMode!,
    successUrl: successUrl!,
    cancelUrl: cancelUrl!,
    description,
    customerEmail,
    mchSubscriptionNo: subscription ? mchSubscriptionNo : null,
    intervalUnit: subscription ? intervalUnit : null,
    intervalCount: subscription ? intervalCount : null,
  };
}

/**
 * The hosted page's address: `${publicUrl}${hostedPagePath}/${sessionId}` (`/hpp` by default).
 *
 * @example
 * ```ts
 * redirectUrlOf(ctx, payment); // 'http://127.0.0.1:4010/hpp/hpp_…'
 * ```
 */
export function redirectUrlOf(ctx: SandboxContext, payment: PaymentRecord): string {
  return `${ctx.publicUrl}${ctx.options.defaults.hostedPagePath}/${payment.sessionId ?? ''}`;
}

/**
 * `POST /checkout/w-payment/hpp`: creates (or, for the same `mchOrderNo` and content, returns
 * again) a hosted-page session.
 *
 * @example
 * ```ts
 * createHostedPage({ mchOrderNo: 'A1', amount: 19.99, currency: 'USD', payMode: 'ONETIME', successUrl, cancelUrl }, ctx);
 * ```
 */
export function createHostedPage(body: unknown, ctx: SandboxContext): Record<string, unknown> {
  const request = parseCheckout(body);
  const { payment, reused } = ctx.ledger.createCheckout(request);
  if (!reused) ctx.stats.checkouts += 1;
  return {
    trxNo: payment.trxNo,
    mchOrderNo: payment.request.mchOrderNo,
    status: PAYMENT_STATUS_CODES[payment.status],
    amount: fromMinor(payment.request.amountMinor, payment.request.currency),
    currency: payment.request.currency,
    redirectUrl: redirectUrlOf(ctx, payment),
  };
}
