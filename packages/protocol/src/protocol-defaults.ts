/**
 * Every [default] of wpay-api.md and docs/protocol-defaults.md by name: a choice this kit made
 * where WPay publishes nothing, to be corrected in one place when the real value is known. Each
 * entry points at the constant that holds the value; the generated tables of
 * docs/protocol-defaults.md are made from this list.
 *
 * @module
 */
import { deepFreeze } from './deep-freeze.js';
import { REFUSALS } from './envelope.js';
import { EVENT_TYPES } from './events.js';
import { HEADERS } from './headers.js';
import { INTERVAL_UNITS, MCH_ORDER_NO_PATTERN, PAGE_KEYS, PAY_MODES } from './objects.js';
import { PATHS } from './paths.js';
import {
  BILL_STATUSES,
  PAYMENT_STATUS_CODES,
  PAYMENT_STATUSES,
  SUBSCRIPTION_STATUSES,
} from './statuses.js';
import { TOKEN } from './tokens.js';
import { WEBHOOK_DELIVERY } from './webhooks.js';

/**
 * One named [default]: where it lives in this package, its value and what it decides.
 *
 * @example
 * ```ts
 * const entry: ProtocolDefault = { constant: 'WEBHOOK_DELIVERY.ackBody', value: 'SUCCESS', decides: 'the ack body' };
 * ```
 */
export interface ProtocolDefault {
  /** The constant of `@wpay/protocol` that holds the value. */
  readonly constant: string;
  readonly value: unknown;
  /** What it decides, in a few words. */
  readonly decides: string;
}

const DOCUMENTED_EVENT_TYPES = 5;

/**
 * The [default]s by name.
 *
 * @example
 * ```ts
 * PROTOCOL_DEFAULTS.webhookAckBody.value; // 'SUCCESS'
 * ```
 */
export const PROTOCOL_DEFAULTS = deepFreeze({
  tokenRequestEncoding: {
    constant: 'TOKEN.requestEncoding',
    value: TOKEN.requestEncoding,
    decides: 'how the token request carries its fields (the docs disagree)',
  },
  signatureHeaders: {
    constant: 'HEADERS.signature, HEADERS.timestamp',
    value: { signature: HEADERS.signature, timestamp: HEADERS.timestamp },
    decides: 'signature header names (another twin uses D-SIGNATURE / D-TIMESTAMP)',
  },
  subscriptionsCancelPath: {
    constant: 'PATHS.subscriptionsCancel',
    value: PATHS.subscriptionsCancel,
    decides: 'the cancel endpoint; body { id, reason? }, answer the subscription',
  },
  refundPath: {
    constant: 'PATHS.refundCreate',
    value: PATHS.refundCreate,
    decides: "the refund endpoint (a twin's path); body { trxNo, amount, reason? }",
  },
  payModes: {
    constant: 'PAY_MODES',
    value: PAY_MODES,
    decides: 'SUBSCRIPTION needs mchSubscriptionNo, intervalUnit, intervalCount',
  },
  intervalUnits: {
    constant: 'INTERVAL_UNITS',
    value: INTERVAL_UNITS,
    decides: "a subscription's intervalUnit",
  },
  pageKeys: {
    constant: 'PAGE_KEYS',
    value: PAGE_KEYS,
    decides: 'response keys of the payments page (as subscriptions and bills)',
  },
  statuses: {
    constant: 'PAYMENT_STATUSES, SUBSCRIPTION_STATUSES, BILL_STATUSES',
    value: { payment: PAYMENT_STATUSES, subscription: SUBSCRIPTION_STATUSES, bill: BILL_STATUSES },
    decides: 'status values beyond those documented (parsers accept unknown ones)',
  },
  paymentStatusCodes: {
    constant: 'PAYMENT_STATUS_CODES',
    value: PAYMENT_STATUS_CODES,
    decides: 'numeric status filter of the payments list',
  },
  refusals: {
    constant: 'REFUSALS',
    value: REFUSALS,
    decides: 'HTTP status and retcode of each refusal (no error table is published)',
  },
  mchOrderNoPattern: {
    constant: 'MCH_ORDER_NO_PATTERN',
    value: MCH_ORDER_NO_PATTERN,
    decides: 'accepted mchOrderNo / mchSubscriptionNo (others: retcode 00008)',
  },
  undocumentedEventTypes: {
    constant: 'EVENT_TYPES',
    value: Object.keys(EVENT_TYPES).slice(DOCUMENTED_EVENT_TYPES),
    decides: 'event types beyond the five documented ones',
  },
  webhookAckBody: {
    constant: 'WEBHOOK_DELIVERY.ackBody',
    value: WEBHOOK_DELIVERY.ackBody,
    decides: 'the body of the HTTP 200 acknowledgement',
  },
} as const satisfies Record<string, ProtocolDefault>);
