import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import express from 'express';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyRawBody from 'fastify-raw-body';
import * as z from 'zod';
import { createCheckoutHandler } from './handlers/checkout-handler.js';
import { jsonResponse } from './handlers/error-response.js';
import { createWebhookHandler } from './handlers/webhook-handler.js';
import { BODY_ALREADY_PARSED, toFastifyHandler, toNodeHandler } from './node.js';
import { createWebhooks } from './webhooks/create-webhooks.js';

/** Echoes what the handler received, so each test can check the conversion. */
async function echo(request: Request): Promise<Response> {
  const body = new Uint8Array(await request.arrayBuffer());
  const headers = new Headers({ 'content-type': 'application/json', 'x-echo': 'yes' });
  headers.append('set-cookie', 'a=1');
  headers.append('set-cookie', 'b=2');
  return new Response(
    JSON.stringify({
      method: request.method,
      url: request.url,
      signature: request.headers.get('signature'),
      body: new TextDecoder().decode(body),
      length: body.length,
    }),
    { status: 201, headers },
  );
}

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const servers: Server[] = [];
after(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

async function serve(listener: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  return listen(server);
}

const rawBody = '{"b": 1,  "a":"é"}';

// Guards against a hang, not a duration: a test that would never finish fails instead.
const HANG_GUARD = { timeout: 20_000 };

describe('when mounted on node:http', () => {
  it('hands the handler the method, full URL, headers and exact raw bytes', async () => {
    const base = await serve(toNodeHandler(echo));
    const res = await fetch(`${base}/hook?x=1`, {
      method: 'POST',
      headers: { SIGNATURE: 'sig' },
      body: rawBody,
    });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('x-echo'), 'yes');
    assert.deepEqual(res.headers.getSetCookie(), ['a=1', 'b=2']);
    const seen = await res.json();
    assert.equal(seen.method, 'POST');
    assert.equal(seen.url, `${base}/hook?x=1`);
    assert.equal(seen.signature, 'sig');
    assert.equal(seen.body, rawBody);
    assert.equal(seen.length, new TextEncoder().encode(rawBody).length);
  });

  it('streams a large body through unchanged', async () => {
    const base = await serve(toNodeHandler(echo));
    const big = 'x'.repeat(3_000_000);
    const res = await fetch(base, { method: 'POST', body: big });
    assert.equal((await res.json()).length, big.length);
  });

  it('builds the URL from X-Forwarded-* only with trustProxy', async () => {
    const headers = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'shop.example' };
    const trusting = await serve(toNodeHandler(echo, { trustProxy: true }));
    const seen = await (await fetch(`${trusting}/p`, { method: 'POST', headers, body: '' })).json();
    assert.equal(seen.url, 'https://shop.example/p');
    const plain = await serve(toNodeHandler(echo));
    const seen2 = await (await fetch(`${plain}/p`, { method: 'POST', headers, body: '' })).json();
    assert.equal(seen2.url, `${plain}/p`);
  });

  it('answers 500 without details when the handler throws and there is no next()', async () => {
    const base = await serve(
      toNodeHandler(async () => {
        throw new Error('secret detail');
      }),
    );
    const res = await fetch(base, { method: 'POST', body: 'x' });
    assert.equal(res.status, 500);
    assert.ok(!(await res.text()).includes('secret detail'));
  });
});

/** GETs `url` with node:http, so the transfer headers are seen as sent. */
function rawGet(url: string): Promise<{ res: IncomingMessage; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ res, body }));
    }).on('error', reject);
  });
}

