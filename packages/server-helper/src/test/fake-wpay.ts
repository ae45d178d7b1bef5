/**
 * A tiny WPay for tests (not the sandbox): a `node:http` server on 127.0.0.1, port 0, that issues
 * tokens, checks bearer tokens and request signatures with its own HMAC code (node:crypto), records
 * every request, and answers business calls through per-path handlers. Fault cases are easy: a
 * handler can answer anything, hang, or destroy the socket.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { PATHS, REFUSALS, type Refusal } from '@wpay/protocol';

export const CREDENTIALS = {
  apiKey: 'test-api-key',
  apiSecret: 'test-api-secret-XYZ',
  signKey: 'test-sign-key-ABC',
};

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string | string[] | undefined>;
  raw: string;
  json: unknown;
  /** Token call fields (multipart, urlencoded or query). */
  form: Record<string, string>;
  contentType: string;
}

export interface Reply {
  status?: number;
  /** A value is sent as JSON; a string as is. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Never answer (the client must time out). */
  hang?: boolean;
  /** Destroy the socket without answering. */
  destroy?: boolean;
}

export type Handler = (request: RecordedRequest, fake: FakeWPay) => Reply | Promise<Reply>;

export interface FakeWPay {
  url: string;
  requests: RecordedRequest[];
  tokenRequests: RecordedRequest[];
  apiRequests: RecordedRequest[];
  /** Business handlers by path; default answers 404. */
  routes: Map<string, Handler>;
  /** Overrides the token endpoint. */
  tokenHandler: Handler | undefined;
  /** The access token currently valid (only one at a time, like WPay). */
  currentToken: string | undefined;
  currentRefreshToken: string | undefined;
  /** Token lifetime in seconds. */
  expiresIn: number;
  /** Shape of the refresh answer. */
  refreshShape: 'bare' | 'envelope';
  /** Signs every answer (SIGNATURE / TIMESTAMP) when set. */
  signResponses: boolean;
  /** The clock used for response timestamps. */
  now: () => number;
  close(): Promise<void>;
}

export function sign(signKey: string, message: string): string {
  return createHmac('sha512', signKey).update(message, 'utf8').digest('base64');
}

export function ok(retdata: unknown): Reply {
  return { body: { retcode: '200', retmsg: 'success', retdata } };
}

export function refuse(status: number, retcode: string, retmsg: string): Reply {
  return { status, body: { retcode, retmsg, retdata: null } };
}

/** A documented refusal (`REFUSALS` of `@wpay/protocol`) with its HTTP status and retcode. */
export function refusal(kind: Refusal, retmsg: string): Reply {
  return refuse(REFUSALS[kind].httpStatus, REFUSALS[kind].retcode, retmsg);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function parseForm(raw: string, contentType: string, query: string) {
  const form: Record<string, string> = Object.fromEntries(new URLSearchParams(query));
  if (contentType.startsWith('multipart/form-data')) {
    const data = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    for (const [key, value] of data) form[key] = String(value);
  } else if (contentType.startsWith('application/x-www-form-urlencoded')) {
    Object.assign(form, Object.fromEntries(new URLSearchParams(raw)));
  }
  return form;
}

let tokenCounter = 0;

function defaultToken(request: RecordedRequest, fake: FakeWPay): Reply {
  const { form } = request;
  if (form.grant_type === 'client_credentials') {
    if (form.api_key !== CREDENTIALS.apiKey || form.api_secret !== CREDENTIALS.apiSecret) {
      return refusal('auth', 'bad api key or secret');
    }
  } else if (form.grant_type === 'refresh_token') {
    if (!form.refresh_token || form.refresh_token !== fake.currentRefreshToken) {
      return refusal('auth', 'bad refresh token');
    }
  } else {
    return refusal('auth', 'bad grant');
  }
  tokenCounter++;
  fake.currentToken = `at-${tokenCounter}-${Math.random().toString(36).slice(2)}`;
  fake.currentRefreshToken = `rt-${tokenCounter}-${Math.random().toString(36).slice(2)}`;
  const data = {
    access_token: fake.currentToken,
    token_type: 'bearer',
    expires_in: fake.expiresIn,
    refresh_token: fake.currentRefreshToken,
    rt_expires_in: fake.expiresIn * 2,
  };
  if (form.grant_type === 'refresh_token' && fake.refreshShape === 'bare') return { body: data };
  return { body: { retcode: 200, retdata: data, success: true } };
}

function checkCall(request: RecordedRequest, fake: FakeWPay): Reply | undefined {
  const auth = request.headers.authorization;
  if (!fake.currentToken || auth !== `Bearer ${fake.currentToken}`) {
    return refusal('auth', 'unknown or superseded access token');
  }
  const signature = request.headers.signature;
  const timestamp = request.headers.timestamp;
  if (typeof signature !== 'string' || typeof timestamp !== 'string') {
    return refusal('missingSignature', 'missing SIGNATURE or TIMESTAMP header');
  }
  const expected = sign(
    CREDENTIALS.signKey,
    `${request.method}${timestamp}${request.path}${request.query}${request.raw}`,
  );
  if (expected !== signature) return refusal('signatureMismatch', 'signature mismatch');
  return undefined;
}

export async function startFakeWPay(): Promise<FakeWPay> {
  const sockets = new Set<Socket>();
  const fake: FakeWPay = {
    url: '',
    requests: [],
    tokenRequests: [],
    apiRequests: [],
    routes: new Map(),
    tokenHandler: undefined,
    currentToken: undefined,
    currentRefreshToken: undefined,
    expiresIn: 21600,
    refreshShape: 'bare',
    signResponses: false,
    now: Date.now,
    close: async () => {},
  };
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const raw = await readBody(req);
    const contentType = String(req.headers['content-type'] ?? '');
    let json: unknown;
    try {
      json = raw ? JSON.parse(raw) : undefined;
    } catch {
      json = undefined;
    }
    const request: RecordedRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query: url.search.slice(1),
      headers: req.headers,
      raw,
      json,
      form: await parseForm(raw, contentType, url.search.slice(1)),
      contentType,
    };
    fake.requests.push(request);
    let reply: Reply;
    if (request.path.endsWith(PATHS.token)) {
      fake.tokenRequests.push(request);
      reply = await (fake.tokenHandler ?? defaultToken)(request, fake);
    } else {
      fake.apiRequests.push(request);
      const handler = fake.routes.get(request.path);
      reply =
        checkCall(request, fake) ??
        (handler ? await handler(request, fake) : refusal('notFound', `no route ${request.path}`));
    }
    if (reply.hang) return;
    if (reply.destroy) {
      req.socket.destroy();
      return;
    }
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? null);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (fake.signResponses) {
      const timestamp = String(fake.now());
      headers.SIGNATURE = sign(
        CREDENTIALS.signKey,
        `${request.method}${timestamp}${request.path}${request.query}${text}`,
      );
      headers.TIMESTAMP = timestamp;
    }
    res.writeHead(reply.status ?? 200, { ...headers, ...reply.headers });
    res.end(text);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return fake;
}

export const noSleep = async (_ms: number) => {};
