import type {
  CheckoutResponse,
  PaymentOutcome,
  PaymentStatus,
  ServerError,
  ServerFieldError,
} from './wire-contract.js';

// The widget validates the merchant server's answers by hand rather than with zod: zod/mini alone
// weighs about 5.7 kB gzip, half the widget's 12 kB budget, for three small shapes.

// The widget imports types only from @wpay/protocol (no byte added), so the list is written here;
// `satisfies` checks each entry, `ListedOutcome` fails to compile if an outcome is missing.
const OUTCOMES = [
  'succeeded',
  'processing',
  'cancelled',
  'failed',
] as const satisfies readonly PaymentOutcome[];
type Unlisted = Exclude<PaymentOutcome, (typeof OUTCOMES)[number]>;
type ListedOutcome = [Unlisted] extends [never] ? PaymentOutcome : { unlisted: Unlisted };
const STRING_FIELDS = ['trxNo', 'mchOrderNo', 'status', 'currency'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

/** An optional field: `null` reads as absent. */
function present(value: unknown): unknown {
  return value === null ? undefined : value;
}

/**
 * The checkout body if it has a non-empty string `redirectUrl` (and, if present, a string `trxNo`),
 * else `undefined`. Unknown fields are dropped.
 *
 * @example
 * ```ts
 * parseCheckoutResponse({ redirectUrl: 'https://pay.test/hpp/1', trxNo: 'TRX1' }); // the object
 * parseCheckoutResponse({ url: 'https://pay.test/hpp/1' });                       // undefined
 * ```
 */
export function parseCheckoutResponse(body: unknown): CheckoutResponse | undefined {
  if (!isRecord(body)) return undefined;
  const { redirectUrl, trxNo } = body;
  if (typeof redirectUrl !== 'string' || redirectUrl === '' || !optionalString(trxNo)) {
    return undefined;
  }
  return trxNo === undefined ? { redirectUrl } : { redirectUrl, trxNo };
}

/**
 * The status body if `outcome` is one of the four outcomes and `final` a boolean, and the optional
 * fields have their documented types (or are `null`, read as absent); else `undefined`. Unknown
 * fields are dropped.
 *
 * @example
 * ```ts
 * parseStatusResponse({ outcome: 'succeeded', final: true, trxNo: 'TRX1' }); // the object
 * parseStatusResponse({ outcome: 'paid', final: true });                     // undefined
 * ```
 */
export function parseStatusResponse(body: unknown): PaymentStatus | undefined {
  if (!isRecord(body)) return undefined;
  const { outcome, final } = body;
  const amount = present(body.amount);
  if (!(OUTCOMES as readonly unknown[]).includes(outcome) || typeof final !== 'boolean') {
    return undefined;
  }
  if (!(amount === undefined || typeof amount === 'number' || typeof amount === 'string')) {
    return undefined;
  }
  const parsed: PaymentStatus = { outcome: outcome as ListedOutcome, final };
  if (amount !== undefined) parsed.amount = amount;
  for (const name of STRING_FIELDS) {
    const value = present(body[name]);
    if (!optionalString(value)) return undefined;
    if (value !== undefined) parsed[name] = value;
  }
  return parsed;
}

function isFieldError(value: unknown): value is ServerFieldError {
  return isRecord(value) && typeof value.path === 'string' && typeof value.message === 'string';
}

/**
 * The merchant server's error (`{ "error": { code, message, fields? } }`), or `undefined` when the
 * body has another shape (a proxy's HTML page, say). Malformed `fields` entries are dropped
 * (well-formed ones are kept as sent).
 *
 * @example
 * ```ts
 * parseServerError({ error: { code: 'invalid_body', message: 'sku: required' } });
 * // { code: 'invalid_body', message: 'sku: required' }
 * ```
 */
export function parseServerError(body: unknown): ServerError | undefined {
  if (!isRecord(body) || !isRecord(body.error)) return undefined;
  const { code, message, fields } = body.error;
  if (typeof code !== 'string' || typeof message !== 'string') return undefined;
  return Array.isArray(fields)
    ? { code, message, fields: fields.filter(isFieldError) }
    : { code, message };
}
