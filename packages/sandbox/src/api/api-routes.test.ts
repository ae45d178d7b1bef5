import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkoutBody, HPP, sandboxWithClient, TOKEN } from '../test/wpay-client.js';

const DETAIL = '/checkout/w-payment/payments/detail';

describe('when an http-5xx fault is set on one path with times=2', () => {
  it('answers a non-envelope 503 twice, then works', async () => {
    const { sb, client } = await sandboxWithClient({
      faults: [{ kind: 'http-5xx', path: HPP, times: 2 }],
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await client.call(HPP, checkoutBody())).status);
      assert.deepEqual(statuses, [503, 503, 200]);
      assert.equal(sb.requests().filter((r) => r.fault === 'http-5xx').length, 2);
      assert.equal(sb.stats().faultsInjected, 2);
    } finally {
      await sb.close();
    }
  });

  it('leaves other paths alone', async () => {
    const { sb, client } = await sandboxWithClient({ faults: [{ kind: 'http-5xx', path: HPP }] });
    try {
      const answer = await client.call(DETAIL, { trxNo: 'TRX0' });
      assert.equal(answer.json.retcode, '404');
    } finally {
      await sb.close();
    }
  });

  it('uses the configured status', async () => {
    const { sb, client } = await sandboxWithClient({ faults: [{ kind: 'http-5xx', status: 502 }] });
    try {
      const answer = await client.call(HPP, checkoutBody(), { token: 'any' });
      assert.equal(answer.status, 502);
      assert.match(answer.text, /injected fault/);
    } finally {
      await sb.close();
    }
  });
});

describe('when a fault fires after the request took effect', () => {
  it('loses the answer but keeps the session, so a retry returns the same one', async () => {
    const { sb, client } = await sandboxWithClient({
      faults: [{ kind: 'http-5xx', path: HPP, times: 1, phase: 'after' }],
    });
    try {
      const body = checkoutBody();
      const lost = await client.call(HPP, body);
      assert.equal(lost.status, 503);
      const retry = await client.call(HPP, body);
      assert.equal(retry.json.retcode, '200');
      assert.equal(sb.state.payments.length, 1);
    } finally {
      await sb.close();
    }
  });
});

describe('when a retcode fault is set', () => {
  it('answers the configured retcode in the envelope with "injected fault"', async () => {
    const { sb, client } = await sandboxWithClient({
      faults: [{ kind: 'retcode', path: DETAIL, retcode: '10001' }],
    });
    try {
      const answer = await client.call(DETAIL, { trxNo: 'TRX0' });
      assert.equal(answer.status, 200);
      assert.equal(answer.json.retcode, '10001');
      assert.equal(answer.json.retmsg, 'injected fault');
    } finally {
      await sb.close();
    }
  });
});

describe('when a malformed fault is set', () => {
  it('answers 200 with a body that is not JSON', async () => {
    const { sb, client } = await sandboxWithClient({ faults: [{ kind: 'malformed', path: HPP }] });
    try {
      const answer = await client.call(HPP, checkoutBody());
      assert.equal(answer.status, 200);
      assert.throws(() => JSON.parse(answer.text));
    } finally {
      await sb.close();
    }
  });
});

describe('when a latency fault is set', () => {
  it('answers normally, logged as delayed', async () => {
    const { sb, client } = await sandboxWithClient({
      faults: [{ kind: 'latency', latencyMs: 50, path: DETAIL }],
    });
    try {
      const answer = await client.call(DETAIL, { trxNo: 'TRX0' });
      assert.equal(answer.json.retcode, '404');
      assert.equal(sb.requests().at(-1)?.fault, 'latency');
    } finally {
      await sb.close();
    }
  });
});

describe('when a timeout fault is set', () => {
  it('never answers: the client gives up', async () => {
    const { sb, client } = await sandboxWithClient({
      faults: [{ kind: 'timeout', path: HPP, times: 1 }],
    });
    try {
      await client.token();
      const request = fetch(`${sb.url}${HPP}`, {
        method: 'POST',
        body: '{}',
        signal: AbortSignal.timeout(200),
      });
      await assert.rejects(request, /abort|timeout/i);
      const answer = await client.call(HPP, checkoutBody());
      assert.equal(answer.json.retcode, '200');
      assert.equal(sb.requests()[1]?.status, null);
    } finally {
      await sb.close();
    }
  });

  it('drops the connection after holdMs', async () => {
    const { sb } = await sandboxWithClient({ faults: [{ kind: 'timeout', holdMs: 50 }] });
    try {
      await assert.rejects(fetch(`${sb.url}${HPP}`, { method: 'POST', body: '{}' }));
    } finally {
      await sb.close();
    }
  });

  it('lets go of held requests when the sandbox closes', async () => {
    const { sb } = await sandboxWithClient({ faults: [{ kind: 'timeout' }] });
    const request = fetch(`${sb.url}${HPP}`, { method: 'POST', body: '{}' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await sb.close();
    await assert.rejects(request);
  });
});

describe('when a token-revoke fault is set', () => {
  it('revokes the current token: the call gets 401 and the next token works', async () => {
    const { sb, client } = await sandboxWithClient({
      faults: [{ kind: 'token-revoke', path: DETAIL, times: 1 }],
    });
    try {
      await client.token();
      const revoked = await client.call(
        DETAIL,
        { trxNo: 'TRX0' },
        { token: client.accessToken ?? null },
      );
      assert.equal(revoked.status, 401);
      assert.match(String(revoked.json.retmsg), /revoked/);
      await client.token();
      const after = await client.call(DETAIL, { trxNo: 'TRX0' });
      assert.equal(after.json.retcode, '404');
    } finally {
      await sb.close();
    }
  });
});

describe('when a fault has a probability and a seed', () => {
  const pattern = async (seed: number) => {
    const { sb, client } = await sandboxWithClient({
      seed,
      faults: [{ kind: 'http-5xx', path: DETAIL, probability: 0.5 }],
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 16; i += 1)
        statuses.push((await client.call(DETAIL, { trxNo: 'TRX0' })).status);
      return statuses;
    } finally {
      await sb.close();
    }
  };

  it('repeats exactly with the same seed', async () => {
    const first = await pattern(7);
    assert.deepEqual(await pattern(7), first);
    assert.ok(first.includes(503) && first.includes(404), String(first));
  });
});

describe('when faults are managed at run time', () => {
  it('adds and clears them through the JS API', async () => {
    const { sb, client } = await sandboxWithClient();
    try {
      sb.faults.add({ kind: 'http-5xx', path: TOKEN });
      assert.equal((await client.token()).status, 503);
      sb.faults.clear();
      assert.equal((await client.token()).status, 200);
    } finally {
      await sb.close();
    }
  });
});
