// The admin page: the shop's orders beside WPay's payments, refunds, subscriptions with their bills,
// and the webhook deliveries received. Everything is read from the merchant server's admin API.
import type {
  AdminDelivery,
  AdminError,
  AdminOrder,
  AdminPayment,
  AdminReconcileResult,
  AdminRefundResult,
  AdminState,
  AdminSubscription,
} from '../../shared/admin-api.js';
import { type Child, h, required, statusPill } from './dom.js';

const regions = {
  orders: required<HTMLElement>('[data-orders]'),
  payments: required<HTMLElement>('[data-payments]'),
  subscriptions: required<HTMLElement>('[data-subscriptions]'),
  deliveries: required<HTMLElement>('[data-deliveries]'),
};
const toast = required<HTMLElement>('[data-toast]');
const mode = required<HTMLElement>('[data-mode]');
const clockHint = required<HTMLElement>('[data-clock-hint]');
let toastTimer: ReturnType<typeof setTimeout> | undefined;

function say(message: string): void {
  toast.textContent = message;
  toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    toast.hidden = true;
  }, 6000);
}

function table(label: string, headers: readonly string[], rows: readonly HTMLTableRowElement[]) {
  if (rows.length === 0) return h('p', { class: 'empty' }, 'Nothing yet.');
  const numeric = new Set(['Amount', 'Refunded']);
  return h(
    'table',
    { 'aria-label': label },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...headers.map((name) =>
          h('th', { scope: 'col', class: numeric.has(name) ? 'num' : undefined }, name),
        ),
      ),
    ),
    h('tbody', {}, ...rows),
  );
}

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');
const code = (text: string | null) => (text ? h('span', { class: 'mono' }, text) : '—');

/** The admin API's answer: its JSON body, or a message that says why it failed. */
type Answer<T> =
  | { readonly ok: true; readonly body: T }
  | { readonly ok: false; readonly message: string };

async function post<T>(path: string, body: unknown): Promise<Answer<T>> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  }).catch(() => undefined);
  if (!response) return { ok: false, message: 'The shop server did not answer.' };
  const json: unknown = await response.json().catch(() => undefined);
  if (response.ok) return { ok: true, body: json as T };
  const message = (json as AdminError | undefined)?.error?.message;
  return { ok: false, message: message ?? `The shop server answered ${response.status}.` };
}

/** The refund cell: an amount (the whole refundable amount to start with) and a button. */
function refundForm(order: AdminOrder): Child {
  if (Number(order.refundable) <= 0 || !order.trxNo) return '—';
  const errorId = `refund-error-${order.mchOrderNo}`;
  const error = h('p', { class: 'field-error', id: errorId, hidden: true });
  const input = h('input', {
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    name: 'amount',
    value: order.refundable,
    'aria-label': `Refund amount for ${order.mchOrderNo} (up to ${order.refundable} ${order.currency})`,
    'aria-describedby': errorId,
    required: true,
  });
  const button = h(
    'button',
    { type: 'submit', class: 'button button-small button-danger' },
    'Refund',
  );
  const form = h(
    'form',
    { class: 'refund-form', 'data-refund': order.mchOrderNo, novalidate: true },
    h('div', { class: 'refund-fields' }, input, button),
    error,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    const answer = await post<AdminRefundResult>('/api/admin/refunds', {
      mchOrderNo: order.mchOrderNo,
      amount: input.value,
    });
    if (!answer.ok) {
      // Stays as typed, with the reason beside it.
      error.textContent = answer.message;
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      button.disabled = false;
      input.focus();
      return;
    }
    const { amount, currency } = answer.body;
    say(`Refunded ${amount} ${currency} on ${order.mchOrderNo}.`);
    await load();
  });
  return form;
}

