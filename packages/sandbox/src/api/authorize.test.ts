import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Sandbox } from '../index.js';
import {
  checkoutBody,
  HPP,
  responseSignatureValid,
  sandboxWithClient,
  type TestClient,
} from '../test/wpay-client.js';

const DETAIL = '/checkout/w-payment/payments/detail';

describe('when a business call is authenticated and signed', () => {
  let sb: Sandbox;
  let client: TestClient;
  before(async () => ({ sb, client } = await sandboxWithClient()));
  after(() => sb.close());

  it('accepts it', async () => {
    const answer = await client.call(HPP, checkoutBody());
    assert.equal(answer.status, 200);
    assert.equal(answer.json.retcode, '200');
  });

  it('signs the answer over METHOD + TIMESTAMP + PATH + QUERY + body', async () => {
    const answer = await client.call(HPP, checkoutBody(), { query: 'lang=en' });
    assert.equal(answer.json.retcode, '200');
    assert.ok(
      responseSignatureValid(answer, sb.credentials.signKey, {
        method: 'POST',
        path: HPP,
        query: 'lang=en',
      }),
    );
  });

  it('signs refusals too', async () => {
    const answer = await client.call(DETAIL, { trxNo: 'TRX0' });
    assert.equal(answer.status, 404);
    assert.ok(
      responseSignatureValid(answer, sb.credentials.signKey, { method: 'POST', path: DETAIL }),
    );
  });

  it('signs the 404 of an unknown path and the answer of an injected fault', async () => {
    const path = '/checkout/w-payment/nothing';
    const unknown = await client.call(path, {});
    assert.equal(unknown.status, 404);
    assert.ok(responseSignatureValid(unknown, sb.credentials.signKey, { method: 'POST', path }));
    const rule = sb.faults.add({ kind: 'http-5xx', path: DETAIL, times: 1 });
    const faulted = await client.call(DETAIL, { trxNo: 'TRX0' });
    assert.equal(faulted.status, 503);
    assert.ok(
      responseSignatureValid(faulted, sb.credentials.signKey, { method: 'POST', path: DETAIL }),
    );
    sb.faults.remove(rule.id);
  });

  it('verifies the signature over the raw bytes received, spacing included', async () => {
    const raw = `{ "trxNo" : "TRX0" }`;
    const answer = await client.call(DETAIL, undefined, { raw });
    assert.equal(answer.json.retcode, '404');
  });

  it('covers the query string in the signature', async () => {
    const answer = await client.call(HPP, checkoutBody(), { query: 'a=1' });
    assert.equal(answer.json.retcode, '200');
  });
});

describe('when the access token is wrong', () => {
  let sb: Sandbox;
  let client: TestClient;
  before(async () => ({ sb, client } = await sandboxWithClient()));
  after(() => sb.close());

  it('refuses a missing Authorization header with 401/401', async () => {
    const answer = await client.call(HPP, checkoutBody(), { token: null });
    assert.equal(answer.status, 401);
    assert.equal(answer.json.retcode, '401');
    assert.match(String(answer.json.retmsg), /missing access token/);
  });

  it('refuses an unknown token', async () => {
    const answer = await client.call(HPP, checkoutBody(), { token: 'made-up' });
    assert.equal(answer.status, 401);
    assert.match(String(answer.json.retmsg), /unknown access token/);
  });

  it('refuses a token sent without the Bearer scheme', async () => {
    await client.token();
    const answer = await client.call(HPP, checkoutBody(), {
      token: null,
      headers: { authorization: client.accessToken ?? '' },
    });
    assert.equal(answer.status, 401);
  });
});

