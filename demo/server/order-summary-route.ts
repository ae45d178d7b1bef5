import type { Handler } from 'hono';
import { describeInterval, findProduct } from './catalogue.js';
import { formatMajor, formatMoney } from './money.js';
import type { OrderStore } from './store/order-store.js';

const ORDER_NO = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * `GET /api/orders/:mchOrderNo`: the shop's own record of one order, for the return pages. Order
 * numbers are random and unguessable; the answer holds nothing personal (product, amount, status).
 *
 * @example
 * ```ts
 * app.get('/api/orders/:mchOrderNo', orderSummaryRoute(orders));
 * ```
 */
export function orderSummaryRoute(orders: OrderStore): Handler {
  return (c) => {
    const mchOrderNo = c.req.param('mchOrderNo') ?? '';
    const order = ORDER_NO.test(mchOrderNo) ? orders.find(mchOrderNo) : undefined;
    c.header('Cache-Control', 'no-store');
    if (!order)
      return c.json({ error: { code: 'order_not_found', message: 'No such order' } }, 404);
    const product = findProduct(order.sku);
    return c.json({
      mchOrderNo: order.mchOrderNo,
      productName: product?.name ?? order.sku,
      amount: formatMajor(order.amountMinor, order.currency),
      currency: order.currency,
      price: formatMoney(order.amountMinor, order.currency),
      status: order.status,
      interval: product?.interval ? describeInterval(product.interval) : null,
    });
  };
}
