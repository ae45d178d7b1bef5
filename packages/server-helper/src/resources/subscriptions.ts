/**
 * `wpay.subscriptions`: list, retrieve, cancel subscriptions and list their bills.
 *
 * @module
 */
import { normalizePage } from '../schemas/common.js';
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
import { validateAnswer } from '../transport/validate-answer.js';
import { paginate } from './paginate.js';
import { type CallOptions, type ResourceContext, validateRequest } from './resource-context.js';

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
    options?: CallOptions & { pageSize?: number },
  ): AsyncGenerator<Bill, void, undefined>;
  /** Every subscription matching `filters`, page after page. */
  iterate(
    filters?: SubscriptionsFilters,
    options?: CallOptions & { pageSize?: number },
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
  const { paths, pageKeys } = rc.settings;
  const list: SubscriptionsResource['list'] = async (params = {}, options = {}) => {
    const body = validateRequest(subscriptionsListParamsSchema, params, 'subscriptions.list');
    const data = await rc.call(paths.subscriptionsList, body, {
      ...options,
      retry: 'safe',
      name: 'subscriptions.list',
    });
    return validateAnswer(
      subscriptionPageSchema,
      normalizePage(data, pageKeys),
      'answer of subscriptions.list',
    );
  };
  const bills: SubscriptionsResource['bills'] = async (params, options = {}) => {
    const body = validateRequest(subscriptionsBillsParamsSchema, params, 'subscriptions.bills');
    const data = await rc.call(paths.subscriptionsBills, body, {
      ...options,
      retry: 'safe',
      name: 'subscriptions.bills',
    });
    return validateAnswer(
      billPageSchema,
      normalizePage(data, pageKeys),
      'answer of subscriptions.bills',
    );
  };
  return {
    list,
    async retrieve(params, options = {}) {
      const body = validateRequest(
        subscriptionsRetrieveParamsSchema,
        params,
        'subscriptions.retrieve',
      );
      return rc.call(paths.subscriptionsDetail, body, {
        ...options,
        schema: subscriptionSchema,
        retry: 'safe',
        name: 'subscriptions.retrieve',
      });
    },
    async cancel(params, options = {}) {
      const body = validateRequest(subscriptionsCancelParamsSchema, params, 'subscriptions.cancel');
      return rc.call(paths.subscriptionsCancel, body, {
        ...options,
        schema: subscriptionSchema,
        retry: 'unsent-only',
        name: 'subscriptions.cancel',
      });
    },
    bills,
    async *iterateBills(params, { pageSize = rc.settings.iteratePageSize, ...options } = {}) {
      validateRequest(
        subscriptionsBillsParamsSchema,
        { ...params, size: pageSize },
        'subscriptions.iterateBills',
      );
      yield* paginate((page) => bills({ ...params, page, size: pageSize }, options), { pageSize });
    },
    async *iterate(filters = {}, { pageSize = rc.settings.iteratePageSize, ...options } = {}) {
      validateRequest(
        subscriptionsListParamsSchema,
        { ...filters, size: pageSize },
        'subscriptions.iterate',
      );
      yield* paginate((page) => list({ ...filters, page, size: pageSize }, options), {
        pageSize,
      });
    },
  };
}
