/** @module The hosted payment page's routes: show it (GET), complete it (POST form). */
import type { Hono } from 'hono';
import { ApiError } from '../api/api-error.js';
import type { SandboxEnv } from '../app-bindings.js';
import { formatMoney } from '../domain/money.js';
import {
  type PaymentRecord,
  TEST_CARDS,
  type TestCard,
  THREE_DS_OUTCOMES,
  type ThreeDSOutcome,
} from '../domain/records.js';
import { pageResponse, seeOther } from '../http/responses.js';
import type { SandboxContext } from '../sandbox-context.js';
import { readPageForm } from './read-page-form.js';
import { renderChallengePage } from './render-challenge-page.js';
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
  app.all(`${prefix}/*`, (c) => {
    const [session = '', step, ...extra] = c.req.path.slice(prefix.length + 1).split('/');
    if (step === CHALLENGE_STEP && extra.length === 0) {
      return answerChallengePage(ctx, c.req.raw, session);
    }
    return answerHostedPage(ctx, c.req.raw, step === undefined ? session : `${session}/${step}`);
  });
}

/** The 3-D Secure challenge page of a session: `${hostedPagePath}/${sessionId}/challenge`. */
const CHALLENGE_STEP = 'challenge';
const OUTCOMES = new Set<string>(THREE_DS_OUTCOMES);

/**
 * `GET …/challenge` shows the 3-D Secure challenge (Approve / Fail / Abandon, a form, no script);
 * `POST` answers it: approve or fail end like a card (303 to the shop), abandon shows that the
 * buyer left (no way back; the payment expires with the session on the sandbox clock).
 */
async function answerChallengePage(
  ctx: SandboxContext,
  request: Request,
  encodedSessionId: string,
): Promise<Response> {
  const sessionPath = `${ctx.options.defaults.hostedPagePath}/${encodedSessionId}`;
  const payment = ctx.state.paymentsBySession.get(decodeURIComponent(encodedSessionId));
  if (!payment) return unknownSession(ctx);
  if (payment.status === 'PAYING' && payment.expiresAt <= ctx.clock.now()) {
    ctx.ledger.expire(payment.trxNo);
  }
  const method = request.method.toUpperCase();
  const waiting = ctx.ledger.awaitsChallenge(payment);
  if (method === 'GET' || method === 'HEAD') {
    if (!waiting) return seeOther(sessionPath);
    return pageResponse(200, challengePage(ctx, payment, `${sessionPath}/${CHALLENGE_STEP}`));
  }
  if (method !== 'POST') return pageResponse(405, closedPage(ctx, payment), { allow: 'GET, POST' });
  const form = await readPageForm(ctx, request);
  if (form instanceof Response) return form;
  const outcome = form.get('outcome') ?? '';
  if (!waiting) {
    return pageResponse(payment.status === 'EXPIRED' ? 410 : 409, closedPage(ctx, payment));
  }
  if (!OUTCOMES.has(outcome)) {
    return pageResponse(400, challengePage(ctx, payment, `${sessionPath}/${CHALLENGE_STEP}`));
  }
  ctx.ledger.completeChallenge(payment.trxNo, outcome as ThreeDSOutcome);
  if (outcome === 'abandon' || !ctx.buyerReturns) {
    return pageResponse(200, renderClosedPage({ ...closedView(ctx, payment), returnUrl: null }));
  }
  return seeOther(ctx.ledger.returnUrl(payment));
}

function challengePage(ctx: SandboxContext, payment: PaymentRecord, action: string): string {
  return renderChallengePage({
    merchantName: ctx.options.merchantName,
    action,
    amountText: formatMoney(payment.request.amountMinor, payment.request.currency),
    trxNo: payment.trxNo,
  });
}

function unknownSession(ctx: SandboxContext): Response {
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

async function answerHostedPage(
  ctx: SandboxContext,
  request: Request,
  encodedSessionId: string,
): Promise<Response> {
  const path = `${ctx.options.defaults.hostedPagePath}/${encodedSessionId}`;
  const sessionId = decodeURIComponent(encodedSessionId);
  const method = request.method.toUpperCase();
  const payment = ctx.state.paymentsBySession.get(sessionId);
  if (!payment) return unknownSession(ctx);
  if (payment.status === 'PAYING' && payment.expiresAt <= ctx.clock.now()) {
    ctx.ledger.expire(payment.trxNo);
  }
  if (method === 'GET' || method === 'HEAD') {
    if (ctx.ledger.awaitsChallenge(payment)) return seeOther(`${path}/${CHALLENGE_STEP}`);
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
  if (ctx.ledger.awaitsChallenge(payment)) return seeOther(`${path}/${CHALLENGE_STEP}`);
  if (!ctx.buyerReturns) {
    // The browser "closes" here: the shop learns the outcome from the webhook alone.
    return pageResponse(200, renderClosedPage({ ...closedView(ctx, payment), returnUrl: null }));
  }
  return seeOther(ctx.ledger.returnUrl(payment));
}

const FAILURE_MESSAGES: Readonly<Record<string, string>> = {
  card_declined: 'The card was declined. No money was taken.',
  insufficient_funds: 'The card has insufficient funds. No money was taken.',
  authentication_required:
    'The card needs 3-D Secure authentication, which this payment could not do. No money was taken.',
  authentication_failed: 'The 3-D Secure check failed. No money was taken.',
};

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
      if (payment.challenge === 'abandoned') {
        return {
          title: 'Authentication abandoned',
          message:
            'You left the 3-D Secure check: no money was taken. This payment expires unless the shop starts a new one.',
          tone: 'info',
        };
      }
      return {
        title: 'Your payment is being processed',
        message: 'The card was submitted; the shop will confirm the payment shortly.',
        tone: 'info',
      };
    case 'FAILED':
      return {
        title: 'This payment failed',
        message:
          FAILURE_MESSAGES[payment.failureReason ?? ''] ??
          'The card was declined. No money was taken.',
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
