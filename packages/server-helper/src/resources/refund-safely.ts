/**
 * `wpay.refunds.createSafely`: a refund that never doubles.
 *
 * WPay's refund call takes no idempotency key, so a refund whose answer is lost (timeout, dropped
 * connection, 5xx after it took effect) must never be sent again blindly. The order of work:
 *
 * 1. validate the parameters and the options (nothing sent on failure: `WPayValidationError`);
 * 2. wait for any refund of the same payment still running in this process (the same
 *    `intentKey` joins it instead);
 * 3. read the payment: refunded total `refundedBefore + amount` → `already_refunded` (an earlier
 *    attempt of this intent went through); any total other than `refundedBefore` → the caller's
 *    books are out of date (`WPayRefundNotMadeError`, `out_of_date`); nothing is sent then;
 * 4. send the refund once (retried by the transport only when it provably never left);
 * 5. an answer → `refunded`; a refusal (4xx retcode, never sent) → `WPayRefundNotMadeError`;
 *    anything else → read the payment back (`refunds.readBackAttempts` reads, each after
 *    `refunds.readBackIntervalMs`): the refund shows → `confirmed_by_readback`; the last read shows
 *    the total unchanged → `WPayRefundNotMadeError` (`not_applied`); otherwise
 *    `WPayRefundInDoubtError`.
 *
 * The payment's refunded total is the only witness, so keep one open intent per payment at a
 * time: `already_refunded` means WPay's total is `refundedBefore + amount`, whichever intent
 * made it.
 *
 * @module
 */

import { WPayApiError, WPayAuthError, WPayNetworkError, WPayValidationError } from '../errors.js';
import { fromMinorUnits, lookupExponent, parseAmount } from '../money.js';
import type { WPaySettings } from '../options.js';
import { WPayRefundInDoubtError, WPayRefundNotMadeError } from '../refund-errors.js';
import { type AmountInput, amountInput, type SchemaSettings } from '../schemas/common.js';
import type { Payment } from '../schemas/payments.js';
import type { Refund, RefundsCreateParams } from '../schemas/refunds.js';
import { validateRequest } from '../validate.js';
import * as z from '../zod.js';
import { refundedMinorOf } from './refunded-amount.js';
import type { CallOptions } from './resource-context.js';

/**
 * The options of `refunds.createSafely`: the intent, and the usual call options.
 *
 * @example
 * ```ts
 * const options: SafeRefundOptions = { intentKey: intent.id, refundedBefore: '0.00' };
 * ```
 */
export interface SafeRefundOptions extends CallOptions {
  /**
   * The caller's own key of this refund intent, recorded (with the amount) before the call.
   * Concurrent calls with the same key share one attempt; errors name it.
   */
  intentKey: string;
  /**
   * The payment's refunded total (major units) as the caller's books had it when the intent was
   * made: `0` for a first refund. The same value on every retry of the intent.
   */
  refundedBefore: AmountInput;
}

/**
 * What `refunds.createSafely` answers: the refund is made, one way or another.
 * - `refunded`: WPay answered the refund (`refundNo` known);
 * - `confirmed_by_readback`: the answer was lost; the payment read back shows the refund;
 * - `already_refunded`: an earlier attempt of this intent had gone through; nothing was sent.
 *
 * @example
 * ```ts
 * const result: SafeRefundResult = await wpay.refunds.createSafely(params, options);
 * if (result.outcome !== 'refunded') log.info('refund confirmed by reading the payment');
 * ```
 */
export interface SafeRefundResult {
  outcome: 'refunded' | 'confirmed_by_readback' | 'already_refunded';
  intentKey: string;
  trxNo: string;
  /** This refund, major units. */
  amount: number;
  /** The payment's currency. */
  currency: string;
  /** WPay's refund number, when its answer arrived. */
  refundNo: string | undefined;
  /** WPay's refunded total after this refund, major units: what the books should now show. */
  refundedAmount: number;
}

/** What {@link createSafeRefund} works with. */
export interface SafeRefundDeps {
  create(params: RefundsCreateParams, options?: CallOptions): Promise<Refund>;
  retrieve(params: { trxNo: string }, options?: CallOptions): Promise<Payment>;
  /** The request schema of `refunds.create`, to refuse bad parameters before anything is read. */
  paramsSchema: z.core.$ZodType<{ trxNo: string }>;
  settings: Pick<WPaySettings, 'refunds'>;
  schemaSettings: SchemaSettings;
  sleep: (ms: number) => Promise<void>;
}

const optionsSchema = z.object({
  intentKey: z.string().check(z.minLength(1), z.maxLength(200)),
  refundedBefore: amountInput,
});

/**
 * Builds `refunds.createSafely` over the refund and payment-detail calls.
 *
 * @example
 * ```ts
 * const createSafely = createSafeRefund({ create, retrieve, paramsSchema, settings, schemaSettings, sleep });
 * await createSafely({ trxNo: 'TRX1', amount: '5.00' }, { intentKey: 'rf_1', refundedBefore: 0 });
 * ```
 */
export function createSafeRefund(
  deps: SafeRefundDeps,
): (params: RefundsCreateParams, options: SafeRefundOptions) => Promise<SafeRefundResult> {
  const running = new Map<string, { intentKey: string; done: Promise<SafeRefundResult> }>();

  return async (params, options) => {
    const body = validateRequest(deps.paramsSchema, params, 'refunds.createSafely');
    const { intentKey, refundedBefore, ...call } = options ?? ({} as SafeRefundOptions);
    validateRequest(optionsSchema, { intentKey, refundedBefore }, 'refunds.createSafely options');
    for (let other = running.get(body.trxNo); other; other = running.get(body.trxNo)) {
      if (other.intentKey === intentKey) return other.done;
      await other.done.catch(() => {});
    }
    const done = run(deps, { intentKey, refundedBefore, params, call, trxNo: body.trxNo });
    running.set(body.trxNo, { intentKey, done });
    try {
      return await done;
    } finally {
      if (running.get(body.trxNo)?.done === done) running.delete(body.trxNo);
    }
  };
}

