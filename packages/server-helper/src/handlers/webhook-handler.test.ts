import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Logger } from '../logger.js';
import type { ClaimStore } from '../stores/claim-store.js';
import { MemoryClaimStore } from '../stores/memory-claim-store.js';
import { createWebhooks } from '../webhooks/create-webhooks.js';
import { signWebhook } from '../webhooks/sign-webhook.js';
import type { WebhookEvent } from '../webhooks/webhook-event.js';
import { createWebhookHandler, type WebhookHandlerOptions } from './webhook-handler.js';

const signKey = 'whsec_test_key';
const NOW = 1_760_000_000_000;
const now = () => NOW;
const webhooks = createWebhooks({ signKey, now });

function eventBody(
  eventId = 'evt_1',
  eventType = 'credit_card.order.paid',
  data: unknown = { trxNo: 'TRX1', status: 'PAID' },
) {
  return JSON.stringify({ eventId, eventType, createTime: '2026-04-23T10:00:00', data });
}

async function delivery(body: string, { key = signKey, timestamp = NOW } = {}): Promise<Request> {
  const { headers } = await signWebhook(body, { signKey: key, timestamp });
  return new Request('https://shop.example/api/wpay/webhook', {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body,
  });
}

function handlerWith(options: WebhookHandlerOptions = {}) {
  return createWebhookHandler(webhooks, { pollIntervalMs: 5, ...options });
}

describe('when WPay delivers a correctly signed event', () => {
  it('runs the handler of its type with the typed event and acknowledges 200 SUCCESS', async () => {
    const seen: string[] = [];
    const handler = handlerWith({
      on: { 'credit_card.order.paid': (event) => void seen.push(event.data.trxNo) },
    });
    const res = await handler(await delivery(eventBody()));
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'SUCCESS');
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
    assert.deepEqual(seen, ['TRX1']);
  });

  it('acknowledges a known type that has no handler', async () => {
    const res = await handlerWith()(
      await delivery(eventBody('evt_2', 'credit_card.order.expired')),
    );
    assert.equal(res.status, 200);
  });

  it('passes an unknown event type to onUnknown and acknowledges it', async () => {
    const unknown: string[] = [];
    const handler = handlerWith({ onUnknown: (event) => void unknown.push(event.eventType) });
    const res = await handler(
      await delivery(eventBody('evt_3', 'credit_card.dispute.opened', { any: 1 })),
    );
    assert.equal(res.status, 200);
    assert.deepEqual(unknown, ['credit_card.dispute.opened']);
  });
});

describe('when the same event arrives more than once', () => {
  it('handles a redelivered event once and acknowledges every delivery', async () => {
    let runs = 0;
    const handler = handlerWith({ on: { 'credit_card.order.paid': () => void runs++ } });
    for (let i = 0; i < 3; i++) {
      const res = await handler(await delivery(eventBody('evt_dup')));
      assert.equal(res.status, 200);
    }
    assert.equal(runs, 1);
  });

  it('runs the handler once for concurrent duplicate deliveries', async () => {
    let runs = 0;
    const handler = handlerWith({
      on: {
        'credit_card.order.paid': async () => {
          runs++;
          await new Promise((resolve) => setTimeout(resolve, 50));
        },
      },
    });
    const requests = await Promise.all(
      Array.from({ length: 5 }, () => delivery(eventBody('evt_c'))),
    );
    const answers = await Promise.all(requests.map((r) => handler(r)));
    assert.deepEqual(
      answers.map((r) => r.status),
      [200, 200, 200, 200, 200],
    );
    assert.equal(runs, 1);
  });

  it('answers 409 to a duplicate whose first delivery is still running after duplicateWaitMs', async () => {
    let finish = () => {};
    const handler = handlerWith({
      duplicateWaitMs: 20,
      on: { 'credit_card.order.paid': () => new Promise<void>((resolve) => (finish = resolve)) },
    });
    const first = handler(await delivery(eventBody('evt_slow')));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await handler(await delivery(eventBody('evt_slow')));
    assert.equal(second.status, 409);
    finish();
    assert.equal((await first).status, 200);
  });

  it('handles every event again when dedupe is false', async () => {
    let runs = 0;
    const handler = handlerWith({
      dedupe: false,
      on: { 'credit_card.order.paid': () => void runs++ },
    });
    await handler(await delivery(eventBody('evt_nd')));
    await handler(await delivery(eventBody('evt_nd')));
    assert.equal(runs, 2);
  });
});

