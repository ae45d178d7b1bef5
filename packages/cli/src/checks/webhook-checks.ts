/**
 * @module The webhook checks. The sandbox makes the event (a paid payment's
 * `credit_card.order.paid`, exact bytes); the doctor delivers it itself, signed as WPay signs
 * (wpay-api.md §7), so that it can also send it re-spaced, forged and twice, and time the answer.
 */
import { randomBytes } from 'node:crypto';
import { HEADERS, WEBHOOK_DELIVERY } from '@wpay/protocol';
import { signWebhook } from '@wpay/sandbox';
import { BODY_ALREADY_PARSED } from '@wpay/server-helper/node';
import type { Checklist } from '../checklist.js';
import { DOCTOR_DEFAULTS } from '../doctor-defaults.js';
import type { EmbeddedRun, SandboxPaymentFacts } from '../embedded-run.js';
import { describeAnswer, errorCodeOf, type ShopAnswer } from '../shop-client.js';

const PAID = 'credit_card.order.paid';

/** A key that is nobody's: what a forger signs with. */
const FORGED_KEY = 'forged-by-wpay-doctor';

const LATER = ['webhook.forged', 'webhook.duplicate'] as const;

/**
 * Runs the webhook checks for a payment the shop created (paid here, by the sandbox), or, when
 * the shop's checkout did not work, for one the sandbox makes on its own.
 *
 * @example
 * ```ts
 * await webhookChecks(run, list, payment);
 * ```
 */
export async function webhookChecks(
  run: EmbeddedRun,
  list: Checklist,
  payment: SandboxPaymentFacts | undefined,
): Promise<void> {
  const { sandbox } = run;
  const trxNo = payment
    ? (await sandbox.pay(payment.trxNo)).trxNo
    : (await sandbox.scenario('payment.paid')).trxNos[0];
  const event = sandbox
    .events()
    .find(
      (e) =>
        e.eventType === PAID &&
        (JSON.parse(e.body) as { data?: { trxNo?: unknown } }).data?.trxNo === trxNo,
    );
  if (event === undefined) throw new Error(`the sandbox made no ${PAID} event for ${trxNo}`);

  const callsBefore = sandbox.requests().length;
  const first = await deliver(run, event.body);
  const firstCalls = sandbox.requests().length - callsBefore;

  if (first.status >= 300 && first.status < 400) {
    list.fail(
      'webhook.redirect',
      `POST ${run.routes.webhook} answered ${first.status} to ${first.headers.get('location') ?? '(no Location)'}`,
      "Set the final URL on the API key in WPay's dashboard (trailing slash, https and host included): a webhook is answered where it is sent, and any non-2xx answer is a failed delivery.",
    );
    list.skipAll(
      ['webhook.signed', 'webhook.raw-body', ...LATER, 'webhook.timing'],
      'webhook.redirect',
    );
    return;
  }
  list.pass(
    'webhook.redirect',
    `POST ${run.routes.webhook} answered without a redirect (HTTP ${first.status})`,
  );
  timing(list, first);

  if (errorCodeOf(first) === BODY_ALREADY_PARSED) {
    list.fail(
      'webhook.raw-body',
      `a signed event was answered ${describeAnswer(first)}: a body parser read the body first`,
      'Mount the webhook route before express.json() / express.urlencoded() (or give it express.raw({ type: "*/*" })): the signature is over the raw bytes.',
    );
    list.skip('webhook.signed', 'needs webhook.raw-body');
    list.skipAll(LATER, 'webhook.signed');
    return;
  }
  if (!acknowledged(run, list, first)) {
    list.skip('webhook.raw-body', 'needs webhook.signed');
    list.skipAll(LATER, 'webhook.signed');
    return;
  }

  const spaced = await deliver(run, JSON.stringify(withNewEventId(event.body), null, 2));
  if (isAck(spaced)) {
    list.pass(
      'webhook.raw-body',
      'an event with spaces in its JSON verified too: the raw bytes are checked',
    );
  } else {
    list.fail(
      'webhook.raw-body',
      `the same event as indented JSON (signed over those bytes) was answered ${describeAnswer(spaced)}`,
      'Verify the signature over the raw body as received, never JSON.stringify(req.body): mount the route before any body parser, or use express.raw({ type: "*/*" }).',
    );
  }

  const forged = await deliver(run, JSON.stringify(withNewEventId(event.body)), FORGED_KEY);
  if (forged.status >= 400 && forged.status < 500) {
    list.pass(
      'webhook.forged',
      `an event with a forged signature was refused (HTTP ${forged.status})`,
    );
  } else {
    list.fail(
      'webhook.forged',
      `an event with a forged signature was answered ${describeAnswer(forged)}`,
      'Verify the SIGNATURE header (HMAC-SHA512 of TIMESTAMP + raw body with WPAY_SIGN_KEY) before anything else and answer 401 when it fails (webhookHandler does).',
    );
  }

  const duplicateBefore = sandbox.requests().length;
  const duplicate = await deliver(run, event.body);
  const duplicateCalls = sandbox.requests().length - duplicateBefore;
  if (!isAck(duplicate)) {
    list.fail(
      'webhook.duplicate',
      `the same event delivered again was answered ${describeAnswer(duplicate)}`,
      `Acknowledge a duplicate with 200 ${WEBHOOK_DELIVERY.ackBody} (WPay re-sends an event up to 14 times, also after it was answered) without running its handler again: webhookHandler deduplicates on eventId.`,
    );
  } else if (duplicateCalls > 0) {
    list.fail(
      'webhook.duplicate',
      `the same event delivered again ran again: ${duplicateCalls} more call(s) to WPay (${firstCalls} the first time)`,
      'Deduplicate on eventId before handling (webhookHandler does with its dedupe store; several instances need a shared one, e.g. RedisClaimStore).',
    );
  } else {
    const seen =
      firstCalls > 0
        ? `no WPay call, where the first made ${firstCalls}`
        : 'no WPay call either time';
    list.pass('webhook.duplicate', `the same event again was acknowledged, ${seen}`);
  }
}