async function run(
  deps: SafeRefundDeps,
  input: {
    intentKey: string;
    refundedBefore: AmountInput;
    params: RefundsCreateParams;
    call: CallOptions;
    trxNo: string;
  },
): Promise<SafeRefundResult> {
  const { intentKey, trxNo, params, call } = input;
  let payment: Payment;
  try {
    payment = await deps.retrieve({ trxNo }, call);
  } catch (error) {
    const reason = certainlyRefused(error) ? 'refused' : 'not_sent';
    throw notMade({ intentKey, trxNo, amount: Number(params.amount) }, reason, undefined, error);
  }
  const { currency } = payment;
  const exponent = exponentFor(currency, params.currency, deps.schemaSettings);
  const major = (minor: number) => fromMinorUnits(minor, currency, deps.schemaSettings);
  const amountMinor = minorOf(params.amount, exponent, 'amount');
  const beforeMinor = minorOf(input.refundedBefore, exponent, 'refundedBefore', true);
  const intent = { intentKey, trxNo, amount: major(amountMinor) };
  const readOptions = { field: deps.settings.refunds.refundedAmountField, exponent };
  const target = beforeMinor + amountMinor;
  const result = (outcome: SafeRefundResult['outcome'], refundNo?: string): SafeRefundResult => ({
    outcome,
    intentKey,
    trxNo,
    amount: intent.amount,
    currency,
    refundNo,
    refundedAmount: major(target),
  });

  const seen = refundedMinorOf(payment, readOptions);
  if (seen === target) return result('already_refunded');
  if (seen !== undefined && seen !== beforeMinor) {
    throw notMade(intent, 'out_of_date', major(seen));
  }

  let failure: unknown;
  try {
    const refund = await deps.create(params, call);
    return result('refunded', refund.refundNo);
  } catch (error) {
    if (error instanceof WPayNetworkError && error.notSent)
      throw notMade(intent, 'not_sent', undefined, error);
    if (certainlyRefused(error)) throw notMade(intent, 'refused', undefined, error);
    failure = error;
  }

  // The answer is in doubt: read the payment back, never send again.
  let last: number | undefined;
  let unchanged = false;
  for (let attempt = 0; attempt < deps.settings.refunds.readBackAttempts; attempt++) {
    await deps.sleep(deps.settings.refunds.readBackIntervalMs);
    try {
      const back = await deps.retrieve({ trxNo }, call);
      last = refundedMinorOf(back, readOptions);
      if (last === target) return result('confirmed_by_readback');
      unchanged = last === beforeMinor && back.status !== 'REFUNDING';
    } catch {
      unchanged = false;
    }
  }
  const observed = last === undefined ? undefined : major(last);
  if (unchanged) throw notMade(intent, 'not_applied', observed, failure);
  throw new WPayRefundInDoubtError({
    intentKey,
    trxNo,
    amount: intent.amount,
    observedRefundedAmount: observed,
    message: `Refund ${intentKey} of ${trxNo} is in doubt: WPay gave no usable answer and reading the payment back did not show whether it was refunded`,
    cause: failure,
  });
}

/** Whether WPay answered with a refusal that proves the refund was not made. */
function certainlyRefused(error: unknown): boolean {
  if (error instanceof WPayAuthError) return true;
  if (!(error instanceof WPayApiError)) return false;
  if (error.retcode === undefined) return error.httpStatus >= 400 && error.httpStatus < 500;
  return /^4\d\d$/.test(String(error.retcode)) || /^000\d\d$/.test(String(error.retcode));
}

function notMade(
  intent: { intentKey: string; trxNo: string; amount: number },
  reason: WPayRefundNotMadeError['reason'],
  observed?: number,
  cause?: unknown,
): WPayRefundNotMadeError {
  const why = {
    refused: 'WPay refused it',
    not_sent: 'it never reached WPay',
    not_applied: 'its answer was lost and the payment read back shows no refund',
    out_of_date: `WPay has refunded ${observed} already, not the refundedBefore given`,
  }[reason];
  return new WPayRefundNotMadeError({
    ...intent,
    reason,
    observedRefundedAmount: observed,
    message: `Refund ${intent.intentKey} of ${intent.trxNo} was not made: ${why}`,
    cause,
  });
}

function exponentFor(
  currency: string,
  given: string | undefined,
  settings: SchemaSettings,
): number {
  const units = lookupExponent(currency, settings);
  if (given !== undefined && given !== currency) {
    throw new WPayValidationError({
      what: 'refunds.createSafely request',
      issues: [{ path: 'currency', message: `the payment is in ${currency}, not ${given}` }],
    });
  }
  if (units === undefined) {
    throw new WPayValidationError({
      what: 'refunds.createSafely request',
      issues: [
        {
          path: 'currency',
          message: `the payment's currency ${currency} is unknown; add it to extraCurrencies`,
        },
      ],
    });
  }
  return units;
}

function minorOf(value: AmountInput, units: number, path: string, zeroAllowed = false): number {
  if (zeroAllowed && Number(value) === 0) return 0;
  const parsed = parseAmount(value, units);
  if (!parsed.ok) {
    throw new WPayValidationError({
      what: 'refunds.createSafely request',
      issues: [{ path, message: parsed.message }],
    });
  }
  return parsed.value.minor;
}
