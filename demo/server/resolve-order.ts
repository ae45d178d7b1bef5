import { randomBytes } from 'node:crypto';
import { CheckoutRejection, type RecoverableOrder, type ResolvedOrder } from '@wpay/server-helper';
import { z } from 'zod';
import { CATALOGUE, findProduct, type Product, skuSchema } from './catalogue.js';
import { formatMajor } from './money.js';
import type { OrderStore } from './store/order-store.js';
import type { SubscriptionStore } from './store/subscription-store.js';

/**
 * What the storefront's button (and its no-JS form) may send: a sku, nothing else. Any price the
 * browser might add is ignored, because the catalogue on this server prices the order.
 *
 * @example
 * ```ts
 * checkoutBodySchema.parse({ sku: 'mug' });
 * ```
 */
export const checkoutBodySchema = z.object({ sku: skuSchema });

/** What {@link createOrderResolver} works with. */
export interface OrderResolverDeps {
  readonly orders: OrderStore;
  readonly subscriptions: SubscriptionStore;
  readonly catalogue?: readonly Product[];
}

/**
 * The checkout handler's `resolveOrder`: prices the sku from the server's catalogue, records a
 * pending order (and, for a subscription, a pending subscription) in SQLite, and returns what
 * WPay needs. The browser's `Idempotency-Key` is stored with the order, so a retried request
 * gets the same `mchOrderNo` even after a restart of the server.
 *
 * @example
 * ```ts
 * const checkout = createCheckoutHandler(wpay, {
 *   body: checkoutBodySchema,
 *   resolveOrder: createOrderResolver({ orders, subscriptions }),
 *   successUrl: '/success',
 *   cancelUrl: '/cancel',
 * });
 * ```
 */
export function createOrderResolver({
  orders,
  subscriptions,
  catalogue = CATALOGUE,
}: OrderResolverDeps) {
  return (body: z.output<typeof checkoutBodySchema>, request: Request): ResolvedOrder => {
    const product = findProduct(body.sku, catalogue);
    if (!product) {
      throw new CheckoutRejection('This product is not sold here.', {
        status: 422,
        code: 'unknown_sku',
        fields: [{ path: 'sku', message: 'unknown product' }],
      });
    }
    const idempotencyKey = request.headers.get('idempotency-key') ?? undefined;
    return placeOrder({ orders, subscriptions }, product, { idempotencyKey });
  };
}

/**
 * The recovery handler's `resolveOrder` (`wpay.recovery().handler`): prices the expired order's
 * product again from today's catalogue and records a new pending order linked to it
 * (`recoveredFrom`), with a number of its own (WPay would answer the same, expired session for the
 * old one). Refuses an order the shop does not know, or one that is not expired.
 *
 * @example
 * ```ts
 * app.get('/checkout/recover', (c) => recovery.handler({ resolveOrder: createRecoveryResolver({ orders, subscriptions }), successUrl: '/success', cancelUrl: '/cancel' })(c.req.raw));
 * ```
 */
export function createRecoveryResolver({
  orders,
  subscriptions,
  catalogue = CATALOGUE,
}: OrderResolverDeps) {
  return (previous: RecoverableOrder): ResolvedOrder => {
    const old = orders.find(previous.mchOrderNo);
    if (!old) {
      throw new CheckoutRejection('This shop has no such order.', {
        status: 404,
        code: 'unknown_order',
      });
    }
    if (old.status !== 'expired') {
      throw new CheckoutRejection(`This order is ${old.status}: there is nothing to recover.`, {
        status: 409,
        code: 'not_expired',
      });
    }
    const product = findProduct(old.sku, catalogue);
    if (!product) {
      throw new CheckoutRejection('This product is no longer sold here.', {
        status: 410,
        code: 'unknown_sku',
      });
    }
    return placeOrder({ orders, subscriptions }, product, { recoveredFrom: old.mchOrderNo });
  };
}

/** Records a pending order (and subscription) for `product` and says what WPay needs. */
function placeOrder(
  { orders, subscriptions }: Pick<OrderResolverDeps, 'orders' | 'subscriptions'>,
  product: Product,
  link: { idempotencyKey?: string | undefined; recoveredFrom?: string | undefined },
): ResolvedOrder {
  const order = orders.create({
    sku: product.sku,
    kind: product.interval ? 'subscription' : 'one_time',
    amountMinor: product.priceMinor,
    currency: product.currency,
    ...link,
    mchSubscriptionNo: product.interval ? newSubscriptionNo() : undefined,
  });
  if (order.sku !== product.sku) {
    throw new CheckoutRejection('This Idempotency-Key was used for another product.', {
      status: 409,
      code: 'idempotency_key_reused',
    });
  }
  const base: ResolvedOrder = {
    mchOrderNo: order.mchOrderNo,
    amount: formatMajor(order.amountMinor, order.currency),
    currency: order.currency,
    description: product.name,
  };
  if (!product.interval || !order.mchSubscriptionNo) return base;
  subscriptions.create({
    mchSubscriptionNo: order.mchSubscriptionNo,
    sku: product.sku,
    amountMinor: product.priceMinor,
    currency: product.currency,
    interval: product.interval,
  });
  return {
    ...base,
    payMode: 'SUBSCRIPTION',
    mchSubscriptionNo: order.mchSubscriptionNo,
    intervalUnit: product.interval.unit,
    intervalCount: product.interval.count,
  };
}

function newSubscriptionNo(): string {
  return `sub_${randomBytes(10).toString('hex')}`;
}
