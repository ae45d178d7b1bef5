/** @module Test helpers: an independent WPay client, a webhook receiver, a started sandbox. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HEADERS, PATHS } from '@wpay/protocol';
import { signaturesMatch, signRequest } from '../api/signature.js';
import { type Sandbox, type SandboxOptions, startSandbox } from '../index.js';
import type { SandboxMerchant } from '../sandbox-merchant.js';

/** The paths the tests call most, from `@wpay/protocol`. */
export const HPP = PATHS.checkoutCreate;
export const TOKEN = PATHS.token;

/** A JSON answer of the API. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown>;
}

/** How a call deviates from a valid one. */
export interface CallOptions {
  token?: string | null;
  signKey?: string;
  timestamp?: string | null;
  signature?: string | null;
  /** Exact body text (default: compact JSON of the body). */
  raw?: string;
  query?: string;
  method?: string;
  headers?: Record<string, string>;
  signatureHeader?: string;
  timestampHeader?: string;
}

/** A client bound to a sandbox. */
export class TestClient {
  accessToken: string | undefined;
  refreshToken: string | undefined;

  /** `fetcher`: how calls reach the sandbox (default: over HTTP; `sb.fetch`: in-process). */
  constructor(
    readonly sb: SandboxMerchant,
    readonly fetcher: typeof fetch = fetch,
  ) {}

  /** Fetches a token with multipart (default), urlencoded or query parameters. */
  async token(
    via: 'multipart' | 'urlencoded' | 'query' = 'multipart',
    params: Record<string, string> = {},
  ): Promise<Answer> {
    const all = {
      grant_type: 'client_credentials',
      api_key: this.sb.credentials.apiKey,
      api_secret: this.sb.credentials.apiSecret,
      ...params,
    };
    const answer = await this.#tokenCall(via, all);
    const data = answer.json.retdata as Record<string, string> | undefined;
    if (data?.access_token) {
      this.accessToken = data.access_token;
      this.refreshToken = data.refresh_token;
    }
    return answer;
  }

  /** Uses the refresh grant (urlencoded). */
  async refresh(refreshToken = this.refreshToken ?? ''): Promise<Answer> {
    const answer = await this.#tokenCall('urlencoded', {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    });
    const data = (answer.json.access_token ? answer.json : answer.json.retdata) as
      | Record<string, string>
      | undefined;
    if (data?.access_token) {
      this.accessToken = data.access_token;
      this.refreshToken = data.refresh_token;
    }
    return answer;
  }

  async #tokenCall(via: string, params: Record<string, string>): Promise<Answer> {
    if (via === 'query') {
      const query = new URLSearchParams(params).toString();
      return answerOf(await this.fetcher(`${this.sb.url}${TOKEN}?${query}`, { method: 'POST' }));
    }
    const body = via === 'multipart' ? formDataOf(params) : new URLSearchParams(params).toString();
    const headers: Record<string, string> =
      via === 'urlencoded' ? { 'content-type': 'application/x-www-form-urlencoded' } : {};
    return answerOf(
      await this.fetcher(`${this.sb.url}${TOKEN}`, { method: 'POST', body, headers }),
    );
  }

  /**
   * A signed business call; fetches a token first when none is held and, like a real client,
   * fetches a new one and retries once on a 401 retcode (unless the token is given).
   */
  async call(path: string, body: unknown, o: CallOptions = {}): Promise<Answer> {
    if (o.token !== undefined) return this.#send(path, body, o);
    if (!this.accessToken) await this.token();
    const answer = await this.#send(path, body, o);
    if (answer.json.retcode !== '401') return answer;
    await this.token();
    return this.#send(path, body, o);
  }

  async #send(path: string, body: unknown, o: CallOptions): Promise<Answer> {
    const method = o.method ?? 'POST';
    const raw = o.raw ?? JSON.stringify(body);
    const query = o.query ?? '';
    const timestamp = o.timestamp === undefined ? String(Date.now()) : o.timestamp;
    const signature =
      o.signature === undefined
        ? signRequest(o.signKey ?? this.sb.credentials.signKey, {
            method,
            timestamp: timestamp ?? '',
            path,
            query,
            body: raw,
          })
        : o.signature;
    const headers: Record<string, string> = { 'content-type': 'application/json', ...o.headers };
    const token = o.token === undefined ? this.accessToken : o.token;
    if (token !== null && token !== undefined) headers.authorization = `Bearer ${token}`;
    if (signature !== null) headers[o.signatureHeader ?? HEADERS.signature] = signature;
    if (timestamp !== null) headers[o.timestampHeader ?? HEADERS.timestamp] = timestamp;
    const url = `${this.sb.url}${path}${query ? `?${query}` : ''}`;
    return answerOf(
      await this.fetcher(url, { method, headers, body: method === 'GET' ? null : raw }),
    );
  }

  /** Creates a one-time hosted page (fields overridable) and returns retdata. */
  async checkout(fields: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const answer = await this.call(HPP, checkoutBody(fields));
    if (answer.json.retcode !== '200') throw new Error(`checkout failed: ${answer.text}`);
    return answer.json.retdata as Record<string, unknown>;
  }

  /** Creates a subscription checkout, pays it, returns the subscription id. */
  async subscribe(fields: Record<string, unknown> = {}): Promise<number> {
    const { trxNo } = await this.checkout(subscriptionBody(fields));
    const payment = await this.sb.pay(String(trxNo));
    return Number(payment.subscriptionId);
  }
}

