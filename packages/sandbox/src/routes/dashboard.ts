import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../api-error.js';
import type { SandboxContext } from '../context.js';
import { crossSiteRefusal } from '../cross-site.js';
import { BodyTooLargeError, headerOf, readBody } from '../http-io.js';
import { advanceClock, stateSnapshot, statsOf, triggerEvent } from '../operations.js';
import { renderDashboard } from '../pages/dashboard.js';
import { renderClosedPage } from '../pages/hosted-page.js';
import { pageSender, type RequestTarget, sendSigned } from '../respond.js';

/** Prefix of the dashboard's form actions. */
export const DASHBOARD_ACTIONS = '/__dashboard/';

/** Largest form post a button sends, in bytes. */
const FORM_LIMIT = 65_536;

const ADVANCE = { '1h': { hours: 1 }, '1d': { days: 1 }, '1mo': { months: 1 } } as const;

/**
 * `GET /` renders the dashboard (`?refresh=5` reloads it every 5 s); form POSTs to
 * `/__dashboard/{advance,trigger,redeliver,webhook-url,faults/clear}` act and 303 back to `/`.
 *
 * @example
 * ```ts
 * await handleDashboard(ctx, req, res, { method: 'GET', path: '/', query: '' });
 * ```
 */
export async function handleDashboard(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  target: RequestTarget,
): Promise<void> {
  const page = pageSender(ctx, res, target);
  if (target.path === '/' && (target.method === 'GET' || target.method === 'HEAD')) {
    const refresh = Number(new URLSearchParams(target.query).get('refresh'));
    return page(
      200,
      renderDashboard({
        merchantName: ctx.options.merchantName,
        url: ctx.publicUrl,
        webhookUrl: ctx.webhookUrl,
        snapshot: stateSnapshot(ctx),
        deliveries: ctx.webhooks.deliveries(),
        faults: ctx.faults.list(),
        stats: statsOf(ctx),
        refreshSeconds: Number.isInteger(refresh) && refresh > 0 ? refresh : null,
      }),
    );
  }
  if (target.method !== 'POST') return page(405, 'Method not allowed', { allow: 'POST' });
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
  try {
    await act(ctx, target.path.slice(DASHBOARD_ACTIONS.length), form);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return page(
      error.httpStatus,
      `<p>${error.message.replace(/[<>&"]/g, '')}</p><p><a href="/">Back</a></p>`,
    );
  }
  sendSigned(ctx, res, target, 303, 'text/plain; charset=utf-8', 'See Other', { location: '/' });
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

function refusalPage(ctx: SandboxContext, title: string, message: string): string {
  return renderClosedPage({
    merchantName: ctx.options.merchantName,
    title,
    message,
    returnUrl: null,
    tone: 'danger',
  });
}
