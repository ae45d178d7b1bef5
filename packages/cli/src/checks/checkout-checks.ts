/**
 * @module The checkout checks: the contract of the route behind `<wpay-button>` (JSON 200
 * `{redirectUrl}`, form 303, foreign Origin refused, Idempotency-Key replayed, the browser's
 * price ignored), where `redirectUrl` points, and whether the shop's own calls to WPay (seen in
 * the sandbox's request log) were accepted.
 */
import { randomUUID } from 'node:crypto';
import type { RequestLogEntry } from '@wpay/sandbox';
import { BODY_ALREADY_PARSED } from '@wpay/server-helper/node';
import type { Checklist } from '../checklist.js';
import {
  type EmbeddedRun,
  paymentsOf,
  paymentsSince,
  type SandboxPaymentFacts,
} from '../embedded-run.js';
import { describeAnswer, errorCodeOf, jsonOf, type ShopAnswer } from '../shop-client.js';
import { refusalFix } from './refusal-fix.js';

/** An origin no shop may accept a checkout from. */
export const FOREIGN_ORIGIN = 'https://attacker.example';

/** The price a "browser" sends along, to see whether the shop charges it. */
const BROWSER_PRICE = 0.01;

/** What the later checks need from a checkout that worked. */
export interface CheckoutFindings {
  /** The payment the shop's JSON checkout created, as the sandbox holds it. */
  payment?: SandboxPaymentFacts;
}

/**
 * Posts a JSON checkout the way `<wpay-button>` does: the shop's own Origin, an
 * Idempotency-Key, `body` as JSON.
 *
 * @example
 * ```ts
 * const answer = await postCheckout(run, { key: crypto.randomUUID() });
 * ```
 */
export function postCheckout(
  run: EmbeddedRun,
  {
    key,
    body = run.body,
    origin = run.shop.origin,
  }: { key: string; body?: unknown; origin?: string },
): Promise<ShopAnswer> {
  return run.shop.send(run.routes.checkout, {
    method: 'POST',
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      origin,
      'idempotency-key': key,
    },
    body: JSON.stringify(body),
  });
}

/**
 * Runs the checkout checks in order; each needs `checkout.json` to have passed.
 *
 * @example
 * ```ts
 * const { payment } = await checkoutChecks(run, list);
 * ```
 */
export async function checkoutChecks(run: EmbeddedRun, list: Checklist): Promise<CheckoutFindings> {
  const { sandbox, routes } = run;
  const key = randomUUID();
  const before = paymentsOf(sandbox);
  const logStart = sandbox.requests().length;
  const first = await postCheckout(run, { key });
  const calls = sandbox.requests().slice(logStart);
  const created = paymentsSince(sandbox, before);
  const redirectUrl = redirectUrlOf(first);
  const payment = created.length === 1 ? created[0] : undefined;

  const later = [
    'checkout.redirect-host',
    'checkout.idempotency',
    'checkout.price',
    'checkout.form',
    'checkout.origin',
  ] as const;
  if (first.status === 200 && redirectUrl !== undefined) {
    list.pass('checkout.json', `POST ${routes.checkout} answered 200 {"redirectUrl"}`);
    if (payment === undefined) {
      list.fail(
        'shop.credentials',
        `the shop answered a redirectUrl, but created ${created.length} checkout(s) in the doctor's sandbox`,
        `Start the shop with the doctor's WPAY_* lines (\`wpay doctor --print-env\`): it talks to another WPay (${redirectUrl}).`,
      );
      list.skipAll(later, 'shop.credentials');
      return {};
    }
    list.pass('shop.credentials', `the shop's ${calls.length} call(s) to WPay were accepted`);
  } else {
    const refused = calls.filter((call) => call.status !== 200);
    if (refused.length > 0) {
      const [call] = refused as [RequestLogEntry];
      list.fail(
        'shop.credentials',
        `WPay refused the shop's ${call.method} ${call.path}: HTTP ${call.status}, retcode ${call.retcode}`,
        refusalFix(call, sandbox.url),
      );
      list.skip('checkout.json', 'needs shop.credentials');
    } else if (
      calls.length === 0 &&
      first.status >= 500 &&
      errorCodeOf(first) !== BODY_ALREADY_PARSED
    ) {
      list.fail(
        'shop.credentials',
        `POST ${routes.checkout} answered ${describeAnswer(first)} and the shop never called the doctor's sandbox`,
        `Start the shop with the doctor's WPAY_* lines (\`wpay doctor --print-env\`): WPAY_BASE_URL=${sandbox.url}. If it is set, the shop failed before calling WPay: its log says why.`,
      );
      list.skip('checkout.json', 'needs shop.credentials');
    } else {
      list.fail(
        'checkout.json',
        `POST ${routes.checkout} answered ${describeAnswer(first)}, not 200 {"redirectUrl"}`,
        checkoutFix(first, run),
      );
      list.skip('shop.credentials', 'needs checkout.json');
    }
    list.skipAll(later, list.passed('shop.credentials') ? 'checkout.json' : 'shop.credentials');
    return {};
  }

  redirectHost(run, list, redirectUrl);
  await idempotency(run, list, { key, redirectUrl });
  await price(run, list, payment);
  await form(run, list);
  await origin(run, list);
  return { payment };
}

function redirectHost(run: EmbeddedRun, list: Checklist, redirectUrl: string): void {
  const wpay = new URL(run.sandbox.url).origin;
  const origin = safeOrigin(redirectUrl);
  if (origin === wpay) {
    list.pass('checkout.redirect-host', `redirectUrl is on ${wpay}`);
  } else {
    list.fail(
      'checkout.redirect-host',
      `redirectUrl points at ${origin ?? redirectUrl}, not at the configured WPay ${wpay}`,
      "Answer WPay's redirectUrl exactly as checkout.create returned it (checkoutHandler does); never build it from the request.",
    );
  }
}

