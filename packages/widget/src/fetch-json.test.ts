import { expect } from '@open-wc/testing';
import {
  deferred,
  type FetchMock,
  json,
  mockFetch,
  never,
  unreachable,
} from '../test/mock-fetch.js';
import { fetchJson } from './fetch-json.js';
import { WpayRequestError } from './request-error.js';

const init = { method: 'GET' };

async function failure(promise: Promise<unknown>): Promise<WpayRequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WpayRequestError) return error;
    throw error;
  }
  throw new Error('expected a WpayRequestError');
}

describe('fetchJson', () => {
  let server: FetchMock | undefined;
  afterEach(() => {
    server?.restore();
    server = undefined;
  });

  it('returns the parsed JSON body of a 2xx answer', async () => {
    server = mockFetch(() => json({ ok: true }, 201));
    expect(await fetchJson('/x', { init, timeout: 1000 })).to.deep.equal({ ok: true });
  });

  it('fails with network when fetch rejects', async () => {
    server = mockFetch(unreachable);
    expect((await failure(fetchJson('/x', { init, timeout: 1000 }))).code).to.equal('network');
  });

  it('fails with timeout, and aborts the request, when no answer comes in time', async () => {
    const mock = mockFetch(() => never());
    server = mock;
    expect((await failure(fetchJson('/x', { init, timeout: 20 }))).code).to.equal('timeout');
    expect(mock.calls[0]?.signal?.aborted).to.equal(true);
  });

  it('fails with aborted when the caller’s signal aborts', async () => {
    server = mockFetch(() => never());
    const controller = new AbortController();
    const pending = fetchJson('/x', { init, timeout: 10_000, signal: controller.signal });
    controller.abort();
    expect((await failure(pending)).code).to.equal('aborted');
  });

  describe('when fetch ignores its signal (a naive wrapper or polyfill)', () => {
    it('still fails with timeout when no answer comes in time', async () => {
      server = mockFetch(() => never(), { ignoreAbort: true });
      expect((await failure(fetchJson('/x', { init, timeout: 20 }))).code).to.equal('timeout');
    });

    it('fails with aborted at once when the caller’s signal aborts, ignoring a later answer', async () => {
      const answer = deferred<Response>();
      server = mockFetch(() => answer.promise, { ignoreAbort: true });
      const controller = new AbortController();
      const pending = fetchJson('/x', { init, timeout: 10_000, signal: controller.signal });
      controller.abort();
      answer.resolve(json({ ok: true }));
      expect((await failure(pending)).code).to.equal('aborted');
    });

    it('fails with timeout when the body never ends', async () => {
      const body = new ReadableStream({ start: (stream) => stream.enqueue(new Uint8Array([123])) });
      server = mockFetch(() => new Response(body), { ignoreAbort: true });
      expect((await failure(fetchJson('/x', { init, timeout: 20 }))).code).to.equal('timeout');
    });
  });

  it('fails with http, carrying the status and the server error, on a non-2xx answer', async () => {
    server = mockFetch(() => json({ error: { code: 'forbidden', message: 'no' } }, 403));
    const error = await failure(fetchJson('/x', { init, timeout: 1000 }));
    expect([error.code, error.status, error.serverError]).to.deep.equal([
      'http',
      403,
      { code: 'forbidden', message: 'no' },
    ]);
  });

  it('fails with invalid-response on a 2xx answer that is not JSON', async () => {
    server = mockFetch(() => new Response('OK'));
    expect((await failure(fetchJson('/x', { init, timeout: 1000 }))).code).to.equal(
      'invalid-response',
    );
  });

  it('keeps no secret of the request in its error', async () => {
    server = mockFetch(() => json({}, 500));
    const error = await failure(
      fetchJson('/x?token=secret', {
        init: { method: 'POST', body: '{"card":"4242"}' },
        timeout: 1000,
      }),
    );
    expect(`${error.message} ${error.stack}`).not.to.contain('secret').and.not.to.contain('4242');
  });
});