let orderSeq = 0;

/** A valid one-time checkout body with a fresh mchOrderNo. */
export function checkoutBody(fields: Record<string, unknown> = {}): Record<string, unknown> {
  orderSeq += 1;
  return {
    mchOrderNo: `ORDER-${process.pid}-${orderSeq}`,
    amount: 19.99,
    currency: 'USD',
    payMode: 'ONETIME',
    successUrl: 'https://shop.example/return?ok=1',
    cancelUrl: 'https://shop.example/cancel',
    description: 'Blue mug',
    customerEmail: 'ada@example.com',
    ...fields,
  };
}

/** A valid subscription checkout body. */
export function subscriptionBody(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return checkoutBody({
    payMode: 'SUBSCRIPTION',
    mchSubscriptionNo: `SUB-${process.pid}-${orderSeq + 1}`,
    intervalUnit: 'month',
    intervalCount: 1,
    amount: 9.99,
    description: 'Pro plan',
    ...fields,
  });
}

function formDataOf(params: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(params)) form.set(key, value);
  return form;
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = {};
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Whether an answer carries a valid response signature for the request it answers. */
export function responseSignatureValid(
  answer: Answer,
  signKey: string,
  request: { method: string; path: string; query?: string },
): boolean {
  const timestamp = answer.headers.get('timestamp') ?? '';
  const signature = answer.headers.get('signature') ?? '';
  const expected = signRequest(signKey, {
    method: request.method,
    timestamp,
    path: request.path,
    query: request.query ?? '',
    body: answer.text,
  });
  return signaturesMatch(signature, expected);
}

/** A request a webhook receiver got. */
export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  json: Record<string, unknown>;
}

/** A webhook receiver on a random port. */
export interface Receiver {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/**
 * Starts a webhook receiver; `answer(n)` gives the status of the n-th request (0-based),
 * `SUCCESS` body for 2xx.
 */
export async function startReceiver(
  answer: (n: number, received: Received) => number | 'hang' = () => 200,
): Promise<Receiver> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const entry = {
        headers: req.headers,
        body,
        json: JSON.parse(body) as Record<string, unknown>,
      };
      received.push(entry);
      const status = answer(received.length - 1, entry);
      if (status === 'hang') return;
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status < 300 ? 'SUCCESS' : 'nope');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/wpay`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Starts a sandbox (timeScale 1000 unless given) and a client for it. */
export async function sandboxWithClient(
  options: SandboxOptions = {},
): Promise<{ sb: Sandbox; client: TestClient }> {
  const sb = await startSandbox({ timeScale: 1000, ...options });
  return { sb, client: new TestClient(sb) };
}

/**
 * Starts a webhook receiver (answering `answer(n)`, default 200) and a sandbox (timeScale 1000
 * unless given) that sends to it, unless `webhookUrl: false` (the test sets the URL later).
 */
export async function sandboxWithReceiver(
  options: SandboxOptions = {},
  {
    webhookUrl = true,
    answer,
  }: { webhookUrl?: boolean; answer?: Parameters<typeof startReceiver>[0] } = {},
): Promise<{ sb: Sandbox; client: TestClient; receiver: Receiver }> {
  const receiver = await startReceiver(answer);
  const { sb, client } = await sandboxWithClient({
    ...(webhookUrl ? { webhookUrl: receiver.url } : {}),
    ...options,
  });
  return { sb, client, receiver };
}

/** Closes sandboxes and receivers, in order. */
export async function closeAll(...closables: Array<{ close(): Promise<void> }>): Promise<void> {
  for (const closable of closables) await closable.close();
}
