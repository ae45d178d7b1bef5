/**
 * Building blocks of the request and response schemas: amounts checked against their currency,
 * open enums (known values typed, unknown values accepted), pages.
 *
 * @module
 */

import { DEFAULTS } from '../defaults.js';
import { englishZodMessages } from '../english-zod-messages.js';
import {
  DEFAULT_MAX_EXPONENT,
  describeUnknownCurrency,
  type ExtraCurrencies,
  lookupExponent,
  parseAmount,
} from '../money.js';
import * as z from '../zod.js';

englishZodMessages();

/**
 * What request schemas depend on: options of the `WPay` instance.
 *
 * @example
 * ```ts
 * const schema = createCheckoutCreateParamsSchema({ ...DEFAULT_SCHEMA_SETTINGS, extraCurrencies: { XTS: 2 } });
 * ```
 */
export interface SchemaSettings {
  /** Currencies beyond ISO 4217 (`{ XTS: 2 }`). */
  extraCurrencies: ExtraCurrencies;
  /** Accepted `mchOrderNo` / `mchSubscriptionNo`. */
  mchOrderNoPattern: RegExp;
  /** Numeric payment status filter by name (`PAID` → 2). */
  paymentStatusCodes: Readonly<Record<string, number>>;
}

/**
 * The schema settings of {@link DEFAULTS}.
 *
 * @example
 * ```ts
 * createRefundsCreateParamsSchema(DEFAULT_SCHEMA_SETTINGS).parse({ trxNo: 'TRX1', amount: '5.00' });
 * ```
 */
export const DEFAULT_SCHEMA_SETTINGS: SchemaSettings = {
  extraCurrencies: {},
  mchOrderNoPattern: DEFAULTS.protocol.mchOrderNoPattern,
  paymentStatusCodes: DEFAULTS.protocol.paymentStatusCodes,
};

/**
 * An amount as a caller gives it: a decimal string (`'19.99'`) or a number (`19.99`).
 *
 * @example
 * ```ts
 * const amount: AmountInput = product.price; // '19.99' or 19.99
 * ```
 */
export type AmountInput = string | number;

/**
 * An amount field before its currency is known (checked by {@link refineAmounts}).
 *
 * @example
 * ```ts
 * z.object({ amount: amountInput, currency: currencyCode });
 * ```
 */
export const amountInput = z.union([z.string(), z.number()], {
  message: 'must be a decimal string like "19.99" or a number',
});

/** A currency code field (checked against the table by {@link refineAmounts}). */
export const currencyCode = z.string({ message: 'must be an ISO 4217 code like "USD"' });

/** An http(s) URL. */
export const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

/** A `yyyy-MM-dd HH:mm:ss` time, as WPay's list filters take it. */
export const wpayDateTime = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'must look like "2026-04-23 10:00:00"'));

/**
 * A merchant reference (`mchOrderNo`, `mchSubscriptionNo`) matching `pattern`.
 *
 * @example
 * ```ts
 * merchantReference(/^[A-Za-z0-9_-]{1,64}$/).parse('order_42');
 * ```
 */
export function merchantReference(pattern: RegExp) {
  return z
    .string()
    .check(z.regex(pattern, `must match ${pattern} (letters, digits, _ and -, 1–64)`));
}

/** Where amounts sit in an object, and which field holds their currency. */
export interface AmountFields {
  /** Amount field names. */
  amounts: readonly string[];
  /** Currency field name; when absent (or not given), amounts get up to 3 decimals. */
  currency?: string;
}

/**
 * Checks amounts against their currency's exponent and adds one issue per bad field. Runs even
 * when other fields failed, so every bad field is listed at once.
 *
 * @example
 * ```ts
 * schema.check(z.superRefine(refineAmounts({ amounts: ['amount'], currency: 'currency' }, settings)));
 * ```
 */
export function refineAmounts(fields: AmountFields, settings: SchemaSettings) {
  return (value: Record<string, unknown>, ctx: z.core.$RefinementCtx) => {
    let exponent = DEFAULT_MAX_EXPONENT;
    const currency = fields.currency ? value[fields.currency] : undefined;
    if (fields.currency && typeof currency === 'string') {
      const units = lookupExponent(currency, settings);
      if (units === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [fields.currency],
          message: describeUnknownCurrency(currency),
        });
        return;
      }
      exponent = units;
    }
    for (const name of fields.amounts) {
      const amount = value[name];
      if (amount === undefined || (typeof amount !== 'string' && typeof amount !== 'number')) {
        continue;
      }
      const result = parseAmount(amount, exponent);
      if (!result.ok) ctx.addIssue({ code: 'custom', path: [name], message: result.message });
    }
  };
}

/**
 * Replaces amounts by their wire value (a JSON number with no float noise). Runs after
 * {@link refineAmounts} passed.
 *
 * @example
 * ```ts
 * z.pipe(schema, z.transform(amountsToWire({ amounts: ['amount'], currency: 'currency' }, settings)));
 * ```
 */
export function amountsToWire(fields: AmountFields, settings: SchemaSettings) {
  return <T extends Record<string, unknown>>(value: T): T => {
    const currency = fields.currency ? value[fields.currency] : undefined;
    const exponent =
      (typeof currency === 'string' ? lookupExponent(currency, settings) : undefined) ??
      DEFAULT_MAX_EXPONENT;
    const out: Record<string, unknown> = { ...value };
    for (const name of fields.amounts) {
      const result = parseAmount(value[name], exponent);
      if (result.ok) out[name] = result.value.wire;
    }
    return out as T;
  };
}

/**
 * A string enum that also accepts values WPay may add later: typed as the known values or any
 * string.
 *
 * @example
 * ```ts
 * const status = openEnum(['PAID', 'FAILED'] as const); // z.ZodMiniType<'PAID' | 'FAILED' | (string & {})>
 * ```
 */
export function openEnum<T extends string>(_known: readonly T[]): z.ZodMiniType<T | (string & {})> {
  return z.string() as z.ZodMiniType<T | (string & {})>;
}

/**
 * A page of `item` (`records`, `total`, `pageSize`, `pageNo`), unknown keys kept.
 *
 * @example
 * ```ts
 * const paymentPageSchema = pageSchema(paymentSchema);
 * ```
 */
export function pageSchema<T extends z.core.SomeType>(item: T) {
  return z.looseObject({
    records: z.array(item),
    total: z.number(),
    pageSize: z.number(),
    pageNo: z.number(),
  });
}

/**
 * A page of records.
 *
 * @example
 * ```ts
 * const page: Page<Payment> = await wpay.payments.list({ pageNum: 2 });
 * const more = page.pageNo * page.pageSize < page.total;
 * ```
 */
export interface Page<T> {
  records: T[];
  total: number;
  pageSize: number;
  pageNo: number;
  [key: string]: unknown;
}

/**
 * Renames the page keys WPay used (the `pageKeys` setting) to `records`, `total`, `pageSize`,
 * `pageNo`, keeping every other key.
 *
 * @example
 * ```ts
 * normalizePage({ list: [], count: 0, size: 20, current: 1 },
 *   { records: 'list', total: 'count', pageSize: 'size', pageNo: 'current' });
 * ```
 */
export function normalizePage(
  data: unknown,
  keys: { records: string; total: string; pageSize: string; pageNo: string },
): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const source = data as Record<string, unknown>;
  const out: Record<string, unknown> = { ...source };
  for (const [canonical, actual] of Object.entries(keys)) {
    if (canonical !== actual && actual in source) {
      out[canonical] = source[actual];
      delete out[actual];
    }
  }
  return out;
}
