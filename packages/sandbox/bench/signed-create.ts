// What the sandbox bench sections send: a token from the sandbox, and signed hosted-page creations.
import { HEADERS, PATHS } from '@wpay/protocol';
import { signRequest } from '../src/index.js';

/** Where a bench server is, and what signs for it. */
export interface Target {
  /** Where the API is (the sandbox's own URL; the trivial server's URL). */
  apiUrl: string;
  /** Where its `/__bench/*` routes are. */
  statsUrl: string;
  signKey: string;
  /** For the sandbox: its API key and secret (a token is fetched); none for the trivial server. */
  credentials?: { apiKey: string; apiSecret: string };
}

/** An access token of the sandbox (one per measuring process), or a dummy for the trivial server. */
export async function tokenFor(target: Target): Promise<string> {
  if (!target.credentials) return 'trivial';
  const form = new FormData();
  form.set('grant_type', 'client_credentials');
  form.set('api_key', target.credentials.apiKey);
  form.set('api_secret', target.credentials.apiSecret);
  const answer = await fetch(`${target.apiUrl}${PATHS.token}`, { method: 'POST', body: form });
  const json = (await answer.json()) as { retdata: { access_token: string } };
  return json.retdata.access_token;
}

/** A signed call (the loadTest request shape): the body, the token, a fresh TIMESTAMP. */
export function signedCall(
  target: Target,
  token: string,
  path: string,
  payload: unknown,
): { path: string; headers: Record<string, string>; body: string } {
  const body = JSON.stringify(payload);
  const timestamp = String(Date.now());
  return {
    path,
    body,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      [HEADERS.timestamp]: timestamp,
      [HEADERS.signature]: signRequest(target.signKey, {
        method: 'POST',
        timestamp,
        path,
        query: '',
        body,
      }),
    },
  };
}

/** The body of a one-time checkout with its own mchOrderNo. */
export function checkoutPayload(mchOrderNo: string): Record<string, unknown> {
  return {
    mchOrderNo,
    amount: 19.99,
    currency: 'USD',
    payMode: 'ONETIME',
    successUrl: 'https://shop.example/ok',
    cancelUrl: 'https://shop.example/cancel',
  };
}

/** Starts both servers of the sandbox sections; resolves with their targets and a teardown. */
export async function startTargets(): Promise<{
  targets: Record<'trivial' | 'sandbox', Target>;
  teardown: () => Promise<void>;
}> {
  const { spawnServer } = await import('../../../bench/harness.mjs');
  const trivial = await spawnServer(new URL('./servers/trivial-wpay.ts', import.meta.url));
  const sandbox = await spawnServer(new URL('./servers/sandbox.ts', import.meta.url));
  const info = (await (await fetch(`${sandbox.url}/__bench/sandbox`)).json()) as {
    url: string;
    credentials: { apiKey: string; apiSecret: string; signKey: string };
  };
  return {
    targets: {
      trivial: { apiUrl: trivial.url, statsUrl: trivial.url, signKey: 'wpay_test_sign_key' },
      sandbox: {
        apiUrl: info.url,
        statsUrl: sandbox.url,
        signKey: info.credentials.signKey,
        credentials: info.credentials,
      },
    },
    teardown: async () => {
      await Promise.all([trivial.stop(), sandbox.stop()]);
    },
  };
}