describe("when the merchant's handler throws", () => {
  it('answers 500 so WPay retries, reports it, and handles the redelivery', async () => {
    let attempts = 0;
    const errors: Array<{ error: unknown; event: WebhookEvent }> = [];
    const logged: string[] = [];
    const logger: Logger = { warn() {}, error: (m) => logged.push(m) };
    const handler = handlerWith({
      logger,
      onError: (error, event) => void errors.push({ error, event }),
      on: {
        'credit_card.order.paid': () => {
          attempts++;
          if (attempts === 1) throw new Error('database down');
        },
      },
    });
    const first = await handler(await delivery(eventBody('evt_f')));
    assert.equal(first.status, 500);
    assert.ok(!(await first.text()).includes('database down'));
    assert.equal(errors[0]?.event.eventId, 'evt_f');
    assert.equal(logged.length, 1);
    const retry = await handler(await delivery(eventBody('evt_f')));
    assert.equal(retry.status, 200);
    assert.equal(attempts, 2);
  });
});

describe('when the delivery is not a valid WPay webhook', () => {
  it('answers 401 to a forged signature, without running anything', async () => {
    let runs = 0;
    const handler = handlerWith({ on: { 'credit_card.order.paid': () => void runs++ } });
    const res = await handler(await delivery(eventBody(), { key: 'attacker-key' }));
    assert.equal(res.status, 401);
    assert.equal((await res.json()).error.code, 'signature_mismatch');
    assert.equal(runs, 0);
  });

  it('answers 401 to a stale delivery (replay) and to one from the future', async () => {
    const handler = handlerWith();
    const old = await handler(await delivery(eventBody(), { timestamp: NOW - 180_000 }));
    assert.equal(old.status, 401);
    assert.equal((await old.json()).error.code, 'timestamp_too_old');
    const future = await handler(await delivery(eventBody(), { timestamp: NOW + 180_000 }));
    assert.equal((await future.json()).error.code, 'timestamp_in_future');
  });

  it('answers 401 to a tampered body', async () => {
    const good = await delivery(eventBody());
    const tampered = new Request(good.url, {
      method: 'POST',
      headers: good.headers,
      body: eventBody('evt_1', 'credit_card.order.paid', { trxNo: 'TRX999', status: 'PAID' }),
    });
    assert.equal((await handlerWith()(tampered)).status, 401);
  });

  it('answers 401 without signature headers', async () => {
    const res = await handlerWith()(
      new Request('https://shop.example/hook', { method: 'POST', body: eventBody() }),
    );
    assert.equal(res.status, 401);
    assert.equal((await res.json()).error.code, 'missing_header');
  });

  it('answers 400 to a correctly signed body that is not an event', async () => {
    const res = await handlerWith()(await delivery('{"hello":"world"}'));
    assert.equal(res.status, 400);
    assert.equal((await res.json()).error.code, 'invalid_event');
  });

  it('answers 405 to anything but POST', async () => {
    const res = await handlerWith()(new Request('https://shop.example/hook'));
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'POST');
  });

  it('answers 413 to a body above maxBodyBytes', async () => {
    const res = await handlerWith({ maxBodyBytes: 50 })(await delivery(eventBody()));
    assert.equal(res.status, 413);
  });
});

describe('when the dedupe store is shared', () => {
  it('handles an event once across two handlers (two server instances)', async () => {
    const dedupe = new MemoryClaimStore();
    let runs = 0;
    const on = { 'credit_card.order.paid': () => void runs++ };
    const a = handlerWith({ dedupe, on });
    const b = handlerWith({ dedupe, on });
    assert.equal((await a(await delivery(eventBody('evt_s')))).status, 200);
    assert.equal((await b(await delivery(eventBody('evt_s')))).status, 200);
    assert.equal(runs, 1);
  });
});

/** A store that fails the first `failures` writes of `done` (a Redis blip after the handler ran). */
function flakyDoneStore(failures: number) {
  const inner = new MemoryClaimStore();
  const writes = { done: 0, failed: 0 };
  const store: ClaimStore = {
    async claim(eventId, options) {
      const claim = await inner.claim(eventId, options);
      if (claim.state !== 'claimed') return claim;
      return {
        ...claim,
        complete: async () => {
          writes.done++;
          if (writes.failed < failures) {
            writes.failed++;
            throw new Error('redis: connection reset');
          }
          return claim.complete();
        },
      };
    },
  };
  return { store, writes };
}