describe('when the signature headers are wrong', () => {
  let sb: Sandbox;
  let client: TestClient;
  before(async () => ({ sb, client } = await sandboxWithClient()));
  after(() => sb.close());

  it('refuses a missing SIGNATURE header with 00006 naming it', async () => {
    const answer = await client.call(HPP, checkoutBody(), { signature: null });
    assert.equal(answer.status, 401);
    assert.equal(answer.json.retcode, '00006');
    assert.match(String(answer.json.retmsg), /SIGNATURE/);
  });

  it('refuses a missing TIMESTAMP header with 00006 naming it', async () => {
    const answer = await client.call(HPP, checkoutBody(), { timestamp: null, signature: 'x' });
    assert.equal(answer.json.retcode, '00006');
    assert.match(String(answer.json.retmsg), /TIMESTAMP/);
  });

  it('refuses a request signed with another key with 00007', async () => {
    const answer = await client.call(HPP, checkoutBody(), { signKey: 'another-key' });
    assert.equal(answer.status, 401);
    assert.equal(answer.json.retcode, '00007');
    assert.equal(answer.json.retmsg, 'signature mismatch');
  });

  it('refuses a body changed after signing with 00007', async () => {
    const body = checkoutBody();
    const signedFor = JSON.stringify(body);
    const answer = await client.call(HPP, body, {
      raw: JSON.stringify({ ...body, amount: 0.01 }),
      signature: (await import('./signature.js')).signRequest(sb.credentials.signKey, {
        method: 'POST',
        timestamp: String(Date.now()),
        path: HPP,
        query: '',
        body: signedFor,
      }),
    });
    assert.equal(answer.json.retcode, '00007');
  });

  it('refuses a timestamp 3 minutes old with 00009 naming the skew', async () => {
    const answer = await client.call(HPP, checkoutBody(), {
      timestamp: String(Date.now() - 180_000),
    });
    assert.equal(answer.status, 401);
    assert.equal(answer.json.retcode, '00009');
    assert.match(String(answer.json.retmsg), /behind/);
    assert.match(String(answer.json.retmsg), /120000/);
  });

  it('refuses a timestamp 3 minutes ahead with 00009', async () => {
    const answer = await client.call(HPP, checkoutBody(), {
      timestamp: String(Date.now() + 180_000),
    });
    assert.equal(answer.json.retcode, '00009');
    assert.match(String(answer.json.retmsg), /ahead/);
  });

  it('refuses a timestamp in seconds instead of milliseconds with 00009', async () => {
    const answer = await client.call(HPP, checkoutBody(), {
      timestamp: String(Math.floor(Date.now() / 1000)),
    });
    assert.equal(answer.json.retcode, '00009');
  });

  it('refuses a timestamp that is not a number with 00009', async () => {
    const answer = await client.call(HPP, checkoutBody(), { timestamp: 'yesterday' });
    assert.equal(answer.json.retcode, '00009');
  });

  it('judges the window by the real clock, not the advanced sandbox clock', async () => {
    await client.token();
    await sb.clock.advance(86_400_000);
    const answer = await client.call(HPP, checkoutBody(), { token: client.accessToken ?? null });
    assert.equal(answer.json.retcode, '401', 'the token expired on the sandbox clock');
    await client.token();
    const fresh = await client.call(HPP, checkoutBody());
    assert.equal(fresh.json.retcode, '200');
  });
});

describe('when the window and header names are configured', () => {
  it('accepts a 3-minute skew within a 5-minute window', async () => {
    const { sb, client } = await sandboxWithClient({ timestampToleranceMs: 300_000 });
    try {
      const answer = await client.call(HPP, checkoutBody(), {
        timestamp: String(Date.now() - 180_000),
      });
      assert.equal(answer.json.retcode, '200');
    } finally {
      await sb.close();
    }
  });

  it('reads D-SIGNATURE and D-TIMESTAMP when told so, and signs answers with them', async () => {
    const { sb, client } = await sandboxWithClient({
      signatureHeader: 'D-SIGNATURE',
      timestampHeader: 'D-TIMESTAMP',
    });
    try {
      const names = { signatureHeader: 'D-SIGNATURE', timestampHeader: 'D-TIMESTAMP' };
      const answer = await client.call(HPP, checkoutBody(), names);
      assert.equal(answer.json.retcode, '200');
      assert.ok(answer.headers.get('d-signature'));
      const plain = await client.call(HPP, checkoutBody());
      assert.equal(plain.json.retcode, '00006');
      assert.match(String(plain.json.retmsg), /D-SIGNATURE/);
    } finally {
      await sb.close();
    }
  });
});

describe('when the call itself is wrong', () => {
  let sb: Sandbox;
  let client: TestClient;
  before(async () => ({ sb, client } = await sandboxWithClient()));
  after(() => sb.close());

  it('answers 404 for an unknown path', async () => {
    const answer = await client.call('/checkout/w-payment/nothing', {});
    assert.equal(answer.status, 404);
    assert.equal(answer.json.retcode, '404');
  });

  it('answers 405 for GET on a business endpoint', async () => {
    const answer = await client.call(HPP, undefined, { method: 'GET', raw: '' });
    assert.equal(answer.status, 405);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const answer = await client.call(HPP, undefined, { raw: '{"mchOrderNo":' });
    assert.equal(answer.status, 400);
    assert.equal(answer.json.retcode, '400');
    assert.match(String(answer.json.retmsg), /body/);
  });

  it('answers 400 for a JSON array', async () => {
    const answer = await client.call(HPP, [1, 2]);
    assert.equal(answer.json.retcode, '400');
    assert.match(String(answer.json.retmsg), /body: must be a JSON object/);
  });
});
