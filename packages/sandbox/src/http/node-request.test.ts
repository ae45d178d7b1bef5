import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { NodeRequest } from './node-request.js';
import { BodyTooLargeError, readBody } from './read-body.js';

/** A server that hands each request to `handle` as a NodeRequest and answers what it returns. */
async function serve(handle: (request: NodeRequest, res: ServerResponse) => Promise<string>) {
  const server = createServer((req, res) => {
    const request = new NodeRequest(req, `http://sandbox.test${req.url ?? '/'}`);
    res.once('close', () => request.gone());
    handle(request, res).then(
      (text) => res.end(text),
      (error: Error) => res.writeHead(500).end(`${error.name}: ${error.message}`),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

describe('when the node adapter hands the core a NodeRequest', () => {
  let handle: (request: NodeRequest, res: ServerResponse) => Promise<string>;
  let server: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    server = await serve((request, res) => handle(request, res));
  });
  after(() => server.close());

  it('is a Request with the method, URL and headers received', async () => {
    handle = async (request) =>
      JSON.stringify({
        isRequest: request instanceof Request,
        isHeaders: request.headers instanceof Headers,
        method: request.method,
        url: request.url,
        custom: request.headers.get('X-Custom'),
        missing: request.headers.get('x-missing'),
        has: request.headers.has('x-custom'),
      });
    const answer = await fetch(`${server.url}/a/b?x=1&y=%20`, { headers: { 'x-custom': 'yes' } });
    assert.deepEqual(await answer.json(), {
      isRequest: true,
      isHeaders: true,
      method: 'GET',
      url: 'http://sandbox.test/a/b?x=1&y=%20',
      custom: 'yes',
      missing: null,
      has: true,
    });
  });

  it('spells a URL that is not plain as the URL parser does', async () => {
    handle = async (request) => request.url;
    const answer = await fetch(`${server.url}/a/./b/../c?q=it's`);
    assert.equal(await answer.text(), new URL("http://sandbox.test/a/c?q=it's").href);
  });

  it('reads repeated and padded headers as Headers would', async () => {
    handle = async (request) =>
      JSON.stringify({
        ours: request.headers.get('x-twice'),
        web: new Headers(pairs).get('x-twice'),
      });
    const pairs: [string, string][] = [
      ['X-Twice', 'one'],
      ['x-twice', ' two '],
    ];
    const body = await new Promise<string>((resolve, reject) => {
      const headers = ['host', 'sandbox.test', ...pairs.flat()]; // raw: no Host added
      const req = httpRequest(`${server.url}/`, { headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.end();
    });
    const { ours, web } = JSON.parse(body) as { ours: string; web: string };
    assert.equal(ours, 'one, two');
    assert.equal(ours, web);
  });

  it('reads the body straight from the socket, byte for byte', async () => {
    handle = async (request) =>
      Buffer.from(await readBody(request as unknown as Request, 100)).toString('hex');
    const bytes = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x41]);
    const answer = await fetch(server.url, { method: 'POST', body: bytes });
    assert.equal(await answer.text(), bytes.toString('hex'));
  });

  it('refuses a body past the limit, even with no Content-Length', async () => {
    handle = async (request) => {
      await readBody(request as unknown as Request, 10);
      return 'read';
    };
    const chunks = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('x'.repeat(8)));
        controller.enqueue(new TextEncoder().encode('x'.repeat(8)));
        controller.close();
      },
    });
    const answer = await fetch(server.url, {
      method: 'POST',
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    assert.equal(await answer.text(), `${BodyTooLargeError.name}: body: larger than 10 bytes`);
  });

  it('gives a real Request the body when asked for something else, even after a direct read', async () => {
    handle = async (request) => {
      const direct = Buffer.from(await readBody(request as unknown as Request, 100)).toString();
      const form = await (request as unknown as Request).formData();
      return `${direct}|${form.get('a')}`;
    };
    const answer = await fetch(server.url, {
      method: 'POST',
      body: new URLSearchParams({ a: 'b' }),
    });
    assert.equal(await answer.text(), 'a=b|b');
  });

  it('reads the body through the real Request once one is built', async () => {
    handle = async (request) => {
      const copy = (request as unknown as Request).clone();
      const raw = Buffer.from(await readBody(request as unknown as Request, 100)).toString();
      return `${raw}|${await copy.text()}`;
    };
    const answer = await fetch(server.url, { method: 'POST', body: '{"a":1}' });
    assert.equal(await answer.text(), '{"a":1}|{"a":1}');
  });

  it('aborts a signal first asked for after the client went away', async () => {
    let received: () => void = () => {};
    const arrived = new Promise<void>((resolve) => (received = resolve));
    let left: (request: NodeRequest) => void = () => {};
    const gone = new Promise<NodeRequest>((resolve) => (left = resolve));
    handle = (request, res) =>
      new Promise<string>(() => {
        res.once('close', () => left(request)); // after the adapter's own close listener
        received();
      });
    const gaveUp = new AbortController();
    const call = fetch(server.url, { signal: gaveUp.signal }).catch(() => 'aborted');
    await arrived;
    gaveUp.abort();
    assert.equal(await call, 'aborted');
    const request = await gone;
    assert.equal(request.signal.aborted, true);
  });
});
