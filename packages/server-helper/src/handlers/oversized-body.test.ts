import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import * as z from 'zod';
import { toNodeHandler } from '../node.js';
import { createWebhooks } from '../webhooks/create-webhooks.js';
import { createCheckoutHandler } from './checkout-handler.js';
import type { CheckoutClient } from './handler-client.js';
import { readLimited } from './read-limited.js';
import { createWebhookHandler } from './webhook-handler.js';

// These tests guard against a hang, not a duration: without the fix they never finish, and the
// generous timeout turns that into a failure instead of a stuck suite.
const HANG_GUARD = { timeout: 20_000 };
const CHUNK = 64 * 1024;
const THREE_MB = 3 * 1024 * 1024;
const SHOP = 'https://shop.example';

/** A body that yields `total` bytes (or never ends), counting how many bytes were pulled. */
function countingStream(total = Number.POSITIVE_INFINITY) {
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= total) return controller.close();
      pulled.bytes += CHUNK;
      controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
    },
  });
  return { stream, pulled };
}

function streamedPost(stream: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return new Request(`${SHOP}/api/x`, {
    method: 'POST',
    headers: { origin: SHOP, 'content-type': 'application/json', ...headers },
    body: stream,
    duplex: 'half',
  } as RequestInit);
}

const client: CheckoutClient = {
  checkout: { create: async () => ({ trxNo: 'TRX1', redirectUrl: 'https://pay.example/1' }) },
};

const checkout = createCheckoutHandler(client, {
  body: z.object({ sku: z.string() }),
  resolveOrder: () => ({ mchOrderNo: 'order_1', amount: '1.00', currency: 'USD' }),
  successUrl: `${SHOP}/thanks`,
  cancelUrl: `${SHOP}/cart`,
  publicUrl: SHOP,
});
const webhook = createWebhookHandler(createWebhooks({ signKey: 'whsec_test' }), {});

describe('when the body of a cloned Request is larger than the limit', () => {
  it(
    'refuses at once and stops pulling the source, though the clone is never read',
    HANG_GUARD,
    async () => {
      const { stream, pulled } = countingStream(THREE_MB);
      const request = streamedPost(stream);
      const clone = request.clone(); // the caller keeps the clone and never reads it
      assert.equal(await readLimited(request, 100_000), undefined);
      assert.ok(pulled.bytes < THREE_MB, `pulled ${pulled.bytes} of ${THREE_MB} bytes`);
      assert.equal(clone.bodyUsed, false);
    },
  );

  it('refuses a body that never ends', HANG_GUARD, async () => {
    const { stream } = countingStream();
    const request = streamedPost(stream);
    request.clone();
    assert.equal(await readLimited(request, 100_000), undefined);
  });

  it('refuses a tee’d body read from either branch', HANG_GUARD, async () => {
    const { stream } = countingStream(THREE_MB);
    const [mine, theirs] = stream.tee();
    assert.equal(await readLimited(streamedPost(mine), 100_000), undefined);
    assert.equal(theirs.locked, false);
  });

  for (const [name, handler] of [
    ['checkout', checkout],
    ['webhook', webhook],
  ] as const) {
    it(`the ${name} handler answers 413 to a cloned 3 MB Request`, HANG_GUARD, async () => {
      const { stream } = countingStream(THREE_MB);
      const request = streamedPost(stream);
      request.clone();
      const res = await handler(request);
      assert.equal(res.status, 413);
      assert.equal(
        ((await res.json()) as { error: { code: string } }).error.code,
        'body_too_large',
      );
    });
  }
});

const servers: Server[] = [];
after(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

/** Posts 3 MB chunked (no Content-Length) with node:http, resolving with the status answered. */
async function postChunked(base: string, total: number): Promise<number> {
  const req = httpRequest(`${base}/api/x`, {
    method: 'POST',
    headers: { origin: SHOP, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
  });
  const answered = once(req, 'response').then(([res]) => {
    res.resume();
    return res.statusCode as number;
  });
  req.on('error', () => {}); // the server may close the socket while we still upload
  let sent = 0;
  const writeMore = () => {
    while (sent < total) {
      sent += CHUNK;
      if (!req.write(Buffer.alloc(CHUNK, 0x20))) return void req.once('drain', writeMore);
    }
    req.end();
  };
  writeMore();
  return answered;
}

describe('when a node:http server clones every request (as the demo did) and 3 MB arrive chunked', () => {
  for (const [name, handler] of [
    ['checkout', checkout],
    ['webhook', webhook],
  ] as const) {
    it(`the ${name} handler answers 413, request after request`, HANG_GUARD, async () => {
      const server = createServer(
        toNodeHandler((request) => {
          request.clone(); // made, never read
          return handler(request);
        }),
      );
      servers.push(server);
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push(await postChunked(base, THREE_MB));
      assert.deepEqual(statuses, [413, 413, 413]);
    });
  }
});
