/**
 * `wpay.subscriptions`: list, retrieve, cancel subscriptions and list their bills.
 *
 * @module
 */
import {
  type Bill,
  type BillPage,
  billPageSchema,
  type Subscription,
  type SubscriptionPage,
  type SubscriptionsBillsFilters,
  type SubscriptionsBillsParams,
  type SubscriptionsCancelParams,
  type SubscriptionsFilters,
  type SubscriptionsListParams,
  type SubscriptionsRetrieveParams,
  subscriptionPageSchema,
  subscriptionSchema,
  subscriptionsBillsParamsSchema,
  subscriptionsCancelParamsSchema,
  subscriptionsListParamsSchema,
  subscriptionsRetrieveParamsSchema,
} from '../schemas/subscriptions.js';
import { endpoint, type IterateOptions, listIterator } from './endpoint.js';
import type { CallOptions, ResourceContext } from './resource-context.js';

/**
 * `wpay.subscriptions`.
 *
 * @example
 * ```ts
 * await wpay.subscriptions.cancel({ id: 7, reason: 'customer asked' });
 * ```
 */
export interface SubscriptionsResource {
  /** One page of subscriptions (`page` from 1, `size`), optionally by `status`. */
  list(params?: SubscriptionsListParams, options?: CallOptions): Promise<SubscriptionPage>;
  /** One subscription by `id`. */
  retrieve(params: SubscriptionsRetrieveParams, options?: CallOptions): Promise<Subscription>;
  /** Cancels a subscription; retried only when the request provably never left. */
  cancel(params: SubscriptionsCancelParams, options?: CallOptions): Promise<Subscription>;
  /** One page of a subscription's bills. */
  bills(params: SubscriptionsBillsParams, options?: CallOptions): Promise<BillPage>;
  /** Every bill of a subscription, page after page. */
  iterateBills(
    params: SubscriptionsBillsFilters,
    options?: IterateOptions,
  ): AsyncGenerator<Bill, void, undefined>;
  /** Every subscription matching `filters`, page after page. */
  iterate(
    filters?: SubscriptionsFilters,
    options?: IterateOptions,
  ): AsyncGenerator<Subscription, void, undefined>;
}

/**
 * Binds `wpay.subscriptions` to a resource context.
 *
 * @example
 * ```ts
 * const active = await wpay.subscriptions.list({ status: 'ACTIVE' });
 * await wpay.subscriptions.cancel({ id: active.records[0].id, reason: 'customer asked' });
 * for await (const bill of wpay.subscriptions.iterateBills({ subscriptionId: 7 })) console.log(bill.status);
 * ```
 */
export function createSubscriptionsResource(rc: ResourceContext): SubscriptionsResource {
  const pages = { page: 'page', size: 'size' };
  const list = endpoint(rc, {
    name: 'subscriptions.list',
    path: 'subscriptionsList',
    params: subscriptionsListParamsSchema,
    answer: subscriptionPageSchema,
    retry: 'safe',
    page: true,
  });
  const bills = endpoint(rc, {
    name: 'subscriptions.bills',
    path: 'subscriptionsBills',
    params: subscriptionsBillsParamsSchema,
    answer: billPageSchema,
    retry: 'safe',
    page: true,
  });
  return {
    list,
    retrieve: endpoint(rc, {
      name: 'subscriptions.retrieve',
      path: 'subscriptionsDetail',
      params: subscriptionsRetrieveParamsSchema,
      answer: subscriptionSchema,
      retry: 'safe',
    }),
    cancel: endpoint(rc, {
      name: 'subscriptions.cancel',
      path: 'subscriptionsCancel',
      params: subscriptionsCancelParamsSchema,
      answer: subscriptionSchema,
      retry: 'unsent-only',
    }),
    bills,
    iterate: listIterator(list, pages, rc.settings.iteratePageSize),
    iterateBills: listIterator(bills, pages, rc.settings.iteratePageSize),
  };
}
