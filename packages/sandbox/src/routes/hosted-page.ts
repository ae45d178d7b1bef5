import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../api-error.js';
import type { SandboxContext } from '../context.js';
import { crossSiteRefusal } from '../cross-site.js';
import { BodyTooLargeError, headerOf, readBody } from '../http-io.js';
import { formatMoney } from '../money.js';
import { type ClosedPageView, renderClosedPage, renderHostedPage } from '../pages/hosted-page.js';
import { type PaymentRecord, TEST_CARDS, type TestCard } from '../records.js';
import { pageSender, type RequestTarget, sendSigned } from '../respond.js';

/** Largest form post the page takes, in bytes. */
const FORM_LIMIT = 65_536;
const CARDS = new Set<string>(TEST_CARDS.map((c) => c.card));

/**
 * Serves the hosted payment page: `GET /hpp/:id` shows it, `POST /hpp/:id` (form fields `action`
 * = pay | cancel and `card`) completes it and 303-redirects to the success or cancel URL with
 * `trxNo` and `mchOrderNo` appended. Finished, expired and unknown sessions get a clear page.
 *
 * @example
 * ```ts
 * await handleHostedPage(ctx, req, res, { method: 'GET', path: '/hpp/hpp_…', query: '' });
 * ```
 */
export async function handleHostedPage(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  target: RequestTarget,
): Promise<void> {
  const page = pageSender(ctx, res, target);
  const sessionId = decodeURIComponent(
    target.path.slice(ctx.options.defaults.hostedPagePath.length + 1),
  );
  const payment = ctx.state.paymentsBySession.get(sessionId);
  if (!payment) {
    return page(
      404,
      renderClosedPage({
        merchantName: ctx.options.merchantName,
        title: 'Payment page not found',
        message: 'This payment link is not valid. Please start again from the shop.',
        returnUrl: null,
        tone: 'danger',
      }),
    );
  }
  if (payment.status === 'PAYING' && payment.expiresAt <= ctx.clock.now()) {
    ctx.ledger.expire(payment.trxNo);
  }
  if (target.method === 'GET' || target.method === 'HEAD') {
    if (!ctx.ledger.isOpen(payment)) {
      return page(payment.status === 'EXPIRED' ? 410 : 200, closedPage(ctx, payment));
    }
    return page(200, openPage(ctx, payment, target.path));
  }
  if (target.method !== 'POST') return page(405, closedPage(ctx, payment), { allow: 'GET, POST' });

  const refusal = crossSiteRefusal((name) => headerOf(req, name), ctx.ownOrigins);
  if (refusal) {
    req.resume();
    return page(403, refusalPage(ctx, 'Request refused', refusal));
  }
  let form: URLSearchParams;
  try {
    form = new URLSearchParams((await readBody(req, FORM_LIMIT)).toString('utf8'));
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    return page(413, refusalPage(ctx, 'Request too large', error.message), {
      connection: 'close',
    });
  }
  const action = form.get('action');
  const card = form.get('card') ?? 'success';
  if ((action !== 'pay' && action !== 'cancel') || !CARDS.has(card)) {
    return page(400, openPage(ctx, payment, target.path));
  }
  try {
    if (action === 'pay') ctx.ledger.pay(payment.trxNo, card as TestCard);
    else ctx.ledger.cancel(payment.trxNo);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return page(payment.status === 'EXPIRED' ? 410 : 409, closedPage(ctx, payment));
  }
  sendSigned(ctx, res, target, 303, 'text/plain; charset=utf-8', 'See Other', {
    location: ctx.ledger.returnUrl(payment),
    'cache-control': 'no-store',
  });
}

function openPage(ctx: SandboxContext, payment: PaymentRecord, action: string): string {
  const r = payment.request;
  return renderHostedPage({
    merchantName: ctx.options.merchantName,
    action,
    amountText: formatMoney(r.amountMinor, r.currency),
    currency: r.currency,
    description: r.description,
    interval:
      r.payMode === 'SUBSCRIPTION' && r.intervalUnit && r.intervalCount
        ? { unit: r.intervalUnit, count: r.intervalCount }
        : null,
    trxNo: payment.trxNo,
    mchOrderNo: r.mchOrderNo,
  });
}

function closedPage(ctx: SandboxContext, payment: PaymentRecord): string {
  const base = { merchantName: ctx.options.merchantName, returnUrl: ctx.ledger.returnUrl(payment) };
  return renderClosedPage({ ...base, ...closedText(payment) });
}

function closedText(payment: PaymentRecord): Omit<ClosedPageView, 'merchantName' | 'returnUrl'> {
  switch (payment.status) {
    case 'PAYING':
      return {
        title: 'Your payment is being processed',
        message: 'The card was submitted; the shop will confirm the payment shortly.',
        tone: 'info',
      };
    case 'FAILED':
      return {
        title: 'This payment failed',
        message:
          payment.failureReason === 'insufficient_funds'
            ? 'The card has insufficient funds. No money was taken.'
            : 'The card was declined. No money was taken.',
        tone: 'danger',
      };
    case 'CANCELLED':
      return { title: 'This payment was cancelled', message: 'No money was taken.', tone: 'info' };
    case 'EXPIRED':
      return {
        title: 'This payment page has expired',
        message:
          'The time to pay has run out. No money was taken; please start again from the shop.',
        tone: 'info',
      };
    default:
      return {
        title: 'This payment is complete',
        message: 'Thank you: the payment went through.',
        tone: 'ok',
      };
  }
}

function refusalPage(ctx: SandboxContext, title: string, message: string): string {
  return renderClosedPage({
    merchantName: ctx.options.merchantName,
    title,
    message,
    returnUrl: null,
    tone: 'danger',
  });
}
