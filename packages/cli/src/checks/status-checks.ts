/**
 * @module The status checks: the answer `<wpay-return>` polls must not be cacheable, and must
 * say what WPay says (payment detail), whatever the return URL's query claims.
 */
import { randomUUID } from 'node:crypto';
import { type KnownPaymentStatus, PAYMENT_STATUS_OUTCOMES } from '@wpay/protocol';
import type { Checklist } from '../checklist.js';
import {
  type EmbeddedRun,
  paymentsOf,
  paymentsSince,
  type SandboxPaymentFacts,
} from '../embedded-run.js';
import { describeAnswer, jsonOf, type ShopAnswer } from '../shop-client.js';
import { postCheckout } from './checkout-checks.js';

/** What a forger appends to a return URL to make an unpaid order look paid. */
const FORGED_QUERY = { status: 'PAID', outcome: 'succeeded', paid: 'true' };

/**
 * Runs the status checks: a paid payment of the shop's, and an unpaid one queried with a forged
 * "paid" query.
 *
 * @example
 * ```ts
 * await statusChecks(run, list, paidPayment);
 * ```
 */
export async function statusChecks(
  run: EmbeddedRun,
  list: Checklist,
  paid: SandboxPaymentFacts | undefined,
): Promise<void> {
  if (paid === undefined) {
    list.skipAll(['status.no-store', 'status.truth'], 'checkout.json');
    return;
  }
  const before = paymentsOf(run.sandbox);
  await postCheckout(run, { key: randomUUID() });
  const [unpaid] = paymentsSince(run.sandbox, before);

  const paidAnswer = await query(run, paid, {});
  const forgedAnswer = unpaid ? await query(run, unpaid, FORGED_QUERY) : undefined;
  const answers = [paidAnswer, ...(forgedAnswer ? [forgedAnswer] : [])];

  const cacheable = answers.find(
    (answer) => !/\bno-store\b/i.test(answer.headers.get('cache-control') ?? ''),
  );
  if (cacheable === undefined) {
    list.pass('status.no-store', 'the status answer carries Cache-Control: no-store');
  } else {
    const header = cacheable.headers.get('cache-control');
    list.fail(
      'status.no-store',
      header === null
        ? 'the status answer has no Cache-Control header'
        : `the status answer carries Cache-Control: ${header}`,
      'Send Cache-Control: no-store on the status answer (statusHandler does), and keep CDNs and service workers from caching the route: a cached "processing" never turns into "paid".',
    );
  }

  const wrong = [
    truthProblem(run, paid, paidAnswer, 'a paid payment'),
    ...(unpaid && forgedAnswer
      ? [truthProblem(run, unpaid, forgedAnswer, `an unpaid payment queried with ?status=PAID`)]
      : []),
  ].filter((problem) => problem !== undefined);
  if (wrong.length === 0) {
    list.pass(
      'status.truth',
      `the status answer follows WPay${unpaid ? ', also under a forged ?status=PAID' : ''}`,
    );
  } else {
    list.fail(
      'status.truth',
      wrong.join('; '),
      `Answer GET ${run.routes.status}?trxNo=…&mchOrderNo=… from WPay's payment detail (statusHandler does), never from the query; give the route with --status-path.`,
    );
  }
}

function query(
  run: EmbeddedRun,
  payment: SandboxPaymentFacts,
  extra: Record<string, string>,
): Promise<ShopAnswer> {
  const search = new URLSearchParams({
    trxNo: payment.trxNo,
    mchOrderNo: payment.mchOrderNo,
    ...extra,
  });
  return run.shop.send(`${run.routes.status}?${search}`, {
    headers: { accept: 'application/json' },
  });
}

/** Why the answer is not the truth, or `undefined` when it is. */
function truthProblem(
  run: EmbeddedRun,
  payment: SandboxPaymentFacts,
  answer: ShopAnswer,
  what: string,
): string | undefined {
  const status = paymentsOf(run.sandbox).get(payment.trxNo)?.status ?? payment.status;
  const expected = PAYMENT_STATUS_OUTCOMES[status as KnownPaymentStatus]?.outcome;
  const outcome = (jsonOf(answer) as { outcome?: unknown } | undefined)?.outcome;
  if (answer.status !== 200) return `${what} answered ${describeAnswer(answer)}`;
  if (outcome !== expected)
    return `${what} (WPay: ${status}) shows outcome ${JSON.stringify(outcome)}, not "${expected}"`;
  return undefined;
}
