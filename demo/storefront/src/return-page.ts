// The success and cancel pages: <wpay-return> confirms the outcome with the shop's server; this
// script then shows the shop's own record of the order (which turns paid when WPay's webhook lands).
import '@wpay/widget';
import type { PaymentStatus, WpayReturn, WpayStatusEvent } from '@wpay/widget';
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

/** Seconds between looks at the order while WPay's webhook is on its way: about a minute in all. */
const FOLLOW_DELAYS = [1, 1, 2, 2, 3, 3, 5, 5, 8, 10, 10, 10];

/** Looks at the order once; only the newest look is shown, so a slow answer never undoes a newer one. */
let looks = 0;
async function look(mchOrderNo: string): Promise<OrderSummary | undefined> {
  const ticket = ++looks;
  const order = await fetchOrder(mchOrderNo).catch(() => undefined);
  if (order && ticket === looks) render(order);
  return order;
}

/** Follows the order while the webhook is on its way, until the shop's record settles. */
async function follow(mchOrderNo: string): Promise<void> {
  for (const delay of [0, ...FOLLOW_DELAYS]) {
    await new Promise((resolve) => setTimeout(resolve, delay * 1000));
    const order = await look(mchOrderNo);
    if (order && SETTLED.has(order.status)) return;
  }
}

let following = false;
let shown = false;
/** Shows the order as soon as WPay answers (pending while it processes), then follows it. */
function onStatus(status: PaymentStatus | undefined): void {
  const mchOrderNo = status?.mchOrderNo ?? new URLSearchParams(location.search).get('mchOrderNo');
  if (!status || !mchOrderNo || following) return;
  if (status.final) {
    following = true;
    void follow(mchOrderNo);
  } else if (!shown) {
    shown = true;
    void look(mchOrderNo);
  }
}

const element = required<WpayReturn>('wpay-return');
element.addEventListener('wpay-status', (event) => onStatus((event as WpayStatusEvent).detail));
onStatus(element.status);
