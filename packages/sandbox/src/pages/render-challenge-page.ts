/** @module Renders the 3-D Secure challenge page of the hosted page (a form, no script). */
import { documentOf, html } from './html.js';
import { HOSTED_PAGE_CSS } from './render-hosted-page.js';

/**
 * What the challenge page shows.
 *
 * @example
 * ```ts
 * const view: ChallengePageView = { merchantName: 'Shop', action: '/hpp/hpp_1/challenge', amountText: '$19.99', trxNo };
 * ```
 */
export interface ChallengePageView {
  merchantName: string;
  /** Where the form posts. */
  action: string;
  amountText: string;
  trxNo: string;
}

/**
 * The bank's 3-D Secure check, as the sandbox plays it: three buttons, **Approve**, **Fail**
 * and **Abandon** (leave without answering), posting `outcome` to `action`. No script.
 *
 * @example
 * ```ts
 * renderChallengePage({ merchantName: 'Shop', action: '/hpp/hpp_1/challenge', amountText: '$19.99', trxNo });
 * ```
 */
export function renderChallengePage(v: ChallengePageView): string {
  const body = html`<main aria-labelledby="title">
  <p class="merchant">${v.merchantName}</p>
  <h1 id="title">Confirm it is you</h1>
  <p>Your bank asks you to approve a payment of <strong>${v.amountText}</strong> to ${v.merchantName} (3-D Secure).</p>
  <form method="post" action="${v.action}">
    <div class="actions">
      <button type="submit" class="pay" name="outcome" value="approve">Approve</button>
      <button type="submit" class="cancel" name="outcome" value="fail">Fail authentication</button>
      <button type="submit" class="cancel" name="outcome" value="abandon">Abandon (close the window)</button>
    </div>
  </form>
  <p class="note">WPay sandbox: a simulated 3-D Secure challenge. Payment ${v.trxNo}.</p>
</main>`;
  return documentOf(`3-D Secure · ${v.merchantName} · WPay sandbox`, body, HOSTED_PAGE_CSS);
}
