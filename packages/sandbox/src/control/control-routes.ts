/** @module The control API under `/__sandbox/` (JSON in and out, no token: for local use only). */
import type { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../api/api-error.js';
import type { SandboxEnv } from '../app-bindings.js';
import { SANDBOX_DEFAULTS } from '../defaults.js';
import { advanceClock } from '../domain/advance-clock.js';
import {
  TEST_CARDS,
  type TestCard,
  THREE_DS_OUTCOMES,
  type ThreeDSOutcome,
} from '../domain/records.js';
import { stateSnapshot } from '../domain/state-snapshot.js';
import { statsOf } from '../domain/stats-of.js';
import { triggerEvent } from '../domain/trigger-event.js';
import { paymentView, subscriptionView } from '../domain/views.js';
import { FaultRuleSchema } from '../faults/fault-rule.js';
import { crossSiteRefusal, isJsonType } from '../http/cross-site.js';
import { BodyTooLargeError, readBody } from '../http/read-body.js';
import { jsonResponse } from '../http/responses.js';
import type { SandboxContext } from '../sandbox-context.js';
import { runScenario } from '../scenarios/run-scenario.js';

const CARD = z.enum(TEST_CARDS.map((c) => c.card) as [TestCard, ...TestCard[]]);
const AdvanceSchema = z
  .object({
    ms: z.number().nonnegative().exactOptional(),
    hours: z.number().nonnegative().exactOptional(),
    days: z.number().nonnegative().exactOptional(),
    months: z.number().int().nonnegative().exactOptional(),
  })
  .strict();
const BuyerReturnsSchema = z.object({ returns: z.boolean() }).strict();
const WebhookUrlSchema = z.object({ url: z.union([z.url(), z.null()]) }).strict();
const TriggerSchema = z
  .object({
    eventType: z.string().min(1),
    trxNo: z.string().min(1).exactOptional(),
    subscriptionId: z.number().int().positive().exactOptional(),
    override: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
const OUTCOME = z.enum(THREE_DS_OUTCOMES as [ThreeDSOutcome, ...ThreeDSOutcome[]]);
const PaySchema = z.object({ card: CARD.default('success'), threeDS: OUTCOME.optional() }).strict();
const ChallengeSchema = z.object({ outcome: OUTCOME }).strict();
const RenewalSchema = z.object({ card: CARD }).strict();

/** A control handler: the parsed JSON body and the path parameters in, the JSON answer out. */
type ControlHandler = (
  ctx: SandboxContext,
  body: unknown,
  params: Record<string, string>,
  scope: { merchantScoped: boolean },
) => unknown | Promise<unknown>;

/** One control route: method, documented path (`:id` digits, `:name` any segment), handler. */
interface ControlRoute {
  method: string;
  path: string;
  handle: ControlHandler;
}

const route = (method: string, path: string, handle: ControlHandler): ControlRoute => ({
  method,
  path,
  handle,
});

const ROUTES: readonly ControlRoute[] = [
  route('GET', 'health', (ctx) => ({ ok: true, url: ctx.publicUrl })),
  route('POST', 'reset', (ctx, _body, _params, { merchantScoped }) => {
    if (merchantScoped) ctx.reset();
    else ctx.resetAll();
    return { ok: true };
  }),
  route('GET', 'state', (ctx) => stateSnapshot(ctx)),
  route('GET', 'stats', (ctx) => statsOf(ctx)),
  route('GET', 'requests', (ctx) => ctx.requestLog),
  route('GET', 'clock', (ctx) => clockOf(ctx)),
  route('POST', 'clock/advance', async (ctx, body) => {
    await advanceClock(ctx, parse(AdvanceSchema, body));
    return clockOf(ctx);
  }),
  route('GET', 'faults', (ctx) => ctx.faults.list()),
  route('POST', 'faults', (ctx, body) => ctx.faults.add(parse(FaultRuleSchema, body))),
  route('DELETE', 'faults', (ctx) => {
    ctx.faults.clear();
    return ctx.faults.list();
  }),
  route('DELETE', 'faults/:id', (ctx, _body, { id }) => {
    if (!ctx.faults.remove(Number(id))) throw new ApiError(404, '404', `fault ${id} not found`);
    return ctx.faults.list();
  }),
  route('GET', 'buyer-returns', (ctx) => ({ returns: ctx.buyerReturns })),
  route('PUT', 'buyer-returns', (ctx, body) => {
    ctx.buyerReturns = parse(BuyerReturnsSchema, body).returns;
    return { returns: ctx.buyerReturns };
  }),
  route('GET', 'webhook-url', (ctx) => ({ url: ctx.webhookUrl ?? null })),
  route('PUT', 'webhook-url', (ctx, body) => setWebhookUrl(ctx, body)),
  route('POST', 'webhook-url', (ctx, body) => setWebhookUrl(ctx, body)),
  route('GET', 'deliveries', (ctx) => ctx.webhooks.deliveries()),
  route('GET', 'events', (ctx) => ctx.webhooks.events()),
  route('POST', 'events/trigger', (ctx, body) => {
    const { eventType, override, ...target } = parse(TriggerSchema, body);
    return triggerEvent(ctx, eventType, target, override ? { override } : {});
  }),
  route('POST', 'events/:eventId/redeliver', (ctx, _body, { eventId = '' }) => {
    const delivery = ctx.webhooks.redeliver(eventId);
    if (!delivery) throw new ApiError(404, '404', `event ${eventId} not found`);
    return delivery;
  }),
  route('POST', 'payments/:trxNo/pay', (ctx, body, { trxNo = '' }) => {
    const { card, threeDS } = parse(PaySchema, body ?? {});
    const payment = ctx.ledger.pay(trxNo, card);
    if (threeDS !== undefined && payment.challenge === 'pending') {
      ctx.ledger.completeChallenge(trxNo, threeDS);
    }
    return { payment: paymentView(payment, ctx.views), returnUrl: ctx.ledger.returnUrl(payment) };
  }),
  route('POST', 'payments/:trxNo/challenge', (ctx, body, { trxNo = '' }) => {
    const { outcome } = parse(ChallengeSchema, body);
    const payment = ctx.ledger.completeChallenge(trxNo, outcome);
    return { payment: paymentView(payment, ctx.views), returnUrl: ctx.ledger.returnUrl(payment) };
  }),
  route('POST', 'payments/:trxNo/cancel', (ctx, _body, { trxNo = '' }) => {
    const payment = ctx.ledger.cancel(trxNo);
    return { payment: paymentView(payment, ctx.views), returnUrl: ctx.ledger.returnUrl(payment) };
  }),
  route('POST', 'subscriptions/:id/renewal-card', (ctx, body, { id }) => {
    const { card } = parse(RenewalSchema, body);
    return subscriptionView(ctx.ledger.setRenewalCard(Number(id), card), ctx.views);
  }),
  route('POST', 'subscriptions/:id/expire', (ctx, _body, { id }) =>
    subscriptionView(ctx.ledger.expireSubscription(Number(id)), ctx.views),
  ),
  route('POST', 'scenarios/:name', (ctx, _body, { name = '' }) => runScenario(ctx, name)),
  route('GET', 'idle', async (ctx) => {
    await ctx.webhooks.idle({ retries: false });
    return { idle: true };
  }),
];

/**
 * Every route of the control API as `METHOD path` (relative to `/__sandbox/`).
 *
 * @example
 * ```ts
 * CONTROL_ROUTES.includes('POST clock/advance'); // true
 * ```
 */
export const CONTROL_ROUTES: readonly string[] = ROUTES.map((r) => `${r.method} ${r.path}`);

/**
 * Mounts the control API on `app`: the cross-site check first (403), then the route (404, 405),
 * the body (413, 415 unless JSON, 400) and the handler; errors answer `{ error: { message } }`.
 *
 * @example
 * ```ts
 * mountControlRoutes(app, ctx);
 * ```
 */
export function mountControlRoutes(app: Hono<SandboxEnv>, ctx: SandboxContext): void {
  const base = SANDBOX_DEFAULTS.controlPath;
  const refuse = (status: number, message: string) => jsonResponse(status, { error: { message } });
  for (const path of [base, `${base}/*`]) {
    app.use(path, async (c, next) => {
      const refusal = crossSiteRefusal((name) => c.req.header(name), ctx.ownOrigins);
      if (refusal) return refuse(403, refusal);
      await next();
    });
  }
  for (const spec of ROUTES) {
    app.on(spec.method, `${base}/${honoPath(spec.path)}`, async (c) => {
      try {
        const raw = await readBody(c.req.raw, SANDBOX_DEFAULTS.maxBodyBytes);
        if (raw.length > 0 && !isJsonType(c.req.header('content-type'))) {
          throw new ApiError(415, '415', 'content-type: send the body as application/json');
        }
        let body: unknown;
        try {
          body = raw.length === 0 ? undefined : JSON.parse(Buffer.from(raw).toString('utf8'));
        } catch {
          throw new ApiError(400, '400', 'body: not valid JSON');
        }
        const scope = { merchantScoped: c.env?.merchantScoped === true };
        return jsonResponse(200, await spec.handle(ctx, body, c.req.param(), scope));
      } catch (error) {
        if (error instanceof ApiError) return refuse(error.httpStatus, error.message);
        if (error instanceof BodyTooLargeError) return refuse(413, error.message);
        throw error;
      }
    });
  }
  for (const path of new Set(ROUTES.map((spec) => spec.path))) {
    const allowed = ROUTES.filter((spec) => spec.path === path).map((spec) => spec.method);
    app.all(`${base}/${honoPath(path)}`, (c) =>
      refuse(405, `use ${allowed.join(', ')} for ${c.req.path}`),
    );
  }
  for (const path of [base, `${base}/*`]) {
    app.all(path, (c) => refuse(404, `no control endpoint ${c.req.method} ${c.req.path}`));
  }
}

/** A documented path as Hono's pattern: `:id` takes digits only. */
function honoPath(path: string): string {
  return path.replace(/:id\b/g, ':id{[0-9]+}');
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
  throw new ApiError(400, '400', issues.join('; '));
}

function setWebhookUrl(ctx: SandboxContext, body: unknown): { url: string | null } {
  const { url } = parse(WebhookUrlSchema, body);
  ctx.webhookUrl = url ?? undefined;
  return { url };
}

function clockOf(ctx: SandboxContext): { now: number; iso: string; offsetMs: number } {
  const now = ctx.clock.now();
  return { now, iso: new Date(now).toISOString(), offsetMs: ctx.clock.offset };
}