/** Records `webhook.signed`; true when the answer is the acknowledgement. */
function acknowledged(run: EmbeddedRun, list: Checklist, answer: ShopAnswer): boolean {
  if (isAck(answer)) {
    list.pass('webhook.signed', `a signed event was answered 200 ${WEBHOOK_DELIVERY.ackBody}`);
    return true;
  }
  let fix: string;
  if (answer.status >= 200 && answer.status < 300) {
    fix = `Answer the event with HTTP 200 and the body ${WEBHOOK_DELIVERY.ackBody} (webhookHandler does).`;
  } else if (answer.status === 401 || answer.status === 403 || answer.status === 400) {
    fix = `Verify with the sandbox's sign key: start the shop with the doctor's WPAY_SIGN_KEY (\`wpay doctor --print-env\`). If it has it, the route verifies re-encoded JSON: mount it before any body parser.`;
  } else if (answer.status === 404 || answer.status === 405) {
    fix = `Give the webhook route with --webhook-path (POST ${run.routes.webhook} is not it).`;
  } else {
    fix = `Read the shop's log: the webhook handler failed, and WPay retries a failed event 14 times over about a day.`;
  }
  list.fail(
    'webhook.signed',
    `a correctly signed event was answered ${describeAnswer(answer)}`,
    fix,
  );
  return false;
}

function timing(list: Checklist, answer: ShopAnswer): void {
  const limit = DOCTOR_DEFAULTS.webhookTimeoutMs;
  if (answer.status !== 0) {
    list.pass('webhook.timing', `answered in ${answer.ms} ms (WPay waits ${limit} ms)`);
  } else {
    list.fail(
      'webhook.timing',
      `no answer: ${answer.error ?? 'no answer'}`,
      `Answer within ${limit / 1000} s: do slow work (e-mails, fulfilment) after the acknowledgement or in a queue; WPay counts a late answer as a failure and retries.`,
    );
  }
}

/** Posts `body` to the webhook route as WPay would, signed with `signKey` (default: the sandbox's). */
function deliver(
  run: EmbeddedRun,
  body: string,
  signKey = run.sandbox.credentials.signKey,
): Promise<ShopAnswer> {
  const timestamp = String(Date.now());
  return run.shop.send(
    run.routes.webhook,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        [HEADERS.signature]: signWebhook(signKey, timestamp, body),
        [HEADERS.timestamp]: timestamp,
      },
      body,
    },
    DOCTOR_DEFAULTS.webhookTimeoutMs,
  );
}

/** The event parsed, with an eventId of its own (so that it is not a duplicate). */
function withNewEventId(body: string): Record<string, unknown> {
  return {
    ...(JSON.parse(body) as Record<string, unknown>),
    eventId: `evt_${randomBytes(16).toString('hex')}`,
  };
}

function isAck(answer: ShopAnswer): boolean {
  return answer.status === 200 && answer.text.trim() === WEBHOOK_DELIVERY.ackBody;
}
