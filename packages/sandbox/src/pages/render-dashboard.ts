/** @module Renders the dashboard page (no script). */

import { EVENT_TYPES } from '@wpay/protocol';
import type { StateSnapshot } from '../domain/state-snapshot.js';
import type { ActiveFault } from '../faults/fault-injector.js';
import type { SandboxStats } from '../sandbox-context.js';
import type { Delivery } from '../webhooks/webhook-dispatcher.js';
import { documentOf, html, type SafeHtml } from './html.js';

/** What the dashboard shows. */
export interface DashboardView {
  /** The merchant shown. */
  merchantId: string;
  /** Every merchant of the sandbox, `default` first: the switcher. */
  merchants: ReadonlyArray<{ id: string; merchantName: string }>;
  merchantName: string;
  /** Payments held (`snapshot.payments` has the newest of them). */
  paymentCount: number;
  url: string;
  webhookUrl: string | undefined;
  snapshot: StateSnapshot;
  deliveries: Delivery[];
  faults: ActiveFault[];
  stats: SandboxStats;
  /** Seconds between automatic reloads, `null` for none. */
  refreshSeconds: number | null;
}

/** Rows shown per table (newest first; the payments are cut by the route already). */
const MAX_ROWS = 200;

const EVENT_KINDS = Object.entries(EVENT_TYPES);

/** Event types the trigger form offers for a payment. */
const ORDER_EVENTS = EVENT_KINDS.filter(([, kind]) => kind === 'payment').map(([type]) => type);

/** Event types the trigger form offers for a subscription (its own events and its bills'). */
const SUBSCRIPTION_EVENTS = EVENT_KINDS.filter(([, kind]) => kind !== 'payment').map(
  ([type]) => type,
);

const CSS = `
body { padding: 1rem 1.5rem 3rem; }
header { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: baseline; }
h1 { margin: 0; font-size: 1.4rem; }
h2 { margin: 2rem 0 0.5rem; font-size: 1.15rem; }
table { border-collapse: collapse; width: 100%; background: var(--card); font-size: 0.9rem; }
th, td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #e6e8ef; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.85rem; }
form.inline { display: inline-flex; gap: 0.35rem; align-items: center; margin: 0.15rem 0; }
button { padding: 0.25rem 0.6rem; font-size: 0.9rem; background: var(--accent); color: var(--accent-ink); }
input, select { font: inherit; font-size: 0.9rem; padding: 0.2rem 0.4rem; border: 1px solid var(--muted); border-radius: 6px; }
.empty { color: var(--muted); }
.panel { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; background: var(--card);
  border: 1px solid var(--line); border-radius: 8px; padding: 0.75rem 1rem; margin-top: 1rem; }
details summary { cursor: pointer; }
.bad { color: var(--danger); font-weight: 600; }
.good { color: var(--ok); font-weight: 600; }
`;

/**
 * The dashboard: payments, subscriptions, refunds, webhook deliveries with attempts, and form
 * buttons to trigger an event, re-deliver, and advance the clock. No script.
 *
 * @example
 * ```ts
 * renderDashboard({ merchantName: 'Shop', url, snapshot, deliveries, faults, stats, … });
 * ```
 */
