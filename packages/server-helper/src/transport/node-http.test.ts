import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { type Sandbox, startSandbox } from '@wpay/sandbox';
import { WPayNetworkError, WPayTimeoutError } from '../errors.js';
import { MemoryTokenStore } from '../stores/token-store.js';
import { WPay } from '../wpay.js';
import { nodeHttpPost } from './node-http.js';

type Route = (req: IncomingMessage, body: string, res: ServerResponse) => void;

/** A node:http server on port 0 answering with `route`. */
async function serve(route: Route) {
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => route(req, body, res));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

const post = nodeHttpPost();
const signal = () => new AbortController().signal;

describe('the Node transport (node:http POST)', () => {
  it('exists on Node and not where the runtime has no process.getBuiltinModule', () => {
    assert.equal(typeof post, 'function');
    assert.equal(nodeHttpPost({}), undefined);
  });

  it('sends the headers and the body, and answers with status, headers and the text', async () => {
    const server = await serve((req, body, res) => {
      res.writeHead(201, {
        'content-type': 'application/json',
        'x-echo': String(req.headers['x-a']),
      });
      res.end(JSON.stringify({ body, length: req.headers['content-length'], method: req.method }));
    });
    try {
      const answer = await post?.(`${server.url}/p`, {
        headers: { 'x-a': 'b', 'content-type': 'application/json' },
        body: '{"n":"é"}',
        signal: signal(),
      });
      assert.equal(answer?.status, 201);
      assert.equal(answer?.headers.get('X-Echo'), 'b');
      assert.deepEqual(JSON.parse(answer?.text ?? ''), {
        body: '{"n":"é"}',
        length: '10',
        method: 'POST',
      });
    } finally {
      server.close();
    }
  });

  it('decodes gzip and br answers, as fetch did, and drops a UTF-8 BOM', async () => {
    const text = '\uFEFF{"ok":true}';
    for (const [coding, encode] of [
      ['gzip', gzipSync],
      ['br', brotliCompressSync],
    ] as const) {
      const server = await serve((req, _body, res) => {
        assert.match(String(req.headers['accept-encoding']), new RegExp(coding));
        res.writeHead(200, { 'content-encoding': coding });
        res.end(encode(Buffer.from(text)));
      });
      try {
        const answer = await post?.(server.url, { headers: {}, body: '', signal: signal() });
        assert.equal(answer?.text, '{"ok":true}', coding);
      } finally {
        server.close();
      }
    }
  });

  it('does not follow a redirect', async () => {
    const server = await serve((_req, _body, res) => {
      res.writeHead(303, { location: 'https://elsewhere.example/' }).end();
    });
    try {
      const answer = await post?.(server.url, { headers: {}, body: '', signal: signal() });
      assert.equal(answer?.status, 303);
      assert.equal(answer?.headers.get('location'), 'https://elsewhere.example/');
    } finally {
      server.close();
    }
  });

  it('rejects when the signal aborts while the answer is still coming', async () => {
    const server = await serve((_req, _body, res) => {
      res.writeHead(200);
      res.write('{"partial":');
    });
    const controller = new AbortController();
    try {
      const answer = post?.(server.url, { headers: {}, body: '', signal: controller.signal });
      assert.ok(answer);
      setImmediate(() => controller.abort());
      await assert.rejects(answer);
    } finally {
      server.close();
    }
  });

  it('rejects when the connection closes before the answer ended', async () => {
    const server = await serve((_req, _body, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"partial":', () => res.destroy());
    });
    try {
      const answer = post?.(server.url, { headers: {}, body: '', signal: signal() });
      assert.ok(answer);
      await assert.rejects(answer);
    } finally {
      server.close();
    }
  });
});

