/** @module The dashboard's routes: the page at `/` and its buttons' form posts. */
import type { Hono } from 'hono';
import { ApiError } from '../api/api-error.js';
import type { SandboxEnv } from '../app-bindings.js';
import { advanceClock } from '../domain/advance-clock.js';
import { stateSnapshot } from '../domain/state-snapshot.js';
import { statsOf } from '../domain/stats-of.js';
import { triggerEvent } from '../domain/trigger-event.js';
import { pageResponse, seeOther } from '../http/responses.js';
import type { SandboxContext } from '../sandbox-context.js';
import { readPageForm } from './read-page-form.js';
import { renderDashboard } from './render-dashboard.js';

/**
 * Prefix of the dashboard's form actions.
 *
 * @example
 * ```ts
 * `${DASHBOARD_PREFIX}advance`; // '/__dashboard/advance'
 * ```
 */
export const DASHBOARD_PREFIX = '/__dashboard/';
const DASHBOARD_ACTIONS = DASHBOARD_PREFIX;

/**
 * The query parameter that names the merchant a dashboard page or form post is about
 * (`/?merchant=north`); without it, the merchant `default`.
 *
 * @example
 * ```ts
 * `/?${DASHBOARD_MERCHANT_PARAM}=north`;
 * ```
 */
export const DASHBOARD_MERCHANT_PARAM = 'merchant';

/**
 * `/` for the first merchant, `/?merchant={id}` for another (what its forms go back to).
 *
 * @example
 * ```ts
 * dashboardHome(northCtx); // '/?merchant=north'
 * ```
 */
export function dashboardHome(ctx: SandboxContext): string {
  const [first] = ctx.merchantDirectory;
  if (!first || first.id === ctx.merchantId) return '/';
  return `/?${DASHBOARD_MERCHANT_PARAM}=${encodeURIComponent(ctx.merchantId)}`;
}

/** Rows shown per table (newest first). */
const DASHBOARD_ROWS = 200;

const ADVANCE = { '1h': { hours: 1 }, '1d': { days: 1 }, '1mo': { months: 1 } } as const;

/**
 * Mounts the dashboard: `GET /` renders it (`?refresh=5` reloads it every 5 s); form POSTs to
 * `/__dashboard/{advance,trigger,redeliver,webhook-url,faults/clear}` act and 303 back to `/`;
 * a post from another site's page is refused (403), one over 64 KiB too (413).
 *
 * @example
 * ```ts
 * mountDashboardRoutes(app, ctx);
 * ```
 */
export function mountDashboardRoutes(app: Hono<SandboxEnv>, ctx: SandboxContext): void {
  const answer = (request: Request, path: string) => answerDashboard(ctx, request, path);
  app.all('/', (c) => answer(c.req.raw, c.req.path));
  app.all(`${DASHBOARD_ACTIONS}*`, (c) => answer(c.req.raw, c.req.path));
}

async function answerDashboard(
  ctx: SandboxContext,
  request: Request,
  path: string,
): Promise<Response> {
  const method = request.method.toUpperCase();
  if (path === '/' && (method === 'GET' || method === 'HEAD')) {
    const refresh = Number(new URL(request.url).searchParams.get('refresh'));
    return pageResponse(
      200,
      renderDashboard({
        merchantId: ctx.merchantId,
        merchants: ctx.merchantDirectory,
        merchantName: ctx.options.merchantName,
        url: ctx.publicUrl,
        webhookUrl: ctx.webhookUrl,
        snapshot: {
          ...stateSnapshot(ctx, { maxPayments: DASHBOARD_ROWS }),
        },
        paymentCount: ctx.state.paymentOrder.size,
        deliveries: ctx.webhooks.deliveries(),
        faults: ctx.faults.list(),
        stats: statsOf(ctx),
        refreshSeconds: Number.isInteger(refresh) && refresh > 0 ? refresh : null,
      }),
    );
  }
  if (method !== 'POST') return pageResponse(405, 'Method not allowed', { allow: 'POST' });
  const form = await readPageForm(ctx, request);
  if (form instanceof Response) return form;
  try {
    await act(ctx, path.slice(DASHBOARD_ACTIONS.length), form);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return pageResponse(
      error.httpStatus,
      `<p>${error.message.replace(/[<>&"]/g, '')}</p><p><a href="${dashboardHome(ctx)}">Back</a></p>`,
    );
  }
  return seeOther(dashboardHome(ctx));
}

type DashboardAction = (ctx: SandboxContext, form: URLSearchParams) => void | Promise<void>;

const ACTIONS: Readonly<Record<string, DashboardAction>> = {
  advance: async (ctx, form) => {
    const by = ADVANCE[form.get('by') as keyof typeof ADVANCE];
    if (!by) throw new ApiError(400, '400', 'by: must be 1h, 1d or 1mo');
    await advanceClock(ctx, by);
  },
  trigger: (ctx, form) => {
    const eventType = form.get('eventType');
    const trxNo = form.get('trxNo');
    const subscriptionId = form.get('subscriptionId');
    if (!eventType || (!trxNo && !subscriptionId)) {
      throw new ApiError(400, '400', 'eventType and trxNo or subscriptionId are required');
    }
    triggerEvent(ctx, eventType, trxNo ? { trxNo } : { subscriptionId: Number(subscriptionId) });
  },
  redeliver: (ctx, form) => {
    const eventId = form.get('eventId') ?? '';
    if (!ctx.webhooks.redeliver(eventId)) {
      throw new ApiError(404, '404', `event ${eventId} not found`);
    }
  },
  'webhook-url': (ctx, form) => {
    const url = form.get('url')?.trim();
    if (url && !URL.canParse(url)) throw new ApiError(400, '400', 'url: must be an absolute URL');
    ctx.webhookUrl = url || undefined;
  },
  'faults/clear': (ctx) => ctx.faults.clear(),
};

/**
 * The dashboard's form actions, posted to `/__dashboard/{name}`.
 *
 * @example
 * ```ts
 * DASHBOARD_ACTION_NAMES.includes('advance'); // true
 * ```
 */
export const DASHBOARD_ACTION_NAMES: readonly string[] = Object.keys(ACTIONS);

async function act(ctx: SandboxContext, action: string, form: URLSearchParams): Promise<void> {
  const run = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
  if (!run) throw new ApiError(404, '404', `no dashboard action ${action}`);
  await run(ctx, form);
}
