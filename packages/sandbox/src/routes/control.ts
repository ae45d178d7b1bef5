import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { ApiError } from '../api-error.js';
import type { SandboxContext } from '../context.js';
import { crossSiteRefusal, isJsonType } from '../cross-site.js';
import { SANDBOX_DEFAULTS } from '../defaults.js';
import { FaultRuleSchema } from '../fault-rule.js';
import { BodyTooLargeError, headerOf, readBody } from '../http-io.js';
import { advanceClock, stateSnapshot, statsOf, triggerEvent } from '../operations.js';
import { TEST_CARDS, type TestCard } from '../records.js';
import { type RequestTarget, sendSigned } from '../respond.js';
import { paymentView, subscriptionView } from '../views.js';

const CARD = z.enum(TEST_CARDS.map((c) => c.card) as [TestCard, ...TestCard[]]);
const AdvanceSchema = z
  .object({
    ms: z.number().nonnegative().optional(),
    hours: z.number().nonnegative().optional(),
    days: z.number().nonnegative().optional(),
    months: z.number().int().nonnegative().optional(),
  })
  .strict();
const WebhookUrlSchema = z.object({ url: z.union([z.url(), z.null()]) }).strict();
const TriggerSchema = z
  .object({
    eventType: z.string().min(1),
    trxNo: z.string().min(1).optional(),
    subscriptionId: z.number().int().positive().optional(),
  })
  .strict();
const PaySchema = z.object({ card: CARD.default('success') }).strict();
const RenewalSchema = z.object({ card: CARD }).strict();

/** A control handler: the parsed JSON body and the path parameters in, the JSON answer out. */
type ControlHandler = (
  ctx: SandboxContext,
  body: unknown,
  params: string[],
) => unknown | Promise<unknown>;

/** One control route: method, documented path (`:id` digits, `:name` any segment), handler. */
interface ControlRoute {
  method: string;
  path: string;
  pattern: RegExp;
  handle: ControlHandler;
}

function route(method: string, path: string, handle: ControlHandler): ControlRoute {
  const source = path.replace(/:id\b/g, '(\\d+)').replace(/:[A-Za-z]+/g, '([^/]+)');
  return { method, path, pattern: new RegExp(`^/${source}$`), handle };
}

const ROUTES: readonly ControlRoute[] = [
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
  route('DELETE', 'faults/:id', (ctx, _body, [id]) => {
    if (!ctx.faults.remove(Number(id))) throw new ApiError(404, '404', `fault ${id} not found`);
    return ctx.faults.list();
  }),
  route('GET', 'webhook-url', (ctx) => ({ url: ctx.webhookUrl ?? null })),
  route('PUT', 'webhook-url', (ctx, body) => setWebhookUrl(ctx, body)),
  route('POST', 'webhook-url', (ctx, body) => setWebhookUrl(ctx, body)),
  route('GET', 'deliveries', (ctx) => ctx.webhooks.deliveries()),
  route('GET', 'events', (ctx) => ctx.webhooks.events()),
  route('POST', 'events/trigger', (ctx, body) => {
    const { eventType, ...target } = parse(TriggerSchema, body);
    return triggerEvent(ctx, eventType, target);
  }),
  route('POST', 'events/:eventId/redeliver', (ctx, _body, [eventId = '']) => {
    const delivery = ctx.webhooks.redeliver(decodeURIComponent(eventId));
    if (!delivery) throw new ApiError(404, '404', `event ${eventId} not found`);
    return delivery;
  }),
  route('POST', 'payments/:trxNo/pay', (ctx, body, [trxNo = '']) => {
    const { card } = parse(PaySchema, body ?? {});
    const payment = ctx.ledger.pay(decodeURIComponent(trxNo), card);
    return { payment: paymentView(payment, ctx.views), returnUrl: ctx.ledger.returnUrl(payment) };
  }),
  route('POST', 'payments/:trxNo/cancel', (ctx, _body, [trxNo = '']) => {
    const payment = ctx.ledger.cancel(decodeURIComponent(trxNo));
    return { payment: paymentView(payment, ctx.views), returnUrl: ctx.ledger.returnUrl(payment) };
  }),
  route('POST', 'subscriptions/:id/renewal-card', (ctx, body, [id]) => {
    const { card } = parse(RenewalSchema, body);
    return subscriptionView(ctx.ledger.setRenewalCard(Number(id), card), ctx.views);
  }),
  route('POST', 'subscriptions/:id/expire', (ctx, _body, [id]) =>
    subscriptionView(ctx.ledger.expireSubscription(Number(id)), ctx.views),
  ),
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
 * The control API under `/__sandbox/` (JSON in and out, no token: for local use only).
 *
 * @example
 * ```ts
 * await handleControl(ctx, req, res, { method: 'POST', path: '/__sandbox/clock/advance', query: '' });
 * ```
 */
export async function handleControl(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  target: RequestTarget,
): Promise<void> {
  const send = (status: number, body: unknown) =>
    sendSigned(ctx, res, target, status, 'application/json; charset=utf-8', JSON.stringify(body));
  const refusal = crossSiteRefusal((name) => headerOf(req, name), ctx.ownOrigins);
  if (refusal) {
    req.resume();
    return send(403, { error: { message: refusal } });
  }
  const sub = target.path.slice(SANDBOX_DEFAULTS.controlPath.length) || '/';
  const matching = ROUTES.filter((r) => r.pattern.test(sub));
  const found = matching.find((r) => r.method === target.method);
  if (!found) {
    const allowed = matching.map((r) => r.method).join(', ');
    return matching.length > 0
      ? send(405, { error: { message: `use ${allowed} for ${target.path}` } })
      : send(404, { error: { message: `no control endpoint ${target.method} ${target.path}` } });
  }
  try {
    const raw = await readBody(req, SANDBOX_DEFAULTS.maxBodyBytes);
    if (raw.length > 0 && !isJsonType(headerOf(req, 'content-type'))) {
      throw new ApiError(415, '415', 'content-type: send the body as application/json');
    }
    let body: unknown;
    try {
      body = raw.length === 0 ? undefined : JSON.parse(raw.toString('utf8'));
    } catch {
      throw new ApiError(400, '400', 'body: not valid JSON');
    }
    const params = found.pattern.exec(sub)?.slice(1) ?? [];
    send(200, await found.handle(ctx, body, params));
  } catch (error) {
    if (error instanceof ApiError)
      return send(error.httpStatus, { error: { message: error.message } });
    if (error instanceof BodyTooLargeError) return send(413, { error: { message: error.message } });
    throw error;
  }
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
