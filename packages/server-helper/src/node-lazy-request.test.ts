import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { after, describe, it } from 'node:test';
import { readLimited } from './handlers/read-limited.js';
import { toNodeHandler } from './node.js';
import { LAZY_REQUESTS } from './node-lazy-request.js';

const servers: Server[] = [];
after(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

/** Serves `handler` through `toNodeHandler`, answering its string (or Response) result. */
async function serve(handler: (request: Request) => Promise<string | Response>): Promise<string> {
  const server = createServer(
    toNodeHandler(async (request) => {
      const answer = await handler(request);
      return answer instanceof Response ? answer : new Response(answer);
    }),
  );
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Sends raw header pairs (repeats and odd spacing kept) with node:http; resolves the answer. */
function rawPost(url: string, headers: string[], body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('when the node adapter hands a handler an unread body', () => {
  it('runs on a runtime whose Request accepts the lazy request', () => {
    assert.equal(LAZY_REQUESTS, true);
  });

  it('is a Request with the method, the URL and the headers received', async () => {
    const base = await serve(async (request) =>
      JSON.stringify({
        isRequest: request instanceof Request,
        isHeaders: request.headers instanceof Headers,
        method: request.method,
        url: request.url,
        custom: request.headers.get('X-Custom'),
        missing: request.headers.get('x-missing'),
        has: request.headers.has('x-custom'),
        all: [...request.headers].filter(([name]) => name.startsWith('x-')),
      }),
    );
    const res = await fetch(`${base}/a/b?x=1&y=%20`, {
      method: 'POST',
      headers: { 'x-custom': 'yes', 'x-other': 'two' },
      body: 'x',
    });
    assert.deepEqual(await res.json(), {
      isRequest: true,
      isHeaders: true,
      method: 'POST',
      url: `${base}/a/b?x=1&y=%20`,
      custom: 'yes',
      missing: null,
      has: true,
      all: [
        ['x-custom', 'yes'],
        ['x-other', 'two'],
      ],
    });
  });

  it('reads repeated and padded headers as Headers would', async () => {
    const pairs = ['X-Twice', 'one', 'x-twice', ' two\t'];
    const base = await serve(async (request) =>
      JSON.stringify([request.headers.get('x-twice'), new Headers(request.headers).get('x-twice')]),
    );
    const seen = JSON.parse(await rawPost(base, ['host', 'shop.test', ...pairs], ''));
    const web = new Headers([
      ['X-Twice', 'one'],
      ['x-twice', ' two\t'],
    ]).get('x-twice');
    assert.deepEqual(seen, [web, web]);
  });

  it('never takes the origin of its URL from anything but Host (X-Forwarded-* needs trustProxy)', async () => {
    const base = await serve(async (request) => request.url);
    const seen = await rawPost(
      `${base}/p`,
      ['host', 'shop.test', 'x-forwarded-host', 'evil.example', 'x-forwarded-proto', 'https'],
      '',
    );
    assert.equal(seen, 'http://shop.test/p');
  });

  it('reads the body straight off the socket, byte for byte, once', async () => {
    const base = await serve(async (request) => {
      const bytes = await readLimited(request, 100);
      const again = await readLimited(request, 100).catch((error: Error) => error.name);
      const text = await request.text().catch((error: Error) => error.name);
      return JSON.stringify({
        hex: Buffer.from(bytes ?? []).toString('hex'),
        again,
        text,
        used: request.bodyUsed,
      });
    });
    const bytes = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x41]);
    const res = await fetch(base, { method: 'POST', body: bytes });
    assert.deepEqual(await res.json(), {
      hex: bytes.toString('hex'),
      again: 'TypeError',
      text: 'TypeError',
      used: true,
    });
  });

  it('refuses a chunked body past the limit without reading the rest, and closes the connection', async () => {
    let refused: boolean | undefined;
    const base = await serve(async (request) => {
      refused = (await readLimited(request, 10)) === undefined;
      return new Response('too large', { status: 413 });
    });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('x'.repeat(8)));
        controller.enqueue(new TextEncoder().encode('x'.repeat(8)));
        controller.close();
      },
    });
    const res = await fetch(base, { method: 'POST', body, duplex: 'half' } as RequestInit);
    assert.equal(res.status, 413);
    assert.equal(res.headers.get('connection'), 'close');
    assert.equal(refused, true);
  });

  it('gives the body to a clone made before it is read, and to the original', async () => {
    const base = await serve(async (request) => {
      const copy = request.clone();
      const bytes = await readLimited(request, 100);
      return `${new TextDecoder().decode(bytes)}|${await copy.text()}`;
    });
    const res = await fetch(base, { method: 'POST', body: '{"a":1}' });
    assert.equal(await res.text(), '{"a":1}|{"a":1}');
  });

  it('can be copied with new Request(request, init), body and headers included', async () => {
    const base = await serve(async (request) => {
      const copy = new Request(request, { headers: { 'x-added': 'yes' } });
      return `${copy.method} ${copy.headers.get('x-added')} ${await copy.text()}`;
    });
    const res = await fetch(base, { method: 'POST', body: 'sku=tee' });
    assert.equal(await res.text(), 'POST yes sku=tee');
  });

  it('parses its body as the Body methods do when read through them', async () => {
    const base = await serve(async (request) => JSON.stringify(await request.json()));
    const res = await fetch(base, { method: 'POST', body: '{"sku":"tee"}' });
    assert.deepEqual(await res.json(), { sku: 'tee' });
  });
});

// These guard against a hang, not a duration: without the abort the test would never finish.
const HANG_GUARD = { timeout: 20_000 };

describe('when the client leaves', HANG_GUARD, () => {
  it('aborts the signal once the connection closes before the answer, body read or not', async () => {
    let arrived: () => void = () => {};
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    let aborted: (value: boolean) => void = () => {};
    const abort = new Promise<boolean>((resolve) => (aborted = resolve));
    const base = await serve(async (request) => {
      await readLimited(request, 100);
      request.signal.addEventListener('abort', () => aborted(request.signal.aborted));
      arrived();
      return new Promise<string>(() => {}); // the answer never comes
    });
    const req = httpRequest(base, { method: 'POST' });
    req.on('error', () => {});
    req.end('{"sku":"tee"}');
    await arrival;
    req.destroy();
    assert.equal(await abort, true);
  });

  it('aborts a signal first asked for after the client left', async () => {
    let arrived: (request: Request) => void = () => {};
    const arrival = new Promise<Request>((resolve) => (arrived = resolve));
    const base = await serve(async (request) => {
      arrived(request);
      return new Promise<string>(() => {});
    });
    const server = servers.at(-1) as Server;
    const connected = once(server, 'connection') as Promise<[Socket]>;
    const req = httpRequest(base, { method: 'POST' });
    req.on('error', () => {});
    req.end('x');
    const [socket] = await connected;
    const request = await arrival;
    req.destroy();
    if (!socket.closed) await once(socket, 'close'); // every close listener has run by then
    assert.equal(request.signal.aborted, true);
  });

  it('leaves the signal alone when the answer was written', async () => {
    let seen: Request | undefined;
    const base = await serve(async (request) => {
      seen = request;
      void request.signal; // watched from the start
      return 'ok';
    });
    const res = await fetch(base, { method: 'POST', body: 'x' });
    assert.equal(await res.text(), 'ok');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(seen?.signal.aborted, false);
  });
});