/** How the order reached its status, and its recovery: the link offered, or where it went. */
function reachedCell(order: AdminOrder): HTMLTableCellElement {
  return h(
    'td',
    { 'data-via': order.reachedVia ?? '' },
    order.reachedVia ?? '—',
    order.recoveredFrom
      ? h(
          'span',
          {},
          h('br'),
          h(
            'small',
            { 'data-recovered-from': order.recoveredFrom },
            'recovered from ',
            code(order.recoveredFrom),
          ),
        )
      : null,
    order.recoveredAs.length > 0
      ? h(
          'span',
          {},
          h('br'),
          h(
            'small',
            { 'data-recovered-as': order.recoveredAs.join(' ') },
            'recovered as ',
            code(order.recoveredAs.join(', ')),
          ),
        )
      : null,
    order.recoveryUrl
      ? h(
          'span',
          {},
          h('br'),
          h(
            'a',
            { href: order.recoveryUrl, 'data-recovery-link': order.mchOrderNo },
            'Recovery link',
            h('span', { class: 'visually-hidden' }, ` for ${order.mchOrderNo}`),
          ),
        )
      : null,
  );
}

function orderRow(order: AdminOrder, wpay: ReadonlyMap<string, AdminPayment>): HTMLTableRowElement {
  const listed = order.trxNo ? wpay.get(order.trxNo) : undefined;
  return h(
    'tr',
    { 'data-order': order.mchOrderNo },
    h('td', {}, code(order.mchOrderNo), h('br'), h('small', {}, when(order.createdAt))),
    h('td', {}, order.productName),
    h('td', { class: 'num' }, `${order.amount} ${order.currency}`),
    h('td', { 'data-status': order.status }, statusPill(order.status)),
    reachedCell(order),
    h(
      'td',
      { 'data-wpay-status': listed?.status ?? '' },
      listed ? statusPill(listed.status) : '—',
      order.trxNo ? h('br') : null,
      order.trxNo ? h('small', { class: 'mono' }, order.trxNo) : null,
    ),
    h('td', { class: 'num', 'data-refunded': order.refunded }, order.refunded),
    h('td', {}, refundForm(order)),
  );
}

function paymentRow(payment: AdminPayment): HTMLTableRowElement {
  return h(
    'tr',
    { 'data-payment': payment.trxNo },
    h('td', {}, code(payment.trxNo)),
    h('td', {}, code(payment.mchOrderNo)),
    h('td', { class: 'num' }, `${payment.amount} ${payment.currency}`),
    h('td', {}, statusPill(payment.status)),
    h('td', {}, payment.createTime ?? '—'),
  );
}

/** Why a subscription has no WPay id: not paid yet, or paid at a WPay that has since forgotten it. */
function unknownToWpay(sub: AdminSubscription): string {
  return sub.status === 'pending'
    ? 'Not yet known to WPay.'
    : 'WPay has no record of this subscription (made before the sandbox last restarted).';
}

function subscriptionRow(sub: AdminSubscription): HTMLTableRowElement {
  const bills = sub.bills
    ? h(
        'ul',
        { class: 'bills', 'data-bills': sub.bills.length },
        ...sub.bills.map((bill) =>
          h(
            'li',
            {},
            `${bill.createdTime} · ${bill.amount} ${bill.currency} · `,
            statusPill(bill.status),
          ),
        ),
      )
    : h('small', {}, sub.billsError ?? unknownToWpay(sub));
  const cancel =
    sub.status === 'active' || sub.status === 'past_due'
      ? h(
          'button',
          {
            type: 'button',
            class: 'button button-small button-secondary',
            onclick: async () => {
              const answer = await post('/api/admin/subscriptions/cancel', {
                mchSubscriptionNo: sub.mchSubscriptionNo,
              });
              say(answer.ok ? `Subscription ${sub.mchSubscriptionNo} cancelled.` : answer.message);
              await load();
            },
          },
          'Cancel subscription',
          h('span', { class: 'visually-hidden' }, ` ${sub.mchSubscriptionNo}`),
        )
      : '—';
  return h(
    'tr',
    { 'data-subscription': sub.mchSubscriptionNo },
    h(
      'td',
      {},
      code(sub.mchSubscriptionNo),
      h('br'),
      h('small', {}, `WPay id ${sub.wpayId ?? '—'}`),
    ),
    h('td', {}, sub.productName),
    h('td', { class: 'num' }, `${sub.amount} ${sub.currency} / ${sub.interval}`),
    h('td', { 'data-status': sub.status }, statusPill(sub.status)),
    h('td', {}, bills),
    h('td', {}, cancel),
  );
}