describe('a client made without a fetch, on Node', () => {
  let sb: Sandbox;
  before(async () => {
    sb = await startSandbox({ port: 0, seed: 7 });
  });
  after(() => sb.close());

  it('creates sessions over node:http: fetch only for the token', async (t) => {
    const fetchCalls = t.mock.method(globalThis, 'fetch');
    const wpay = new WPay({ ...sb.credentials, baseUrl: sb.url, verifyResponses: true });
    for (let i = 0; i < 3; i++) {
      const session = await wpay.checkout.create({
        mchOrderNo: `nodehttp_${Date.now()}_${i}`,
        amount: '19.99',
        currency: 'USD',
        payMode: 'ONETIME',
        successUrl: 'https://shop.example/ok',
        cancelUrl: 'https://shop.example/cancel',
      });
      assert.match(session.redirectUrl, /^http/);
      const read = await wpay.payments.retrieve({ trxNo: session.trxNo });
      assert.equal(read.trxNo, session.trxNo);
    }
    assert.equal(fetchCalls.mock.callCount(), 1, 'the token call only');
  });

  it('uses a fetch given as an option for every call', async () => {
    let calls = 0;
    const wpay = new WPay({
      ...sb.credentials,
      baseUrl: sb.url,
      fetch: (input, init) => {
        calls++;
        return fetch(input, init);
      },
    });
    await wpay.checkout.create({
      mchOrderNo: `nodehttp_given_${Date.now()}`,
      amount: '5.00',
      currency: 'USD',
      payMode: 'ONETIME',
      successUrl: 'https://shop.example/ok',
      cancelUrl: 'https://shop.example/cancel',
    });
    assert.equal(calls, 2, 'the token and the create');
  });

  /** A client of `baseUrl` whose token is already stored: its calls are API calls only. */
  const withToken = (baseUrl: string) => {
    const store = new MemoryTokenStore();
    const wpay = new WPay({
      apiKey: 'k',
      apiSecret: 's',
      signKey: 'sk',
      baseUrl,
      timeoutMs: 200,
      maxRetries: 0,
      tokenStore: store,
    });
    return { wpay, store };
  };
  const seed = async (store: MemoryTokenStore) => {
    const token = { accessToken: 'seeded', expiresAt: Date.now() + 3_600_000 };
    await store.set('wpay:token:k', token, 3600);
  };

  it('times out a call WPay never answers with WPayTimeoutError', async (t) => {
    const fetchCalls = t.mock.method(globalThis, 'fetch');
    let reached = 0;
    const hung = await serve(() => {
      reached++;
    });
    try {
      const { wpay, store } = withToken(hung.url);
      await seed(store);
      await assert.rejects(
        wpay.payments.retrieve({ trxNo: 'TRX1' }),
        (error: unknown) => error instanceof WPayTimeoutError,
      );
      assert.equal(reached, 1, 'the call reached the server');
      assert.equal(fetchCalls.mock.callCount(), 0, 'through node:http, not fetch');
    } finally {
      hung.close();
    }
  });

  it('reports a refused connection as a WPayNetworkError that was not sent', async (t) => {
    const fetchCalls = t.mock.method(globalThis, 'fetch');
    const gone = await serve(() => {});
    gone.close();
    const { wpay, store } = withToken(gone.url);
    await seed(store);
    await assert.rejects(
      wpay.payments.retrieve({ trxNo: 'TRX1' }),
      (error: unknown) => error instanceof WPayNetworkError && error.notSent,
    );
    assert.equal(fetchCalls.mock.callCount(), 0, 'through node:http, not fetch');
  });

  it('lets the process exit once its calls are done (idle sockets hold nothing)', async () => {
    const child = spawn(
      process.execPath,
      [
        '--conditions=@wpay/source',
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import { WPay } from ${JSON.stringify(new URL('../wpay.ts', import.meta.url).href)};
         const wpay = new WPay({ ...${JSON.stringify(sb.credentials)}, baseUrl: ${JSON.stringify(sb.url)} });
         await wpay.checkout.create({ mchOrderNo: 'exit_${Date.now()}', amount: '1.00', currency: 'USD',
           payMode: 'ONETIME', successUrl: 'https://shop.example/ok', cancelUrl: 'https://shop.example/c' });
         console.log('created');`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    const killer = setTimeout(() => child.kill(), 60_000);
    const [code] = await once(child, 'exit');
    clearTimeout(killer);
    assert.equal(out.trim(), 'created');
    assert.equal(code, 0, 'exited by itself, not killed');
  });
});
