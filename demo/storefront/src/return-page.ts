// The success and cancel pages: <wpay-return> confirms the outcome with the shop's server; this
// script then shows the shop's own record of the order (which turns paid when WPay's webhook lands).
import '@wpay/widget';
import type { WpayStatusEvent } from '@wpay/widget';
import { h, required, statusPill } from './dom.js';

interface OrderSummary {
  mchOrderNo: string;
  productName: string;
  amount: string;
  currency: string;
  /** The amount formatted for people (`$25.00`). */
  price: string;
  status: string;
  interval: string | null;
}

const summary = required<HTMLElement>('[data-order-summary]');
const SETTLED = new Set([
  'paid',
  'failed',
  'cancelled',
  'expired',
  'refunded',
  'partially_refunded',
]);

async function fetchOrder(mchOrderNo: string): Promise<OrderSummary | undefined> {
  const response = await fetch(`/api/orders/${encodeURIComponent(mchOrderNo)}`, {
    headers: { Accept: 'application/json' },
    cache: 'no-store',
  });
  return response.ok ? ((await response.json()) as OrderSummary) : undefined;
}

function render(order: OrderSummary): void {
  const price = `${order.price}${order.interval ? ` / ${order.interval}` : ''}`;
  summary.replaceChildren(
    h(
      'dl',
      {},
      h('dt', {}, 'Order'),
      h('dd', { class: 'mono' }, order.mchOrderNo),
      h('dt', {}, 'Product'),
      h('dd', {}, order.productName),
      h('dt', {}, 'Amount'),
      h('dd', {}, price),
      h('dt', {}, 'Order status'),
      h('dd', { 'data-order-status': order.status }, statusPill(order.status)),
    ),
  );
  summary.hidden = false;
}

/** Shows the order, then follows it a little while the webhook is on its way. */
async function follow(mchOrderNo: string): Promise<void> {
  for (let attempt = 0; attempt < 15; attempt++) {
    const order = await fetchOrder(mchOrderNo).catch(() => undefined);
    if (order) render(order);
    if (order && SETTLED.has(order.status)) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

let following = false;
document.addEventListener('wpay-status', (event) => {
  const { detail } = event as WpayStatusEvent;
  const mchOrderNo = detail.mchOrderNo ?? new URLSearchParams(location.search).get('mchOrderNo');
  if (!detail.final || !mchOrderNo || following) return;
  following = true;
  void follow(mchOrderNo);
});