async function idempotency(
  run: EmbeddedRun,
  list: Checklist,
  { key, redirectUrl }: { key: string; redirectUrl: string },
): Promise<void> {
  const before = paymentsOf(run.sandbox);
  const replay = await postCheckout(run, { key });
  const created = paymentsSince(run.sandbox, before);
  if (replay.status === 200 && redirectUrlOf(replay) === redirectUrl && created.length === 0) {
    list.pass('checkout.idempotency', 'the same Idempotency-Key answered the same session');
  } else {
    list.fail(
      'checkout.idempotency',
      `the same Idempotency-Key answered ${describeAnswer(replay)} and created ${created.length} more checkout(s)`,
      'Keep each Idempotency-Key with its session (checkoutHandler does, in its idempotencyStore; with several server instances give it a shared one, e.g. RedisClaimStore).',
    );
  }
}

async function price(
  run: EmbeddedRun,
  list: Checklist,
  payment: SandboxPaymentFacts,
): Promise<void> {
  const before = paymentsOf(run.sandbox);
  const body = { ...run.body, amount: BROWSER_PRICE, price: BROWSER_PRICE };
  const answer = await postCheckout(run, { key: randomUUID(), body });
  const [created] = paymentsSince(run.sandbox, before);
  if (answer.status >= 400 && answer.status < 500 && created === undefined) {
    list.pass('checkout.price', `a body with a price in it was refused (HTTP ${answer.status})`);
  } else if (answer.status === 200 && created !== undefined) {
    const same = created.amount === payment.amount && created.currency === payment.currency;
    if (same) {
      list.pass(
        'checkout.price',
        `priced ${payment.amount} ${payment.currency} whatever the browser sent`,
      );
    } else {
      list.fail(
        'checkout.price',
        `with "amount": ${BROWSER_PRICE} in the body the shop charged ${created.amount} ${created.currency} (${payment.amount} ${payment.currency} without it)`,
        'Price the order on the server (resolveOrder, from your catalogue) from what identifies the product; never read an amount from the request.',
      );
    }
  } else {
    list.fail(
      'checkout.price',
      `a body with a price in it answered ${describeAnswer(answer)}`,
      'Ignore (or refuse with 422) fields the button does not send; the price comes from the server.',
    );
  }
}

async function form(run: EmbeddedRun, list: Checklist): Promise<void> {
  const fields = new URLSearchParams(
    Object.entries(run.body).map(([name, value]) => [name, String(value)]),
  );
  const answer = await run.shop.send(run.routes.checkout, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: run.shop.origin },
    body: fields.toString(),
  });
  const location = answer.headers.get('location');
  const target = location === null ? undefined : safeOrigin(new URL(location, run.shop.base).href);
  const wpay = new URL(run.sandbox.url).origin;
  if (answer.status === 303 && target === wpay) {
    list.pass('checkout.form', `a form POST answered 303 to ${wpay}`);
  } else {
    list.fail(
      'checkout.form',
      `a form POST answered ${describeAnswer(answer)}${location ? ` to ${location}` : ''}, not 303 to ${wpay}`,
      "Accept application/x-www-form-urlencoded on the checkout route and answer 303 See Other to WPay's redirectUrl (checkoutHandler does): the button's <form> works without JavaScript.",
    );
  }
}

async function origin(run: EmbeddedRun, list: Checklist): Promise<void> {
  const before = paymentsOf(run.sandbox);
  const answer = await postCheckout(run, { key: randomUUID(), origin: FOREIGN_ORIGIN });
  const created = paymentsSince(run.sandbox, before);
  if (answer.status >= 400 && answer.status < 500 && created.length === 0) {
    list.pass(
      'checkout.origin',
      `a POST from ${FOREIGN_ORIGIN} was refused (HTTP ${answer.status})`,
    );
  } else {
    list.fail(
      'checkout.origin',
      `a POST from ${FOREIGN_ORIGIN} answered ${describeAnswer(answer)} and created ${created.length} checkout(s)`,
      "Refuse other sites' posts (CSRF): checkoutHandler checks Origin against publicUrl / allowedOrigins; list the shop's own origins, never a function that accepts every origin.",
    );
  }
}

function checkoutFix(answer: ShopAnswer, run: EmbeddedRun): string {
  if (errorCodeOf(answer) === BODY_ALREADY_PARSED) {
    return 'Mount the checkout route before express.json() / express.urlencoded() (the handler reads the body itself).';
  }
  if (answer.status === 0)
    return `Is the checkout route at ${run.routes.checkout}? Give it with --checkout-path.`;
  if (answer.status === 403) {
    return `The shop refused its own origin ${run.shop.origin}: give checkoutHandler publicUrl (or allowedOrigins) with the URL the shop is reached at.`;
  }
  if (answer.status === 404 || answer.status === 405) {
    return `Give the checkout route with --checkout-path (POST ${run.routes.checkout} is not it).`;
  }
  if (answer.status >= 400 && answer.status < 500) {
    return `Give what your button posts with --checkout-body (sent: ${JSON.stringify(run.body)}).`;
  }
  return "Read the shop's log: its checkout route failed.";
}

function redirectUrlOf(answer: ShopAnswer): string | undefined {
  const body = jsonOf(answer) as { redirectUrl?: unknown } | undefined;
  return typeof body?.redirectUrl === 'string' ? body.redirectUrl : undefined;
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