function recordingLogger() {
  const lines: Array<{
    level: string;
    message: string;
    details: Record<string, unknown> | undefined;
  }> = [];
  const logger: Logger = {
    warn: (message, details) => void lines.push({ level: 'warn', message, details }),
    error: (message, details) => void lines.push({ level: 'error', message, details }),
  };
  return { logger, lines };
}

describe('when the dedupe store fails to record an event as done after the handler succeeded', () => {
  it('answers 200, logs the failure, and retries the write so a redelivery does not run it again', async () => {
    const { store, writes } = flakyDoneStore(2);
    const { logger, lines } = recordingLogger();
    let runs = 0;
    const handler = handlerWith({
      dedupe: store,
      logger,
      recordRetryDelaysMs: [0, 0, 0],
      on: { 'credit_card.order.paid': () => void runs++ },
    });
    const first = await handler(await delivery(eventBody('evt_rec')));
    assert.equal(first.status, 200);
    assert.equal(await first.text(), 'SUCCESS');
    assert.equal(writes.done, 3);
    assert.ok(
      lines.some((line) => /record/.test(line.message) && line.details?.eventId === 'evt_rec'),
    );
    const again = await handler(await delivery(eventBody('evt_rec')));
    assert.equal(again.status, 200);
    assert.equal(runs, 1);
  });

  it('gives up after the bounded retries, still answering 200, and says so in the log', async () => {
    const { store, writes } = flakyDoneStore(Number.POSITIVE_INFINITY);
    const { logger, lines } = recordingLogger();
    const handler = handlerWith({ dedupe: store, logger, recordRetryDelaysMs: [0, 0] });
    const res = await handler(await delivery(eventBody('evt_lost')));
    assert.equal(res.status, 200);
    assert.equal(writes.done, 3);
    const last = lines.at(-1);
    assert.equal(last?.level, 'error');
    assert.match(last?.message ?? '', /not recorded/);
    assert.doesNotMatch(JSON.stringify(lines), /connection reset.*stack/);
  });
});

describe('when the dedupe store is down', () => {
  it('answers 503 before running anything, so WPay retries later', async () => {
    const { logger, lines } = recordingLogger();
    let runs = 0;
    const handler = handlerWith({
      logger,
      dedupe: {
        async claim() {
          throw new Error('redis: ECONNREFUSED 10.0.0.7:6379');
        },
      },
      on: { 'credit_card.order.paid': () => void runs++ },
    });
    const res = await handler(await delivery(eventBody('evt_down')));
    assert.equal(res.status, 503);
    const text = await res.text();
    assert.equal(JSON.parse(text).error.code, 'dedupe_unavailable');
    assert.doesNotMatch(text, /ECONNREFUSED|10\.0\.0\.7/);
    assert.equal(runs, 0);
    assert.equal(lines.length, 1);
  });

  it('still answers 500 when releasing the claim fails after the handler threw', async () => {
    const inner = new MemoryClaimStore();
    const handler = handlerWith({
      dedupe: {
        async claim(eventId, options) {
          const claim = await inner.claim(eventId, options);
          if (claim.state !== 'claimed') return claim;
          return {
            ...claim,
            release: async () => {
              throw new Error('redis down');
            },
          };
        },
      },
      on: {
        'credit_card.order.paid': () => {
          throw new Error('db down');
        },
      },
    });
    const res = await handler(await delivery(eventBody('evt_rel')));
    assert.equal(res.status, 500);
    assert.equal((await res.json()).error.code, 'handler_failed');
  });
});

describe('when the request body cannot be read', () => {
  it('answers 400 to a body the client broke off, instead of throwing', async () => {
    const { headers } = await signWebhook(eventBody(), { signKey, timestamp: NOW });
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('socket hang up'));
      },
    });
    const request = new Request('https://shop.example/hook', {
      method: 'POST',
      headers,
      body,
      duplex: 'half',
    } as RequestInit);
    const res = await handlerWith()(request);
    assert.equal(res.status, 400);
    assert.equal((await res.json()).error.code, 'body_unreadable');
  });
});