function deliveryRow(delivery: AdminDelivery): HTMLTableRowElement {
  return h(
    'tr',
    { 'data-delivery': delivery.id },
    h('td', {}, when(delivery.receivedAt)),
    h('td', {}, delivery.eventType ?? '—'),
    h('td', {}, code(delivery.eventId)),
    h('td', {}, statusPill(delivery.verified ? 'verified' : 'rejected')),
    h('td', {}, String(delivery.httpStatus)),
    h('td', {}, delivery.note ?? ''),
  );
}

function render(state: AdminState): void {
  mode.textContent =
    state.mode === 'sandbox' ? 'Merchant admin · WPay sandbox' : 'Merchant admin · real WPay';
  if (state.sandboxDashboard) {
    clockHint.replaceChildren(
      'To see a subscription renew, move the sandbox clock a month on the ',
      h(
        'a',
        { href: state.sandboxDashboard, target: '_blank', rel: 'noopener' },
        'WPay sandbox dashboard',
      ),
      ' (+1 month), then press Refresh.',
    );
    clockHint.hidden = false;
  }
  const payments = state.payments.ok ? state.payments.records : [];
  const byTrx = new Map(payments.map((payment) => [payment.trxNo, payment]));
  regions.orders.replaceChildren(
    table(
      'Orders',
      [
        'Order',
        'Product',
        'Amount',
        'Shop status',
        'Reached via',
        'WPay status · trxNo',
        'Refunded',
        'Refund',
      ],
      state.orders.map((order) => orderRow(order, byTrx)),
    ),
  );
  regions.payments.replaceChildren(
    state.payments.ok
      ? table(
          'Payments at WPay',
          ['trxNo', 'mchOrderNo', 'Amount', 'Status', 'Created'],
          payments.map(paymentRow),
        )
      : h('p', { class: 'empty' }, `WPay could not be asked: ${state.payments.error}`),
  );
  regions.subscriptions.replaceChildren(
    table(
      'Subscriptions',
      ['Subscription', 'Product', 'Amount', 'Status', 'Bills', 'Action'],
      state.subscriptions.map(subscriptionRow),
    ),
  );
  regions.deliveries.replaceChildren(
    table(
      'Webhook deliveries',
      ['Received', 'Event', 'Event id', 'Signature', 'Answer', 'Note'],
      state.deliveries.map(deliveryRow),
    ),
  );
  document.body.dataset.loaded = String(Date.now());
}

async function load(): Promise<void> {
  const response = await fetch('/api/admin/state', {
    headers: { Accept: 'application/json' },
    cache: 'no-store',
  }).catch(() => undefined);
  if (!response?.ok) {
    say('Could not load the admin data from the shop server.');
    return;
  }
  render((await response.json()) as AdminState);
}

/** "Reconcile now": one sweep over the pending orders, then what it did. */
async function reconcileNow(button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  const answer = await post<AdminReconcileResult>('/api/admin/reconcile', {});
  button.disabled = false;
  if (!answer.ok) {
    say(answer.message);
    return;
  }
  const { checked, reconciled, stillOpen, errors } = answer.body;
  say(
    `Reconciled: ${checked} checked with WPay, ${reconciled} updated, ${stillOpen} still open` +
      (errors > 0 ? `, ${errors} failed (retried by the next sweep).` : '.'),
  );
  await load();
}

required<HTMLButtonElement>('[data-refresh]').addEventListener('click', () => void load());
const reconcileButton = required<HTMLButtonElement>('[data-reconcile]');
reconcileButton.addEventListener('click', () => void reconcileNow(reconcileButton));
void load();