export function renderDashboard(v: DashboardView): string {
  const { snapshot: s } = v;
  const [first] = v.merchants;
  const own =
    first === undefined || first.id === v.merchantId
      ? ''
      : `merchant=${encodeURIComponent(v.merchantId)}`;
  /** A path of this merchant's dashboard: its query names the merchant (none for `default`). */
  const at = (path: string, query = '') => {
    const params = [own, query].filter(Boolean).join('&');
    return params ? `${path}?${params}` : path;
  };
  const head = v.refreshSeconds
    ? html`<meta http-equiv="refresh" content="${v.refreshSeconds}">`
    : undefined;
  const body = html`<header>
  <h1>WPay sandbox · ${v.merchantName}</h1>
  <span>API: <code>${v.url}</code></span>
  <span>Clock: <time datetime="${new Date(s.now).toISOString()}">${new Date(s.now).toISOString()}</time></span>
  <span>${v.stats.requests} API calls, ${v.stats.tokenRequests} token requests, ${v.stats.faultsInjected} faults</span>
</header>
${merchantSwitcher(v)}
<main>
<section class="panel" aria-label="Clock and webhooks">
  <span>Advance the clock:</span>
  ${(['1h', '1d', '1mo'] as const).map(
    (by) => html`<form class="inline" method="post" action="${at('/__dashboard/advance')}">
    <input type="hidden" name="by" value="${by}"><button type="submit">+${LABELS[by]}</button></form>`,
  )}
  <form class="inline" method="post" action="${at('/__dashboard/webhook-url')}">
    <label for="webhook-url">Webhook URL</label>
    <input id="webhook-url" name="url" type="url" size="40" value="${v.webhookUrl ?? ''}" placeholder="http://127.0.0.1:3000/webhooks/wpay">
    <button type="submit">Save</button>
  </form>
  <a href="${at('/', `refresh=${v.refreshSeconds ? '' : '5'}`)}">${v.refreshSeconds ? 'Stop auto-refresh' : 'Auto-refresh every 5 s'}</a>
</section>
<h2 id="payments">Payments (${v.paymentCount})</h2>
${table(
  ['trxNo', 'mchOrderNo', 'status', 'amount', 'mode', 'created', 'paid', 'trigger an event'],
  s.payments
    .slice(0, MAX_ROWS)
    .map((p) => [
      html`<code>${p.trxNo}</code>`,
      p.mchOrderNo,
      p.status,
      html`<span class="num">${p.amount} ${p.currency}</span>`,
      p.payMode,
      p.createTime,
      p.payTime ?? '',
      triggerForm('trxNo', String(p.trxNo), ORDER_EVENTS, at('/__dashboard/trigger')),
    ]),
)}
<h2 id="subscriptions">Subscriptions (${s.subscriptions.length})</h2>
${table(
  [
    'id',
    'mchSubscriptionNo',
    'status',
    'amount',
    'interval',
    'created',
    'next bill',
    'bills',
    'trigger an event',
  ],
  s.subscriptions
    .slice(0, MAX_ROWS)
    .map((sub) => [
      sub.id,
      sub.mchSubscriptionNo,
      sub.status,
      `${sub.amount} ${sub.currency}`,
      `${sub.intervalCount} ${sub.intervalUnit}`,
      sub.createdTime,
      sub.nextBillTime ?? '',
      s.bills.filter((b) => b.subscriptionId === sub.id).length,
      triggerForm(
        'subscriptionId',
        String(sub.id),
        SUBSCRIPTION_EVENTS,
        at('/__dashboard/trigger'),
      ),
    ]),
)}
<h2 id="refunds">Refunds (${s.refunds.length})</h2>
${table(
  ['refundNo', 'trxNo', 'amount', 'status', 'reason', 'created'],
  [...s.refunds]
    .reverse()
    .slice(0, MAX_ROWS)
    .map((r) => [
      r.refundNo,
      r.trxNo,
      `${r.amount} ${r.currency}`,
      r.status,
      r.reason ?? '',
      r.createTime,
    ]),
)}
<h2 id="deliveries">Webhook deliveries (${v.deliveries.length})</h2>
${table(
  ['#', 'event', 'state', 'attempts', 'action'],
  [...v.deliveries]
    .reverse()
    .slice(0, MAX_ROWS)
    .map((d) => [
      d.deliveryId,
      html`<code>${d.eventType}</code><br><small><code>${d.eventId}</code></small>`,
      html`<span class="${d.state === 'delivered' ? 'good' : d.state === 'pending' ? '' : 'bad'}">${d.state}</span>${d.faults.length ? ` (${d.faults.join(', ')})` : ''}`,
      attemptsOf(d),
      html`<form class="inline" method="post" action="${at('/__dashboard/redeliver')}">
      <input type="hidden" name="eventId" value="${d.eventId}"><button type="submit">Re-deliver</button></form>`,
    ]),
)}
<h2 id="faults">Faults (${v.faults.length})</h2>
${table(
  ['id', 'kind', 'path', 'probability', 'times left', 'fired'],
  v.faults.map((f) => [f.id, f.kind, f.path, f.probability, f.remaining ?? '∞', f.fired]),
)}
${v.faults.length ? html`<form class="inline" method="post" action="${at('/__dashboard/faults/clear')}"><button type="submit">Clear faults</button></form>` : ''}
</main>`;
  return documentOf(`WPay sandbox · ${v.merchantName}`, body, CSS, head);
}

const LABELS = { '1h': '1 hour', '1d': '1 day', '1mo': '1 month' } as const;

function table(headers: string[], rows: unknown[][]): SafeHtml {
  if (rows.length === 0) return html`<p class="empty">None yet.</p>`;
  return html`<table>
  <thead><tr>${headers.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
  <tbody>${rows.map((row) => html`<tr>${row.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</tbody>
</table>`;
}

/** Links to every merchant's dashboard (none with a single merchant), the shown one marked. */
function merchantSwitcher(v: DashboardView): SafeHtml | string {
  if (v.merchants.length < 2) return '';
  const [first] = v.merchants;
  return html`<nav class="panel" aria-label="Merchants">
  <span>Merchants:</span>
  ${v.merchants.map((merchant) => {
    const href = merchant.id === first?.id ? '/' : `/?merchant=${encodeURIComponent(merchant.id)}`;
    const current = merchant.id === v.merchantId;
    return current
      ? html`<a href="${href}" aria-current="page"><strong>${merchant.merchantName}</strong> (<code>${merchant.id}</code>)</a>`
      : html`<a href="${href}">${merchant.merchantName} (<code>${merchant.id}</code>)</a>`;
  })}
</nav>`;
}

function triggerForm(
  name: 'trxNo' | 'subscriptionId',
  value: string,
  types: string[],
  action: string,
): SafeHtml {
  const id = `event-${name}-${value}`;
  return html`<form class="inline" method="post" action="${action}">
      <input type="hidden" name="${name}" value="${value}">
      <label class="visually-hidden" for="${id}">Event type for ${value}</label>
      <select id="${id}" name="eventType">${types.map((t) => html`<option>${t}</option>`)}</select>
      <button type="submit">Send</button></form>`;
}

function attemptsOf(d: Delivery): SafeHtml | string {
  if (d.attempts.length === 0) return d.url ? 'none yet' : 'no webhook URL';
  return html`<details><summary>${d.attempts.length} attempt(s), last ${d.attempts.at(-1)?.status ?? 'no answer'}</summary>
  <ol>${d.attempts.map(
    (a) =>
      html`<li>${a.at}: ${a.status ?? 'no answer'} in ${a.durationMs} ms${a.error ? ` (${a.error})` : ''}${a.warning ? ` (${a.warning})` : ''} <code>${a.bodyExcerpt}</code></li>`,
  )}</ol></details>`;
}
