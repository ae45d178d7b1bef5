/** @module One sandbox, several merchants: sends each request to the merchant it belongs to. */
import { PATHS } from '@wpay/protocol';
import { tokenParams } from './api/routes/issue-token.js';
import type { SandboxBindings } from './app-bindings.js';
import type { SandboxApp } from './create-sandbox-app.js';
import { SANDBOX_DEFAULTS } from './defaults.js';
import { readBody } from './http/read-body.js';
import { splitTarget, targetOf } from './http/request-target.js';
import { DASHBOARD_MERCHANT_PARAM, DASHBOARD_PREFIX } from './pages/dashboard-routes.js';
import type { SandboxContext } from './sandbox-context.js';

/**
 * One merchant's context with its core.
 *
 * @example
 * ```ts
 * const merchant: RoutedMerchant = { ctx, app: createSandboxApp(ctx) };
 * ```
 */
export interface RoutedMerchant {
  ctx: SandboxContext;
  app: SandboxApp;
}

/**
 * The core of a sandbox with several merchants: each request goes to the app of the merchant it
 * belongs to, the first merchant (`default`) taking whatever names none. A merchant is named by
 * the path of its own control API (`/__sandbox/merchants/{id}/…`, answered as `/__sandbox/…`),
 * by the hosted-page session in the path, by the `api_key` (or refresh token) of a token
 * request, by the access token of a business call, or (the dashboard, `/` and its form posts)
 * by the `merchant` query parameter: `/?merchant=north`. Trust still comes from each merchant's
 * own checks: a call routed by a token is then authorised and its signature checked with that
 * merchant's sign key, so merchant A's token can only ever read A's payments.
 *
 * @example
 * ```ts
 * const app = createMerchantRouter([defaultMerchant, north]);
 * await app.fetch(new Request(`${url}/__sandbox/merchants/north/state`));
 * ```
 */
export function createMerchantRouter(merchants: readonly RoutedMerchant[]): SandboxApp {
  const [first] = merchants;
  if (!first) throw new TypeError('createMerchantRouter: needs at least one merchant');
  const byId = new Map(merchants.map((merchant) => [merchant.ctx.merchantId, merchant]));
  const prefix = `${SANDBOX_DEFAULTS.merchantControlPath}/`;
  const pagePrefix = `${first.ctx.options.defaults.hostedPagePath}/`;
  const find = (test: (ctx: SandboxContext) => boolean) =>
    merchants.find((merchant) => test(merchant.ctx)) ?? first;

  const tokenOwner = async (request: Request): Promise<RoutedMerchant> => {
    try {
      const raw = await readBody(request.clone(), SANDBOX_DEFAULTS.maxBodyBytes);
      const target = targetOf(request);
      const contentType = request.headers.get('content-type') ?? '';
      const params = tokenParams(target.query, contentType, Buffer.from(raw));
      if (params.grant_type === 'refresh_token' && params.refresh_token) {
        const token = params.refresh_token;
        return find((ctx) => ctx.tokens.issued(token, 'refresh'));
      }
      return find((ctx) => ctx.options.credentials.apiKey === params.api_key);
    } catch {
      return first; // a body the default merchant will refuse, naming what is wrong
    }
  };

  const ownerOf = async (request: Request, path: string): Promise<RoutedMerchant> => {
    if (path === '/' || path.startsWith(DASHBOARD_PREFIX)) {
      const id = new URL(request.url).searchParams.get(DASHBOARD_MERCHANT_PARAM);
      return (id === null ? undefined : byId.get(id)) ?? first;
    }
    if (path.startsWith(pagePrefix)) {
      const sessionId = safeDecode(path.slice(pagePrefix.length).split('/')[0] ?? '');
      return find((ctx) => ctx.state.paymentsBySession.has(sessionId));
    }
    if (path === PATHS.token && request.method.toUpperCase() === 'POST') {
      return tokenOwner(request);
    }
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1];
    if (bearer) return find((ctx) => ctx.tokens.issued(bearer, 'access'));
    return first;
  };

  return {
    fetch: async (request, bindings: SandboxBindings = {}) => {
      const target = bindings.rawTarget ?? new URL(request.url).pathname;
      const { path, query } = splitTarget(target);
      if (path.startsWith(prefix)) {
        const [id = '', ...rest] = path.slice(prefix.length).split('/');
        const merchant = byId.get(safeDecode(id));
        if (merchant) {
          const inner = `${SANDBOX_DEFAULTS.controlPath}${rest.length > 0 ? `/${rest.join('/')}` : ''}`;
          const url = new URL(request.url);
          url.pathname = inner;
          return merchant.app.fetch(rewrite(request, url), {
            ...bindings,
            rawTarget: query ? `${inner}?${query}` : inner,
            merchantScoped: true,
          });
        }
      }
      if (merchants.length === 1) return first.app.fetch(request, bindings);
      const owner = await ownerOf(request, path);
      return owner.app.fetch(request, bindings);
    },
  };
}

/** The same request at another URL (a merchant's control path as the plain one). */
function rewrite(request: Request, url: URL): Request {
  const method = request.method.toUpperCase();
  const init: RequestInit & { duplex?: 'half' } = {
    method,
    headers: request.headers,
    signal: request.signal,
  };
  if (method !== 'GET' && method !== 'HEAD' && request.body) {
    init.body = request.body;
    init.duplex = 'half';
  }
  return new Request(url, init);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
