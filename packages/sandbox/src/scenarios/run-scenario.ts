/** @module Named scenarios: the states real shops hit, set up through the domain's own operations. */
import { randomBytes } from 'node:crypto';
import { ApiError } from '../api/api-error.js';
import { createHostedPage } from '../api/routes/create-hosted-page.js';
import { advanceClock } from '../domain/advance-clock.js';
import type { SandboxContext } from '../sandbox-context.js';

/**
 * What a scenario created, so that a test can look it up.
 *
 * @example
 * ```ts
 * const { trxNos, refundNos }: ScenarioResult = sb.scenario('refund.partial_then_full');
 * ```
 */
export interface ScenarioResult {
  scenario: string;
  /** Payments it created (first checkout first, then renewals). */
  trxNos: string[];
  mchOrderNos: string[];
  subscriptionIds: number[];
  refundNos: string[];
  /** Webhook events it caused, oldest first. */
  eventIds: string[];
  /** Deliveries it started (first deliveries and re-deliveries), oldest first. */
  deliveryIds: number[];
}

/** One scenario: what it does (the README's line) and how. */
interface Scenario {
  description: string;
  run: (ctx: SandboxContext, result: ScenarioResult) => void | Promise<void>;
}

const SHOP = 'https://shop.example';

/** Opens a checkout through the create-HPP endpoint's own validation and ledger call. */
function checkout(
  ctx: SandboxContext,
  result: ScenarioResult,
  fields: Record<string, unknown> = {},
): string {
  const mchOrderNo = `SCN-${randomBytes(6).toString('hex')}`;
  const created = createHostedPage(
    {
      mchOrderNo,
      amount: 20,
      currency: 'USD',
      payMode: 'ONETIME',
      successUrl: `${SHOP}/thanks`,
      cancelUrl: `${SHOP}/cart`,
      description: `Scenario ${result.scenario}`,
      ...fields,
    },
    ctx,
  );
  const trxNo = String(created.trxNo);
  result.trxNos.push(trxNo);
  result.mchOrderNos.push(mchOrderNo);
  return trxNo;
}

/** Opens a monthly subscription checkout and pays it; answers the subscription id. */
function subscribe(ctx: SandboxContext, result: ScenarioResult): number {
  const trxNo = checkout(ctx, result, {
    payMode: 'SUBSCRIPTION',
    mchSubscriptionNo: `SCNSUB-${randomBytes(6).toString('hex')}`,
    intervalUnit: 'month',
    intervalCount: 1,
    amount: 9.99,
  });
  const id = ctx.ledger.pay(trxNo, 'success').subscriptionId;
  if (id === null) throw new Error(`scenario ${result.scenario}: no subscription was created`);
  result.subscriptionIds.push(id);
  return id;
}

/** Records the renewal payments of the subscriptions the scenario made. */
function collectRenewals(ctx: SandboxContext, result: ScenarioResult): void {
  for (const bill of ctx.state.bills) {
    if (!result.subscriptionIds.includes(bill.subscriptionId) || bill.trxNo === null) continue;
    if (!result.trxNos.includes(bill.trxNo)) result.trxNos.push(bill.trxNo);
  }
}

/**
 * Every named scenario, by name. Each builds its state with the operations the API, the hosted
 * page and the clock use (never by writing records), so webhooks go out as they would.
 *
 * @example
 * ```ts
 * Object.keys(SCENARIOS).includes('checkout.expired'); // true
 * ```
 */
