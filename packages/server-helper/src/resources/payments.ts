/**
 * `wpay.payments`: retrieve, list and iterate payments.
 *
 * @module
 */
import { normalizePage } from '../schemas/common.js';
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
import { validateAnswer } from '../transport/validate-answer.js';
import { paginate } from './paginate.js';
import { type CallOptions, type ResourceContext, validateRequest } from './resource-context.js';

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
    options?: CallOptions & { pageSize?: number },
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
  const listSchema = createPaymentsListParamsSchema(rc.schemaSettings);
  const list: PaymentsResource['list'] = async (params = {}, options = {}) => {
    const body = validateRequest(listSchema, params, 'payments.list');
    const data = await rc.call(rc.settings.paths.paymentsList, body, {
      ...options,
      retry: 'safe',
      name: 'payments.list',
    });
    return validateAnswer(
      paymentPageSchema,
      normalizePage(data, rc.settings.pageKeys),
      'answer of payments.list',
    );
  };
  return {
    async retrieve(params, options = {}) {
      const body = validateRequest(paymentsRetrieveParamsSchema, params, 'payments.retrieve');
      return rc.call(rc.settings.paths.paymentsDetail, body, {
        ...options,
        schema: paymentSchema,
        retry: 'safe',
        name: 'payments.retrieve',
      });
    },
    list,
    async *iterate(filters = {}, { pageSize = rc.settings.iteratePageSize, ...options } = {}) {
      validateRequest(listSchema, { ...filters, pageSize }, 'payments.iterate');
      yield* paginate((pageNum) => list({ ...filters, pageNum, pageSize }, options), { pageSize });
    },
  };
}
