/** @module The hosted payment page's routes: show it (GET), complete it (POST form). */
import type { Hono } from 'hono';
import { ApiError } from '../api/api-error.js';
import type { SandboxEnv } from '../app-bindings.js';
import { formatMoney } from '../domain/money.js';
import { type PaymentRecord, TEST_CARDS, type TestCard } from '../domain/records.js';
import { pageResponse, seeOther } from '../http/responses.js';
import type { SandboxContext } from '../sandbox-context.js';
import { readPageForm } from './read-page-form.js';
import { type ClosedPageView, renderClosedPage, renderHostedPage } from './render-hosted-page.js';

const CARDS = new Set<string>(TEST_CARDS.map((c) => c.card));

/**
 * Mounts the hosted payment page: `GET /hpp/:id` shows it, `POST /hpp/:id` (form fields `action`
 * = pay | cancel and `card`) completes it and 303-redirects to the success or cancel URL with
 * `trxNo` and `mchOrderNo` appended. Finished, expired and unknown sessions get a clear page; a
 * post from another site's page is refused (403), one over 64 KiB too (413).
 *
 * @example
 * ```ts
 * mountHostedPageRoutes(app, ctx);
 * ```
 */
export function mountHostedPageRoutes(app: Hono<SandboxEnv>, ctx: SandboxContext): void {
  const prefix = ctx.options.defaults.hostedPagePath;
  app.all(`${prefix}/*`, (c) =>
    answerHostedPage(ctx, c.req.raw, c.req.path.slice(prefix.length + 1)),
  );
}

async function answerHostedPage(
  ctx: SandboxContext,
  request: Request,
  encodedSessionId: string,
): Promise<Response> {
  const path = `${ctx.options.defaults.hostedPagePath}/${encodedSessionId}`;
  const sessionId = decodeURIComponent(encodedSessionId);
  const method = request.method.toUpperCase();
  const payment = ctx.state.paymentsBySession.get(sessionId);
  if (!payment) {
    return pageResponse(
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
  if (method === 'GET' || method === 'HEAD') {
    if (!ctx.ledger.isOpen(payment)) {
      return pageResponse(payment.status === 'EXPIRED' ? 410 : 200, closedPage(ctx, payment));
    }
    return pageResponse(200, openPage(ctx, payment, path));
  }
  if (method !== 'POST') return pageResponse(405, closedPage(ctx, payment), { allow: 'GET, POST' });

  const form = await readPageForm(ctx, request);
  if (form instanceof Response) return form;
  const action = form.get('action');
  const card = form.get('card') ?? 'success';
  if ((action !== 'pay' && action !== 'cancel') || !CARDS.has(card)) {
    return pageResponse(400, openPage(ctx, payment, path));
  }
  try {
    if (action === 'pay') ctx.ledger.pay(payment.trxNo, card as TestCard);
    else ctx.ledger.cancel(payment.trxNo);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return pageResponse(payment.status === 'EXPIRED' ? 410 : 409, closedPage(ctx, payment));
  }
  if (!ctx.buyerReturns) {
    // The browser "closes" here: the shop learns the outcome from the webhook alone.
    return pageResponse(200, renderClosedPage({ ...closedView(ctx, payment), returnUrl: null }));
  }
  return seeOther(ctx.ledger.returnUrl(payment));
}

function openPage(ctx: SandboxContext, payment: PaymentRecord, action: string): string {
  const order = payment.request;
  return renderHostedPage({
    merchantName: ctx.options.merchantName,
    action,
    amountText: formatMoney(order.amountMinor, order.currency),
    currency: order.currency,
    description: order.description,
    interval:
      order.payMode === 'SUBSCRIPTION' && order.intervalUnit && order.intervalCount
        ? { unit: order.intervalUnit, count: order.intervalCount }
        : null,
    trxNo: payment.trxNo,
    mchOrderNo: order.mchOrderNo,
  });
}

function closedPage(ctx: SandboxContext, payment: PaymentRecord): string {
  return renderClosedPage(closedView(ctx, payment));
}

function closedView(ctx: SandboxContext, payment: PaymentRecord): ClosedPageView {
  const base = { merchantName: ctx.options.merchantName, returnUrl: ctx.ledger.returnUrl(payment) };
  return { ...base, ...closedText(payment) };
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