export const SCENARIOS: Readonly<Record<string, Scenario>> = {
  'payment.paid': {
    description: 'a one-time checkout paid with the success card (`credit_card.order.paid`)',
    run: (ctx, result) => void ctx.ledger.pay(checkout(ctx, result), 'success'),
  },
  'payment.declined': {
    description: 'a one-time checkout paid with the declined card: `FAILED`, `card_declined`',
    run: (ctx, result) => void ctx.ledger.pay(checkout(ctx, result), 'declined'),
  },
  'checkout.expired': {
    description:
      'a checkout nobody paid, expired as when its session times out (`EXPIRED`, `credit_card.order.expired`); the clock does not move',
    run: (ctx, result) => ctx.ledger.expire(checkout(ctx, result)),
  },
  'checkout.3ds_abandoned': {
    description:
      'a checkout whose buyer left the 3-D Secure challenge, then expired (`EXPIRED`); the clock does not move',
    run: (ctx, result) => {
      const trxNo = checkout(ctx, result);
      ctx.ledger.pay(trxNo, '3ds_challenge');
      ctx.ledger.completeChallenge(trxNo, 'abandon');
      ctx.ledger.expire(trxNo);
    },
  },
  'refund.partial_then_full': {
    description:
      'a 20.00 USD payment refunded 5.00 (`PARTIAL_REFUNDED`), then the remaining 15.00 (`REFUNDED`), two `credit_card.order.refunded`',
    run: (ctx, result) => {
      const trxNo = checkout(ctx, result);
      ctx.ledger.pay(trxNo, 'success');
      result.refundNos.push(ctx.ledger.refund(trxNo, 500, 'scenario: partial').refundNo);
      result.refundNos.push(ctx.ledger.refund(trxNo, 1500, 'scenario: the rest').refundNo);
    },
  },
  'subscription.renewal_failed_then_recovered': {
    description:
      'a monthly subscription whose first renewal fails (`PAST_DUE`, `bill.failed`) and the next succeeds (`ACTIVE`, `bill.paid`); moves the sandbox clock 2 months',
    run: async (ctx, result) => {
      const id = subscribe(ctx, result);
      ctx.ledger.setRenewalCard(id, 'declined');
      await advanceClock(ctx, { months: 1 });
      ctx.ledger.setRenewalCard(id, 'success');
      await advanceClock(ctx, { months: 1 });
      collectRenewals(ctx, result);
    },
  },
  'subscription.expired_after_failures': {
    description:
      'a monthly subscription whose renewals fail `maxFailedRenewals` times in a row: `EXPIRED`, `credit_card.subscription.expired`; moves the sandbox clock that many months',
    run: async (ctx, result) => {
      const id = subscribe(ctx, result);
      ctx.ledger.setRenewalCard(id, 'declined');
      for (let month = 0; month < ctx.options.maxFailedRenewals; month += 1) {
        await advanceClock(ctx, { months: 1 });
      }
      collectRenewals(ctx, result);
    },
  },
  'subscription.cancelled': {
    description:
      'a paid monthly subscription, then cancelled (`CANCELLED`, `credit_card.subscription.cancelled`)',
    run: (ctx, result) => void ctx.ledger.cancelSubscription(subscribe(ctx, result), 'scenario'),
  },
  'webhook.duplicate_and_reorder': {
    description:
      'a paid, then fully refunded payment whose `credit_card.order.paid` is delivered again twice after the `refunded` one: a duplicate, out of order',
    run: (ctx, result) => {
      const trxNo = checkout(ctx, result);
      ctx.ledger.pay(trxNo, 'success');
      const paid = ctx.webhooks.events().at(-1);
      result.refundNos.push(ctx.ledger.refund(trxNo, 2000, 'scenario').refundNo);
      if (paid) {
        ctx.webhooks.redeliver(paid.eventId);
        ctx.webhooks.redeliver(paid.eventId);
      }
    },
  },
};

/**
 * Every scenario name.
 *
 * @example
 * ```ts
 * SCENARIO_NAMES[0]; // 'payment.paid'
 * ```
 */
export const SCENARIO_NAMES: readonly string[] = Object.keys(SCENARIOS);

/**
 * Runs a named scenario on one merchant; resolves with what it created. An unknown name is a
 * 404 `ApiError` listing the known ones.
 *
 * @example
 * ```ts
 * const { trxNos } = await runScenario(ctx, 'payment.declined');
 * ```
 */
export async function runScenario(ctx: SandboxContext, name: string): Promise<ScenarioResult> {
  const scenario = Object.hasOwn(SCENARIOS, name) ? SCENARIOS[name] : undefined;
  if (!scenario) {
    throw new ApiError(
      404,
      '404',
      `scenario: no scenario "${name}" (known: ${SCENARIO_NAMES.join(', ')})`,
    );
  }
  const result: ScenarioResult = {
    scenario: name,
    trxNos: [],
    mchOrderNos: [],
    subscriptionIds: [],
    refundNos: [],
    eventIds: [],
    deliveryIds: [],
  };
  const eventsBefore = new Set(ctx.webhooks.events().map((event) => event.eventId));
  const deliveriesBefore = new Set(ctx.webhooks.deliveries().map((d) => d.deliveryId));
  await scenario.run(ctx, result);
  result.eventIds = ctx.webhooks
    .events()
    .map((event) => event.eventId)
    .filter((eventId) => !eventsBefore.has(eventId));
  result.deliveryIds = ctx.webhooks
    .deliveries()
    .map((delivery) => delivery.deliveryId)
    .filter((id) => !deliveriesBefore.has(id))
    .sort((a, b) => a - b);
  return result;
}
