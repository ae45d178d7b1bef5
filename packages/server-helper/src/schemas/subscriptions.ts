/**
 * Subscriptions and their bills (§5–6).
 *
 * @module
 */
import { BILL_STATUSES, SUBSCRIPTION_STATUSES } from '@wpay/protocol';
import * as z from '../zod.js';
import { openEnum, pageSchema } from './common.js';

/**
 * Subscription statuses known today [doc + twins]; WPay may add others.
 *
 * @example
 * ```ts
 * const known = (KNOWN_SUBSCRIPTION_STATUSES as readonly string[]).includes(subscription.status);
 * ```
 */
export const KNOWN_SUBSCRIPTION_STATUSES = SUBSCRIPTION_STATUSES;

/**
 * A known subscription status.
 *
 * @example
 * ```ts
 * const live: KnownSubscriptionStatus[] = ['ACTIVE', 'PAST_DUE'];
 * ```
 */
export type KnownSubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/**
 * Bill statuses known today; WPay may add others.
 *
 * @example
 * ```ts
 * const known = (KNOWN_BILL_STATUSES as readonly string[]).includes(bill.status);
 * ```
 */
export const KNOWN_BILL_STATUSES = BILL_STATUSES;

/**
 * A known bill status.
 *
 * @example
 * ```ts
 * const paid: KnownBillStatus = 'PAID';
 * ```
 */
export type KnownBillStatus = (typeof BILL_STATUSES)[number];

/**
 * A subscription (§6). Unknown fields kept; unknown statuses accepted.
 *
 * @example
 * ```ts
 * const subscription = subscriptionSchema.parse(retdata);
 * ```
 */
export const subscriptionSchema = z.looseObject({
  id: z.number(),
  mchSubscriptionNo: z.nullish(z.string()),
  status: openEnum(KNOWN_SUBSCRIPTION_STATUSES),
  amount: z.number(),
  currency: z.string(),
  intervalUnit: z.nullish(z.string()),
  intervalCount: z.nullish(z.number()),
  createdTime: z.nullish(z.string()),
});

/**
 * A subscription.
 *
 * @example
 * ```ts
 * const subscription: Subscription = await wpay.subscriptions.retrieve({ id: 7 });
 * ```
 */
export type Subscription = z.infer<typeof subscriptionSchema>;

/**
 * A bill of a subscription (§6).
 *
 * @example
 * ```ts
 * const bill = billSchema.parse(record);
 * ```
 */
export const billSchema = z.looseObject({
  id: z.number(),
  subscriptionId: z.number(),
  amount: z.number(),
  currency: z.string(),
  status: openEnum(KNOWN_BILL_STATUSES),
  createdTime: z.nullish(z.string()),
});

/**
 * A bill.
 *
 * @example
 * ```ts
 * for await (const bill of wpay.subscriptions.iterateBills({ subscriptionId: 7 })) {
 *   const paid: boolean = (bill satisfies Bill).status === 'PAID';
 * }
 * ```
 */
export type Bill = z.infer<typeof billSchema>;

/**
 * A page of subscriptions.
 *
 * @example
 * ```ts
 * subscriptionPageSchema.parse(retdata).records;
 * ```
 */
export const subscriptionPageSchema = pageSchema(subscriptionSchema);

/**
 * A page of subscriptions.
 *
 * @example
 * ```ts
 * const page: SubscriptionPage = await wpay.subscriptions.list({ status: 'ACTIVE' });
 * ```
 */
export type SubscriptionPage = z.infer<typeof subscriptionPageSchema>;

/**
 * A page of bills.
 *
 * @example
 * ```ts
 * billPageSchema.parse(retdata).records;
 * ```
 */
export const billPageSchema = pageSchema(billSchema);

/**
 * A page of bills.
 *
 * @example
 * ```ts
 * const page: BillPage = await wpay.subscriptions.bills({ subscriptionId: 7 });
 * ```
 */
export type BillPage = z.infer<typeof billPageSchema>;

const page = z._default(z.number().check(z.int(), z.positive()), 1);
const size = z._default(z.number().check(z.int(), z.positive(), z.maximum(1000)), 20);
const id = z.number().check(z.int(), z.positive());

/**
 * `subscriptions.list` parameters: `page` (default 1), `size` (default 20), `status`.
 *
 * @example
 * ```ts
 * subscriptionsListParamsSchema.parse({ status: 'ACTIVE' }); // { page: 1, size: 20, status: 'ACTIVE' }
 * ```
 */
export const subscriptionsListParamsSchema = z.strictObject({
  page,
  size,
  status: z.optional(openEnum(KNOWN_SUBSCRIPTION_STATUSES)),
});

/**
 * What `subscriptions.list` takes.
 *
 * @example
 * ```ts
 * const params: SubscriptionsListParams = { page: 1, size: 50, status: 'PAST_DUE' };
 * ```
 */
export type SubscriptionsListParams = z.input<typeof subscriptionsListParamsSchema>;

/**
 * What `subscriptions.iterate` takes: the list filters, without the page.
 *
 * @example
 * ```ts
 * const filters: SubscriptionsFilters = { status: 'ACTIVE' };
 * for await (const subscription of wpay.subscriptions.iterate(filters)) count++;
 * ```
 */
export type SubscriptionsFilters = Omit<SubscriptionsListParams, 'page' | 'size'>;

/**
 * `subscriptions.retrieve` parameters.
 *
 * @example
 * ```ts
 * subscriptionsRetrieveParamsSchema.parse({ id: 7 });
 * ```
 */
export const subscriptionsRetrieveParamsSchema = z.strictObject({ id });

/**
 * What `subscriptions.retrieve` takes.
 *
 * @example
 * ```ts
 * const params: SubscriptionsRetrieveParams = { id: 7 };
 * ```
 */
export type SubscriptionsRetrieveParams = z.input<typeof subscriptionsRetrieveParamsSchema>;

/**
 * `subscriptions.cancel` parameters [default]: `id`, optional `reason`.
 *
 * @example
 * ```ts
 * subscriptionsCancelParamsSchema.parse({ id: 7, reason: 'customer asked' });
 * ```
 */
export const subscriptionsCancelParamsSchema = z.strictObject({
  id,
  reason: z.optional(z.string().check(z.maxLength(512))),
});

/**
 * What `subscriptions.cancel` takes.
 *
 * @example
 * ```ts
 * const params: SubscriptionsCancelParams = { id: 7, reason: 'customer asked' };
 * ```
 */
export type SubscriptionsCancelParams = z.input<typeof subscriptionsCancelParamsSchema>;

/**
 * `subscriptions.bills` parameters: `subscriptionId`, `page` (default 1), `size` (default 20).
 *
 * @example
 * ```ts
 * subscriptionsBillsParamsSchema.parse({ subscriptionId: 7 });
 * ```
 */
export const subscriptionsBillsParamsSchema = z.strictObject({ subscriptionId: id, page, size });

/**
 * What `subscriptions.bills` takes.
 *
 * @example
 * ```ts
 * const params: SubscriptionsBillsParams = { subscriptionId: 7, page: 2, size: 20 };
 * ```
 */
export type SubscriptionsBillsParams = z.input<typeof subscriptionsBillsParamsSchema>;

/**
 * What `subscriptions.iterateBills` takes: the bills parameters, without the page.
 *
 * @example
 * ```ts
 * const filters: SubscriptionsBillsFilters = { subscriptionId: 7 };
 * for await (const bill of wpay.subscriptions.iterateBills(filters)) console.log(bill.status);
 * ```
 */
export type SubscriptionsBillsFilters = Omit<SubscriptionsBillsParams, 'page' | 'size'>;
