/**
 * One WPay endpoint as a resource method: validate the parameters, send a signed call, parse the
 * answer. Every method of `wpay.checkout`, `.payments`, `.refunds` and `.subscriptions` is one,
 * and every `iterate…` method walks one list endpoint with {@link listIterator}.
 *
 * @module
 */

import type { WPaySettings } from '../options.js';
import { normalizePage, type Page } from '../schemas/common.js';
import type { RetryPolicy } from '../transport/retry.js';
import { validateRequest } from '../validate.js';
import * as z from '../zod.js';
import { paginate } from './paginate.js';
import type { CallOptions, ResourceContext } from './resource-context.js';

/** What an endpoint is. */
export interface EndpointSpec<P extends z.core.$ZodType, A extends z.core.$ZodType> {
  /** Names the call in messages, e.g. `'payments.retrieve'`. */
  name: string;
  /** Which of the `protocol.paths` settings it posts to. */
  path: keyof WPaySettings['protocol']['paths'];
  /** The request schema. */
  params: P;
  /** The answer schema (`retdata`). */
  answer: A;
  /** `'safe'` for reads and idempotent writes, `'unsent-only'` for the others. */
  retry: RetryPolicy;
  /** The answer is a page: rename its keys per the `pageKeys` setting before parsing. */
  page?: boolean;
}

/**
 * The method calling the endpoint described by `spec`.
 *
 * @example
 * ```ts
 * const retrieve = endpoint(rc, { name: 'payments.retrieve', path: 'paymentsDetail',
 *   params: paymentsRetrieveParamsSchema, answer: paymentSchema, retry: 'safe' });
 * await retrieve({ trxNo: 'TRX1' });
 * ```
 */
export function endpoint<P extends z.core.$ZodType, A extends z.core.$ZodType>(
  rc: ResourceContext,
  { name, path, params, answer, retry, page = false }: EndpointSpec<P, A>,
): (input?: z.input<P>, options?: CallOptions) => Promise<z.output<A>> {
  const schema = page
    ? z.pipe(
        z.transform((data: unknown) => normalizePage(data, rc.settings.protocol.pageKeys)),
        answer,
      )
    : answer;
  return async (input, options = {}) =>
    rc.call(rc.settings.protocol.paths[path], validateRequest(params, input ?? {}, name), {
      ...options,
      schema: schema as z.core.$ZodType<z.output<A>>,
      retry,
      name,
    });
}

/** Options of an `iterate…` method: the call options, and the page size. */
export type IterateOptions = CallOptions & { pageSize?: number };

/**
 * The `iterate…` method of a list endpoint: every record, page after page, `list` getting the
 * filters plus the page number and size under the endpoint's own names.
 *
 * @example
 * ```ts
 * const iterate = listIterator(list, { page: 'pageNum', size: 'pageSize' }, 50);
 * for await (const payment of iterate({ status: 'PAID' })) console.log(payment.trxNo);
 * ```
 */
export function listIterator<T>(
  list: (params: never, options: CallOptions) => Promise<Page<T>>,
  keys: { page: string; size: string },
  defaultPageSize: number,
): (filters?: object, options?: IterateOptions) => AsyncGenerator<T, void, undefined> {
  return async function* (filters = {}, { pageSize = defaultPageSize, ...options } = {}) {
    const params = (page: number) => ({ ...filters, [keys.page]: page, [keys.size]: pageSize });
    yield* paginate((page) => list(params(page) as never, options), { pageSize });
  };
}