describe("when writing the handler's answer", () => {
  it('sends a one-chunk answer whole, with its length, not as a chunked stream', async () => {
    const base = await serve(toNodeHandler(async () => Response.json({ ok: true, é: 1 })));
    const { res, body } = await rawGet(`${base}/`);
    assert.equal(body, '{"ok":true,"é":1}');
    assert.equal(res.headers['content-length'], String(Buffer.byteLength(body)));
    assert.equal(res.headers['transfer-encoding'], undefined);
  });

  it('streams an answer of many chunks as they come', async () => {
    const parts = ['one,', 'two,', 'three'];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = parts.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    });
    const base = await serve(toNodeHandler(async () => new Response(stream)));
    const { res, body } = await rawGet(`${base}/`);
    assert.equal(body, 'one,two,three');
    assert.equal(res.headers['transfer-encoding'], 'chunked');
  });

  it(
    'sends the first chunk of a streamed answer before the second exists',
    HANG_GUARD,
    async () => {
      let release: () => void = () => {};
      const second = new Promise<void>((resolve) => (release = resolve));
      const stream = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(new TextEncoder().encode('first,'));
          await second; // comes only once the client has the first chunk
          controller.enqueue(new TextEncoder().encode('second'));
          controller.close();
        },
      });
      const base = await serve(toNodeHandler(async () => new Response(stream)));
      const { res, body } = await new Promise<{ res: IncomingMessage; body: string }>(
        (resolve, reject) => {
          get(`${base}/`, (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              body += chunk;
              if (body === 'first,') release();
            });
            res.on('end', () => resolve({ res, body }));
          }).on('error', reject);
        },
      );
      assert.equal(body, 'first,second');
      assert.equal(res.headers['transfer-encoding'], 'chunked');
    },
  );

  it("writes a checkout's answer as its real Response would be written", async () => {
    const checkout = createCheckoutHandler(
      {
        checkout: { create: async () => ({ trxNo: 'TRX1', redirectUrl: 'https://pay.example/1' }) },
      },
      {
        body: z.object({ sku: z.string() }),
        resolveOrder: () => ({ mchOrderNo: 'order_1', amount: '1.00', currency: 'USD' }),
        successUrl: '/thanks',
        cancelUrl: '/cart',
        publicUrl: 'https://shop.example',
      },
    );
    const send = (key: string) => ({
      method: 'POST',
      headers: {
        origin: 'https://shop.example',
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: '{"sku":"tee"}',
    });
    const base = await serve(toNodeHandler(checkout));
    for (const key of ['first', 'first']) {
      const direct = await checkout(new Request('https://shop.example/api/checkout', send(key)));
      const served = await fetch(`${base}/api/checkout`, send(`${key}-served`));
      const text = await direct.text();
      assert.equal(await served.text(), text);
      assert.equal(served.status, direct.status);
      for (const [name, value] of direct.headers) assert.equal(served.headers.get(name), value);
      assert.equal(served.headers.get('content-length'), String(Buffer.byteLength(text)));
    }
  });

  it("writes the headers a wrapper set on a handler's answer", async () => {
    const base = await serve(
      toNodeHandler(async (request) => {
        const answer = jsonResponse(200, { ok: true }, {}, request);
        answer.headers.set('x-wrapped', 'yes');
        return answer;
      }),
    );
    const res = await fetch(base, { method: 'POST', body: 'x' });
    assert.equal(res.headers.get('x-wrapped'), 'yes');
    assert.deepEqual(await res.json(), { ok: true });
  });

  it('sends an empty body as an empty answer', async () => {
    const base = await serve(
      toNodeHandler(async () => new Response(new ReadableStream({ start: (c) => c.close() }))),
    );
    const { res, body } = await rawGet(`${base}/`);
    assert.equal(body, '');
    assert.equal(res.statusCode, 200);
  });
});

