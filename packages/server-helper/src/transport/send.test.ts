import assert from 'node:assert/strict';
import { AsyncLocalStorage } from 'node:async_hooks';
import { describe, it } from 'node:test';
import { WPayTimeoutError } from '../errors.js';
import { resolveOptions, type WPayRequestEvent, type WPayResponseEvent } from '../options.js';
import type { TransportContext } from './context.js';
import { type Attempt, sendAttempt } from './send.js';
import { createSigner } from './sign.js';

const SECRET = 'the-api-secret';

const answering: typeof fetch = async () =>
  new Response(JSON.stringify({ retcode: '200', retdata: { note: `echo ${SECRET}` } }), {
    headers: { 'content-type': 'application/json', SIGNATURE: 'response-signature' },
  });

/** A WPay that never answers: the request ends only when its signal aborts. */
const hanging: typeof fetch = (_input, init) =>
  new Promise((_resolve, reject) => {
    const signal = init?.signal;
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

/** Active timers that keep this process alive. */
const refTimers = () =>
  process.getActiveResourcesInfo().filter((type) => type === 'Timeout').length;

function contextWith(hooks: TransportContext['hooks'], fetch: typeof globalThis.fetch = answering) {
  const scrubbed: string[] = [];
  const resolved = resolveOptions({
    apiKey: 'key',
    apiSecret: SECRET,
    signKey: 'sign-key',
    baseUrl: 'https://wpay.test',
    fetch,
  });
  const ctx: TransportContext = {
    ...resolved,
    hooks,
    basePath: '',
    signer: createSigner('sign-key'),
    scrub: (text) => {
      scrubbed.push(text);
      return text.replaceAll(SECRET, '[REDACTED]');
    },
  };
  return { ctx, scrubbed };
}

const ATTEMPT: Attempt = {
  kind: 'api',
  path: '/checkout/w-payment/hpp',
  url: 'https://wpay.test/checkout/w-payment/hpp',
  headers: { Authorization: 'Bearer token-1', SIGNATURE: 'request-signature' },
  body: '{"mchOrderNo":"order_1","description":"a tee"}',
  bodyForHooks: { mchOrderNo: 'order_1', description: 'a tee' },
  attempt: 1,
  timeoutMs: 1_000,
};

describe('when an attempt is sent', () => {
  it('builds no hook event when no hook listens: nothing is redacted or scrubbed', async () => {
    const { ctx, scrubbed } = contextWith({});
    const answer = await sendAttempt(ctx, ATTEMPT);
    assert.equal(answer.status, 200);
    assert.deepEqual(scrubbed, []);
  });

  it('gives onRequest and onResponse events with secrets redacted and scrubbed', async () => {
    const requests: WPayRequestEvent[] = [];
    const responses: WPayResponseEvent[] = [];
    const { ctx } = contextWith({
      onRequest: (event) => requests.push(event),
      onResponse: (event) => responses.push(event),
    });
    await sendAttempt(ctx, ATTEMPT);
    assert.equal(requests.length, 1);
    assert.deepEqual(requests[0]?.body, { mchOrderNo: 'order_1', description: 'a tee' });
    assert.equal(requests[0]?.headers.authorization, 'Bearer [REDACTED]');
    assert.equal(requests[0]?.headers.signature, '[REDACTED]');
    assert.equal(responses.length, 1);
    assert.deepEqual(responses[0]?.body, { retcode: '200', retdata: { note: 'echo [REDACTED]' } });
    assert.equal(responses[0]?.headers.signature, '[REDACTED]');
  });

  it('builds only the event whose hook listens', async () => {
    const responses: WPayResponseEvent[] = [];
    const { ctx, scrubbed } = contextWith({ onResponse: (event) => responses.push(event) });
    await sendAttempt(ctx, ATTEMPT);
    assert.equal(responses.length, 1);
    assert.ok(!scrubbed.includes('a tee'), 'the request body was scrubbed for no listener');
  });
});

describe('when an attempt times out', () => {
  it('aborts a hung attempt with WPayTimeoutError', async () => {
    const { ctx } = contextWith({}, hanging);
    await assert.rejects(sendAttempt(ctx, { ...ATTEMPT, timeoutMs: 20 }), (error: unknown) => {
      assert.ok(error instanceof WPayTimeoutError);
      assert.equal(error.timeoutMs, 20);
      assert.equal(error.path, ATTEMPT.path);
      return true;
    });
  });

  it('aborts a hung attempt with WPayTimeoutError when the caller gave a signal too', async () => {
    const { ctx } = contextWith({}, hanging);
    const caller = new AbortController();
    await assert.rejects(
      sendAttempt(ctx, { ...ATTEMPT, timeoutMs: 20, signal: caller.signal }),
      WPayTimeoutError,
    );
  });

  it('throws the caller’s abort reason when the caller aborts first', async () => {
    const { ctx } = contextWith({}, hanging);
    const caller = new AbortController();
    const call = sendAttempt(ctx, { ...ATTEMPT, timeoutMs: 60_000, signal: caller.signal });
    caller.abort(new Error('the shopper left'));
    await assert.rejects(call, /the shopper left/);
  });

  it("runs a shop's fetch abort listener in its own call's async context", async () => {
    // Two calls of the same deadline (one shared slot, were it shared) in two request contexts.
    const request = new AsyncLocalStorage<string>();
    const seen: string[] = [];
    const telling: typeof fetch = (_input, init) => {
      const call = request.getStore();
      return new Promise((_resolve, reject) => {
        const signal = init?.signal;
        signal?.addEventListener(
          'abort',
          () => {
            seen.push(`${call} aborted in ${request.getStore()}`);
            reject(signal.reason);
          },
          { once: true },
        );
      });
    };
    const { ctx } = contextWith({}, telling);
    await Promise.all(
      ['call A', 'call B'].map((call) =>
        request.run(call, () =>
          assert.rejects(sendAttempt(ctx, { ...ATTEMPT, timeoutMs: 500 }), WPayTimeoutError),
        ),
      ),
    );
    assert.deepEqual(seen.sort(), ['call A aborted in call A', 'call B aborted in call B']);
  });

  it('leaves no timer keeping the process alive once the attempt has ended', async () => {
    const before = refTimers();
    const { ctx } = contextWith({});
    await sendAttempt(ctx, { ...ATTEMPT, timeoutMs: 60_000 });
    assert.equal(refTimers(), before);
    const caller = new AbortController();
    await sendAttempt(ctx, { ...ATTEMPT, timeoutMs: 60_000, signal: caller.signal });
    assert.equal(refTimers(), before);
    const hung = sendAttempt(contextWith({}, hanging).ctx, {
      ...ATTEMPT,
      timeoutMs: 60_000,
      signal: caller.signal,
    });
    assert.ok(refTimers() > before, 'the attempt in flight holds its timeout');
    caller.abort(new Error('done'));
    await assert.rejects(hung, /done/);
    assert.equal(refTimers(), before);
  });
});
