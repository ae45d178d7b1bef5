/**
 * The error a merchant's `resolveOrder` throws to refuse a checkout with a message for the buyer.
 *
 * @module
 */
import type { ErrorField } from './error-response.js';

/**
 * Options of {@link CheckoutRejection}.
 *
 * @example
 * ```ts
 * throw new CheckoutRejection('Only 2 left', {
 *   status: 409, code: 'low_stock', fields: [{ path: 'quantity', message: 'at most 2' }],
 * });
 * ```
 */
export interface CheckoutRejectionOptions {
  /** HTTP status, default 422. */
  status?: number;
  /** Machine-readable code, default `'order_rejected'`. */
  code?: string;
  /** Fields at fault, shown to the buyer next to the inputs. */
  fields?: ErrorField[];
}

/**
 * Thrown by `resolveOrder` to refuse a checkout (out of stock, unknown product…). The message
 * is sent to the browser as is, so it must be written for the buyer.
 *
 * @example
 * ```ts
 * resolveOrder: async ({ sku }) => {
 *   const product = await db.product(sku);
 *   if (!product?.inStock) throw new CheckoutRejection('This item is out of stock', { code: 'out_of_stock' });
 *   return { mchOrderNo: newOrderNo(), amount: product.price, currency: 'USD' };
 * }
 * ```
 */
export class CheckoutRejection extends Error {
  override readonly name = 'CheckoutRejection';
  readonly status: number;
  readonly code: string;
  readonly fields: ErrorField[] | undefined;

  constructor(
    message: string,
    { status = 422, code = 'order_rejected', fields }: CheckoutRejectionOptions = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}