describe('when mounted in Express', () => {
  it('works on a route mounted before express.json(), under a router prefix', async () => {
    const app = express();
    const router = express.Router();
    router.post('/webhook', toNodeHandler(echo));
    app.use('/api', router);
    app.use(express.json());
    const base = await serve(app);
    const seen = await (
      await fetch(`${base}/api/webhook`, { method: 'POST', body: rawBody })
    ).json();
    assert.equal(seen.url, `${base}/api/webhook`);
    assert.equal(seen.body, rawBody);
  });

  it("uses the raw bytes left by express.raw({ type: '*/*' })", async () => {
    const app = express();
    app.post('/webhook', express.raw({ type: '*/*' }), toNodeHandler(echo));
    const base = await serve(app);
    const res = await fetch(`${base}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: rawBody,
    });
    assert.equal((await res.json()).body, rawBody);
  });

  it('uses req.rawBody when a framework kept it (NestJS rawBody: true)', async () => {
    const app = express();
    // What NestJS does with { rawBody: true }: parse the JSON and keep the bytes beside it.
    app.use(
      express.json({
        verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }),
      }),
    );
    app.post('/webhook', toNodeHandler(echo));
    const base = await serve(app);
    const res = await fetch(`${base}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: rawBody,
    });
    assert.equal((await res.json()).body, rawBody);
  });

  it('rebuilds a JSON body express.json() parsed, for handlers that need only its fields', async () => {
    const app = express();
    app.use(express.json());
    app.post('/checkout', toNodeHandler(echo));
    const base = await serve(app);
    const res = await fetch(`${base}/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: rawBody,
    });
    assert.equal((await res.json()).body, JSON.stringify(JSON.parse(rawBody)));
  });

  it('rebuilds a form express.urlencoded() parsed, repeated and nested fields included', async () => {
    const app = express();
    app.use(express.urlencoded({ extended: true }));
    app.post('/checkout', toNodeHandler(echo));
    const base = await serve(app);
    const res = await fetch(`${base}/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'sku=tee&size=M&size=L&gift%5Bto%5D=Ann',
    });
    assert.equal((await res.json()).body, 'sku=tee&size=M&size=L&gift%5Bto%5D=Ann');
  });

  it('has the webhook handler refuse a rebuilt body, naming the fix for Express and NestJS', async () => {
    const app = express();
    app.use(express.json());
    app.post('/webhook', toNodeHandler(createWebhookHandler(createWebhooks({ signKey: 'k' }))));
    const base = await serve(app);
    const res = await fetch(`${base}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: rawBody,
    });
    assert.equal(res.status, 500);
    const { error } = await res.json();
    assert.equal(error.code, BODY_ALREADY_PARSED);
    assert.match(error.message, /before express\.json\(\)/);
    assert.match(error.message, /express\.raw\(\{ type: '\*\/\*' \}\)/);
    assert.match(error.message, /NestFactory\.create\(AppModule, \{ rawBody: true \}\)/);
  });

  it('answers 500 naming the fix when a middleware read the body and kept nothing', async () => {
    const app = express();
    app.use((req, _res, next) => {
      req.on('end', () => next());
      req.resume();
    });
    app.post('/webhook', toNodeHandler(echo));
    const base = await serve(app);
    const res = await fetch(`${base}/webhook`, { method: 'POST', body: rawBody });
    assert.equal(res.status, 500);
    const { error } = await res.json();
    assert.equal(error.code, BODY_ALREADY_PARSED);
    assert.match(error.message, /rawBody: true/);
  });

  it('reads the stream when a parser set req.body = {} without reading it (Express 4)', async () => {
    const app = express();
    app.use((req, _res, next) => {
      req.body = {};
      next();
    });
    app.post('/checkout', toNodeHandler(echo));
    const base = await serve(app);
    const res = await fetch(`${base}/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'sku=tee',
    });
    assert.equal((await res.json()).body, 'sku=tee');
  });

  it('lets a GET through express.json() (nothing to parse)', async () => {
    const app = express();
    app.use(express.json());
    app.get('/status', toNodeHandler(echo));
    const base = await serve(app);
    const res = await fetch(`${base}/status?trxNo=TRX1`);
    assert.equal((await res.json()).url, `${base}/status?trxNo=TRX1`);
  });

  it('passes handler errors to next()', async () => {
    const app = express();
    app.post(
      '/boom',
      toNodeHandler(async () => {
        throw new Error('boom');
      }),
    );
    app.use((_e: unknown, _q: express.Request, res: express.Response, _n: express.NextFunction) => {
      res.status(599).send('handled by express');
    });
    const base = await serve(app);
    const res = await fetch(`${base}/boom`, { method: 'POST', body: 'x' });
    assert.equal(res.status, 599);
  });
});

