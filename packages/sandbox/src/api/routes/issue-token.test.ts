import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Sandbox } from '../../index.js';
import {
  checkoutBody,
  HPP,
  responseSignatureValid,
  sandboxWithClient,
  type TestClient,
  TOKEN,
} from '../../test/wpay-client.js';

describe('when getting an access token', () => {
  let sb: Sandbox;
  let client: TestClient;
  before(async () => ({ sb, client } = await sandboxWithClient()));
  after(() => sb.close());

  for (const via of ['multipart', 'urlencoded', 'query'] as const) {
    it(`answers the documented envelope for ${via} parameters`, async () => {
      const answer = await client.token(via);
      assert.equal(answer.status, 200);
      assert.equal(answer.json.retcode, 200);
      assert.equal(answer.json.success, true);
      const data = answer.json.retdata as Record<string, unknown>;
      assert.equal(data.token_type, 'bearer');
      assert.equal(data.expires_in, 21_600);
      assert.equal(data.rt_expires_in, 43_200);
      assert.equal(typeof data.access_token, 'string');
      assert.equal(typeof data.refresh_token, 'string');
    });
  }

  it('signs the token answer', async () => {
    const answer = await client.token();
    assert.ok(
      responseSignatureValid(answer, sb.credentials.signKey, { method: 'POST', path: TOKEN }),
    );
  });

  it('counts token requests in stats', async () => {
    const before = sb.stats().tokenRequests;
    await client.token();
    assert.equal(sb.stats().tokenRequests, before + 1);
  });

  it('refuses a wrong api_secret without echoing it', async () => {
    const answer = await client.token('multipart', { api_secret: 'wrong-secret-value' });
    assert.equal(answer.status, 401);
    assert.equal(answer.json.retcode, '401');
    assert.match(String(answer.json.retmsg), /api_secret/);
    assert.doesNotMatch(answer.text, /wrong-secret-value|wpay_test_api_secret/);
  });

  it('refuses an unknown api_key', async () => {
    const answer = await client.token('multipart', { api_key: 'nobody' });
    assert.equal(answer.status, 401);
    assert.match(String(answer.json.retmsg), /api_key/);
  });

  it('refuses a missing api_key', async () => {
    const answer = await client.token('urlencoded', { api_key: '' });
    assert.equal(answer.status, 401);
    assert.match(String(answer.json.retmsg), /api_key: is required/);
  });

  it('refuses an unknown grant_type', async () => {
    const answer = await client.token('multipart', { grant_type: 'password' });
    assert.equal(answer.status, 401);
    assert.equal(answer.json.retcode, '401');
    assert.match(String(answer.json.retmsg), /grant_type/);
  });

  it('refuses GET on the token endpoint', async () => {
    const response = await fetch(`${sb.url}${TOKEN}?grant_type=client_credentials`);
    assert.equal(response.status, 405);
  });
});

describe('when a new access token is issued', () => {
  let sb: Sandbox;
  let client: TestClient;
  before(async () => ({ sb, client } = await sandboxWithClient()));
  after(() => sb.close());

  it('invalidates the previous one (one active token per client)', async () => {
    await client.token();
    const old = client.accessToken;
    await client.token();
    const answer = await client.call(HPP, checkoutBody(), { token: old ?? null });
    assert.equal(answer.status, 401);
    assert.equal(answer.json.retcode, '401');
    assert.match(String(answer.json.retmsg), /superseded/);
  });

  it('accepts the newest one', async () => {
    await client.token();
    const answer = await client.call(HPP, checkoutBody());
    assert.equal(answer.json.retcode, '200');
  });
});

describe('when refreshing a token', () => {
  let sb: Sandbox;
  let client: TestClient;
  before(async () => ({ sb, client } = await sandboxWithClient()));
  after(() => sb.close());

  it('answers the bare token object by default', async () => {
    await client.token();
    const answer = await client.refresh();
    assert.equal(answer.status, 200);
    assert.equal(answer.json.retcode, undefined);
    assert.equal(answer.json.token_type, 'bearer');
    assert.equal(typeof answer.json.access_token, 'string');
    assert.equal(answer.json.expires_in, 21_600);
  });

  it('invalidates the old access token and the old refresh token', async () => {
    await client.token();
    const oldAccess = client.accessToken;
    const oldRefresh = client.refreshToken;
    await client.refresh();
    const call = await client.call(HPP, checkoutBody(), { token: oldAccess ?? null });
    assert.equal(call.status, 401);
    const again = await client.refresh(oldRefresh);
    assert.equal(again.status, 401);
    assert.match(String(again.json.retmsg), /refresh token superseded/);
  });

  it('makes the new access token work', async () => {
    await client.token();
    await client.refresh();
    const answer = await client.call(HPP, checkoutBody());
    assert.equal(answer.json.retcode, '200');
  });

  it('refuses an unknown refresh token', async () => {
    const answer = await client.refresh('not-a-token');
    assert.equal(answer.status, 401);
    assert.match(String(answer.json.retmsg), /unknown refresh token/);
  });
});

describe('when the refresh answer shape is set to envelope', () => {
  it('wraps the refreshed token in the envelope', async () => {
    const { sb, client } = await sandboxWithClient({ refreshResponseShape: 'envelope' });
    try {
      await client.token();
      const answer = await client.refresh();
      assert.equal(answer.json.retcode, 200);
      assert.equal((answer.json.retdata as Record<string, unknown>).token_type, 'bearer');
    } finally {
      await sb.close();
    }
  });
});

describe('when tokens outlive their lifetimes', () => {
  it('refuses an expired access token and an expired refresh token', async () => {
    const { sb, client } = await sandboxWithClient({
      tokenTtlSeconds: 60,
      refreshTokenTtlSeconds: 120,
    });
    try {
      await client.token();
      await sb.clock.advance(61_000);
      const call = await client.call(HPP, checkoutBody(), { token: client.accessToken ?? null });
      assert.equal(call.status, 401);
      assert.match(String(call.json.retmsg), /access token expired/);
      await sb.clock.advance(60_000);
      const refresh = await client.refresh();
      assert.equal(refresh.status, 401);
      assert.match(String(refresh.json.retmsg), /refresh token expired/);
    } finally {
      await sb.close();
    }
  });

  it('reports the configured lifetimes', async () => {
    const { sb, client } = await sandboxWithClient({
      tokenTtlSeconds: 5,
      refreshTokenTtlSeconds: 9,
    });
    try {
      const data = (await client.token()).json.retdata as Record<string, unknown>;
      assert.equal(data.expires_in, 5);
      assert.equal(data.rt_expires_in, 9);
    } finally {
      await sb.close();
    }
  });
});
