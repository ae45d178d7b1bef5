/**
 * `wpay.payments`: retrieve, list and iterate payments.
 *
 * @module
 */
import {
  createPaymentsListParamsSchema,
  type Payment,
  type PaymentPage,
  type PaymentsFilters,
  type PaymentsListParams,
  type PaymentsRetrieveParams,
  paymentPageSchema,
  paymentSchema,
  paymentsRetrieveParamsSchema,
} from '../schemas/payments.js';
import { endpoint, type IterateOptions, listIterator } from './endpoint.js';
import type { CallOptions, ResourceContext } from './resource-context.js';

/**
 * `wpay.payments`.
 *
 * @example
 * ```ts
 * const payment = await wpay.payments.retrieve({ trxNo: 'TRX1' });
 * ```
 */
export interface PaymentsResource {
  /** One payment by `trxNo`. Fetch it before fulfilling an order: redirects and webhooks are hints. */
  retrieve(params: PaymentsRetrieveParams, options?: CallOptions): Promise<Payment>;
  /** One page of payments (`pageNum` from 1, `pageSize`), optionally filtered. */
  list(params?: PaymentsListParams, options?: CallOptions): Promise<PaymentPage>;
  /** Every payment matching `filters`, page after page. */
  iterate(
    filters?: PaymentsFilters,
    options?: IterateOptions,
  ): AsyncGenerator<Payment, void, undefined>;
}

/**
 * Binds `wpay.payments` to a resource context.
 *
 * @example
 * ```ts
 * const payment = await wpay.payments.retrieve({ trxNo: 'TRX123' });
 * for await (const paid of wpay.payments.iterate({ status: 'PAID' })) console.log(paid.trxNo);
 * ```
 */
export function createPaymentsResource(rc: ResourceContext): PaymentsResource {
  const list = endpoint(rc, {
    name: 'payments.list',
    path: 'paymentsList',
    params: createPaymentsListParamsSchema(rc.schemaSettings),
    answer: paymentPageSchema,
    retry: 'safe',
    page: true,
  });
  return {
    retrieve: endpoint(rc, {
      name: 'payments.retrieve',
      path: 'paymentsDetail',
      params: paymentsRetrieveParamsSchema,
      answer: paymentSchema,
      retry: 'safe',
    }),
    list,
    iterate: listIterator(list, { page: 'pageNum', size: 'pageSize' }, rc.settings.iteratePageSize),
  };
}