/** Posts the raw JSON body to `path` (default `/webhook`) of a Fastify `app`, then closes it. */
async function postWebhook(app: FastifyInstance, path = '/webhook'): Promise<Response> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const { port } = app.server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: rawBody,
    });
    await res.clone().arrayBuffer(); // read before the server closes
    return res;
  } finally {
    await app.close();
  }
}

describe('when mounted in Fastify', () => {
  it('gets the raw body with a catch-all parser that leaves it unread', async () => {
    const app = Fastify();
    const node = toNodeHandler(echo);
    await app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_req, _payload, done) => done(null));
      scope.post('/webhook', async (request, reply) => {
        reply.hijack();
        await node(request.raw, reply.raw);
      });
    });
    const res = await postWebhook(app);
    assert.equal(res.status, 201);
    assert.equal((await res.json()).body, rawBody);
  });

  it('answers 500 naming the fix when Fastify parsed the JSON first', async () => {
    const app = Fastify();
    const node = toNodeHandler(echo);
    app.post('/webhook', async (request, reply) => {
      reply.hijack();
      await node(request.raw, reply.raw);
    });
    const res = await postWebhook(app);
    assert.equal(res.status, 500);
    assert.match((await res.json()).error.message, /addContentTypeParser/);
  });
});

describe('when mounted in Fastify with toFastifyHandler', () => {
  it("uses the bytes fastify-raw-body kept on Fastify's request", async () => {
    const app = Fastify();
    await app.register(fastifyRawBody, { global: false, runFirst: true });
    app.post('/webhook', { config: { rawBody: true } }, toFastifyHandler(echo));
    const res = await postWebhook(app);
    assert.equal(res.status, 201);
    assert.equal((await res.json()).body, rawBody);
  });

  it('verifies a signed webhook whose bytes fastify-raw-body kept', async () => {
    const webhooks = createWebhooks({ signKey: 'k' });
    const app = Fastify();
    await app.register(fastifyRawBody, { global: false, runFirst: true });
    app.post(
      '/webhook',
      { config: { rawBody: true } },
      toFastifyHandler(createWebhookHandler(webhooks)),
    );
    // An unsigned delivery: refused for its signature (401), not for a parsed body (500).
    const res = await postWebhook(app);
    assert.equal(res.status, 401);
  });

  it('rebuilds the JSON Fastify parsed, for handlers that need only its fields', async () => {
    const app = Fastify();
    app.post('/checkout', toFastifyHandler(echo));
    const res = await postWebhook(app, '/checkout');
    assert.equal(res.status, 201);
    assert.equal((await res.json()).body, JSON.stringify(JSON.parse(rawBody)));
  });

  it('streams the body a catch-all parser left unread', async () => {
    const app = Fastify();
    await app.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_req, _payload, done) => done(null));
      scope.post('/webhook', toFastifyHandler(echo));
    });
    const res = await postWebhook(app);
    assert.equal((await res.json()).body, rawBody);
  });

  it('has the webhook refuse a body Fastify parsed, naming fastify-raw-body', async () => {
    const app = Fastify();
    app.post('/webhook', toFastifyHandler(createWebhookHandler(createWebhooks({ signKey: 'k' }))));
    const res = await postWebhook(app);
    assert.equal(res.status, 500);
    const { error } = await res.json();
    assert.equal(error.code, BODY_ALREADY_PARSED);
    assert.match(error.message, /fastify-raw-body/);
  });
});
