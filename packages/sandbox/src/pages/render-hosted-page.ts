/** @module Renders the hosted payment page and its closed states (no script). */
import type { IntervalUnit } from '@wpay/protocol';
import { TEST_CARDS } from '../domain/records.js';
import { describeInterval } from '../domain/time-format.js';
import { documentOf, html, type SafeHtml } from './html.js';

/** What the hosted page shows. */
export interface HostedPageView {
  merchantName: string;
  /** Where the form posts. */
  action: string;
  /** Formatted amount, e.g. `$19.99`. */
  amountText: string;
  currency: string;
  description: string | null;
  interval: { unit: IntervalUnit; count: number } | null;
  trxNo: string;
  mchOrderNo: string;
}

/** A closed page: paid, processing, failed, cancelled, expired or unknown. */
export interface ClosedPageView {
  merchantName: string;
  title: string;
  message: string;
  /** Link back to the merchant, if known. */
  returnUrl: string | null;
  tone: 'ok' | 'info' | 'danger';
}

/** The hosted page's styles, shared by its challenge page. */
export const HOSTED_PAGE_CSS = `
main { max-width: 30rem; margin: 2rem auto; padding: 1.5rem; background: var(--card);
  border: 1px solid var(--line); border-radius: 12px; }
.merchant { margin: 0; font-weight: 600; color: var(--muted); }
h1 { margin: 0.25rem 0 1rem; font-size: 1.5rem; }
.amount { font-size: 2rem; font-weight: 700; margin: 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 1rem 0; }
dt { color: var(--muted); }
dd { margin: 0; }
fieldset { border: 1px solid var(--line); border-radius: 8px; margin: 1rem 0; padding: 0.75rem 1rem; }
legend { font-weight: 600; padding: 0 0.25rem; }
.card-choice { display: flex; gap: 0.6rem; align-items: baseline; padding: 0.35rem 0; }
.card-choice input { flex: none; width: 1.1rem; height: 1.1rem; accent-color: var(--accent); }
.card-number { font-family: ui-monospace, Menlo, Consolas, monospace; }
.hint { color: var(--muted); }
.actions { display: flex; flex-direction: column; gap: 0.75rem; }
.pay { background: var(--accent); color: var(--accent-ink); font-weight: 600; }
.pay:hover { background: #1f2c8f; }
.cancel { background: transparent; color: var(--accent); }
.note { color: var(--muted); font-size: 0.875rem; margin-top: 1.5rem; }
.status { padding: 0.75rem 1rem; border-radius: 8px; border-left: 6px solid var(--muted); background: var(--bg); }
.status-ok { border-color: var(--ok); }
.status-danger { border-color: var(--danger); }
`;

/**
 * The hosted payment page: merchant, amount, description, interval, test cards as radio buttons,
 * "Pay …" and "Cancel and return to …" buttons. No script.
 *
 * @example
 * ```ts
 * renderHostedPage({ merchantName: 'Shop', action: '/hpp/hpp_1', amountText: '$19.99', … });
 * ```
 */
export function renderHostedPage(v: HostedPageView): string {
  const every = v.interval ? describeInterval(v.interval.unit, v.interval.count) : null;
  const payLabel = every ? `Pay ${v.amountText} ${every}` : `Pay ${v.amountText}`;
  const currencyName = nameOf(v.currency);
  const body = html`<main aria-labelledby="title">
  <p class="merchant">${v.merchantName}</p>
  <h1 id="title">${every ? 'Start your subscription' : 'Complete your payment'}</h1>
  <p class="amount">${v.amountText} <abbr title="${currencyName}">${v.currency}</abbr></p>
  <dl>
    <dt>Merchant</dt><dd>${v.merchantName}</dd>
    ${v.description ? html`<dt>Description</dt><dd>${v.description}</dd>` : ''}
    <dt>Amount</dt><dd>${v.amountText} (${currencyName})</dd>
    ${every ? html`<dt>Billing</dt><dd>${every}</dd>` : ''}
    <dt>Order</dt><dd>${v.mchOrderNo}</dd>
  </dl>
  <form method="post" action="${v.action}">
    <fieldset>
      <legend>Test card</legend>
      ${TEST_CARDS.map(
        (c, i) => html`<div class="card-choice">
        <input type="radio" id="card-${c.card}" name="card" value="${c.card}"${i === 0 ? html` checked` : ''}>
        <label for="card-${c.card}"><span class="card-number">${c.number}</span> <span class="hint">${c.outcome}</span></label>
      </div>`,
      )}
    </fieldset>
    <div class="actions">
      <button type="submit" class="pay" name="action" value="pay">${payLabel}</button>
      <button type="submit" class="cancel" name="action" value="cancel">Cancel and return to ${v.merchantName}</button>
    </div>
  </form>
  <p class="note">WPay sandbox: no real card is charged. Payment ${v.trxNo}.</p>
</main>`;
  return documentOf(`Pay ${v.merchantName} · WPay sandbox`, body, HOSTED_PAGE_CSS);
}

/**
 * The page shown when a session is finished, expired or unknown.
 *
 * @example
 * ```ts
 * renderClosedPage({ merchantName: 'Shop', title: 'This payment page has expired', … });
 * ```
 */
export function renderClosedPage(v: ClosedPageView): string {
  const back: SafeHtml | string = v.returnUrl
    ? html`<p><a href="${v.returnUrl}">Return to ${v.merchantName}</a></p>`
    : '';
  const body = html`<main aria-labelledby="title">
  <p class="merchant">${v.merchantName}</p>
  <h1 id="title">${v.title}</h1>
  <p class="status status-${v.tone}" role="status">${v.message}</p>
  ${back}
  <p class="note">WPay sandbox.</p>
</main>`;
  return documentOf(`${v.title} · WPay sandbox`, body, HOSTED_PAGE_CSS);
}

function nameOf(currency: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'currency' }).of(currency) ?? currency;
  } catch {
    return currency;
  }
}
