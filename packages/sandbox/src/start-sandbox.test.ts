import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SANDBOX_DEFAULTS, type SandboxLogger, startSandbox } from './index.js';
import {
  checkoutBody,
  closeAll,
  HPP,
  sandboxWithReceiver,
  TestClient,
} from './test/wpay-client.js';

describe('when starting the sandbox', () => {
  it('listens on a random port of 127.0.0.1 with the default test credentials', async () => {
    const sb = await startSandbox({ port: 0 });
    try {
      assert.match(sb.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.deepEqual(sb.credentials, SANDBOX_DEFAULTS.credentials);
    } finally {
      await sb.close();
    }
  });

  it('keeps the default of a credential or protocol default given as undefined', async () => {
    const sb = await startSandbox({
      credentials: { apiKey: undefined },
      defaults: { hostedPagePath: undefined },
    } as never);
    try {
      assert.deepEqual(sb.credentials, SANDBOX_DEFAULTS.credentials);
      const { redirectUrl } = await new TestClient(sb).checkout();
      assert.ok(String(redirectUrl).startsWith(`${sb.url}${SANDBOX_DEFAULTS.hostedPagePath}/`));
    } finally {
      await sb.close();
    }
  });

  it('uses the credentials it is given', async () => {
    const sb = await startSandbox({ credentials: { apiKey: 'k', apiSecret: 's', signKey: 'sk' } });
    try {
      const client = new TestClient(sb);
      assert.equal((await client.token()).status, 200);
      assert.equal((await client.call(HPP, checkoutBody())).json.retcode, '200');
    } finally {
      await sb.close();
    }
  });

  it('refuses invalid options, naming each', async () => {
    await assert.rejects(
      startSandbox({ timeScale: 0, refreshResponseShape: 'wrapped' as 'bare' }),
      /timeScale: .*; refreshResponseShape: /,
    );
  });

  it('refuses an unknown option', async () => {
    await assert.rejects(startSandbox({ colour: 'red' } as never), /colour/);
  });

  it('closes twice without complaint', async () => {
    const sb = await startSandbox();
    await sb.close();
    await sb.close();
    await assert.rejects(fetch(`${sb.url}/__sandbox/state`));
  });
});

describe('when reading what the sandbox saw', () => {
  it('logs API calls with method, path, status, retcode and time, and counts them', async () => {
    const sb = await startSandbox();
    try {
      const client = new TestClient(sb);
      await client.call(HPP, checkoutBody());
      await client.call(HPP, checkoutBody({ amount: -1 }));
      const log = sb.requests();
      assert.deepEqual(
        log.map((r) => [r.method, r.path, r.status, r.retcode]),
        [
          ['POST', '/user/auth/oauth2/token', 200, '200'],
          ['POST', HPP, 200, '200'],
          ['POST', HPP, 400, '400'],
        ],
      );
      assert.ok(log.every((r) => !Number.isNaN(Date.parse(r.at))));
      const stats = sb.stats();
      assert.equal(stats.requests, 3);
      assert.equal(stats.tokenRequests, 1);
      assert.equal(stats.refusals, 1);
      assert.equal(stats.checkouts, 1);
    } finally {
      await sb.close();
    }
  });

  it('does not count the dashboard, pages or control API as API calls', async () => {
    const sb = await startSandbox();
    try {
      await fetch(`${sb.url}/`);
      await fetch(`${sb.url}/__sandbox/state`);
      await fetch(`${sb.url}/favicon.ico`);
      assert.equal(sb.stats().requests, 0);
    } finally {
      await sb.close();
    }
  });

  it('logs through the injected logger, never the console', async () => {
    const lines: string[] = [];
    const logger: SandboxLogger = {
      debug: (m) => lines.push(m),
      info: (m) => lines.push(m),
      warn: (m) => lines.push(m),
      error: (m) => lines.push(m),
    };
    const sb = await startSandbox({ logger });
    await sb.close();
    assert.ok(lines.includes('sandbox listening'));
  });

  it('keeps secrets out of every refusal', async () => {
    const sb = await startSandbox();
    try {
      const client = new TestClient(sb);
      await client.token();
      const answers = [
        await client.call(HPP, checkoutBody(), { signKey: 'wrong' }),
        await client.call(HPP, checkoutBody(), { token: 'bad' }),
        await client.token('multipart', { api_secret: 'bad' }),
      ];
      for (const answer of answers) {
        for (const secret of [
          sb.credentials.apiSecret,
          sb.credentials.signKey,
          String(client.accessToken),
        ]) {
          assert.ok(!answer.text.includes(secret), `${answer.text} leaks a secret`);
        }
      }
    } finally {
      await sb.close();
    }
  });
});

describe('when protocol defaults are overridden', () => {
  it('uses them: time zone, channel, fee, page sizes, hosted-page path', async () => {
    const sb = await startSandbox({
      defaults: {
        timeZoneOffsetMinutes: 480,
        channelId: 'ADYEN',
        processingFeePercent: 0,
        processingFeeFixed: 1,
        hostedPagePath: '/pay',
        defaultPageSize: 1,
        maxPageSize: 2,
      },
    });
    try {
      const client = new TestClient(sb);
      const { trxNo, redirectUrl } = await client.checkout();
      assert.match(String(redirectUrl), new RegExp(`^${sb.url}/pay/hpp_`));
      assert.equal((await fetch(String(redirectUrl))).status, 200);
      await client.checkout();
      const payment = await sb.pay(String(trxNo));
      assert.equal(payment.channelId, 'ADYEN');
      assert.equal(payment.processingFee, 1);
      const utc8 = new Date(sb.clock.now() + 480 * 60_000).toISOString().slice(0, 13);
      assert.equal(String(payment.createTime).slice(0, 13), utc8);
      const list = await client.call('/checkout/w-payment/payments/list', {});
      assert.equal((list.json.retdata as { pageSize: number }).pageSize, 1);
      const tooBig = await client.call('/checkout/w-payment/payments/list', { pageSize: 3 });
      assert.match(String(tooBig.json.retmsg), /pageSize: must be at most 2/);
    } finally {
      await sb.close();
    }
  });

  it('retries webhooks on the given schedule and expects the given acknowledgement', async () => {
    const { sb, client, receiver } = await sandboxWithReceiver(
      { defaults: { webhookRetryScheduleSeconds: [1], webhookAckBody: 'OK' } },
      { answer: (n) => (n === 0 ? 500 : 200) },
    );
    try {
      const { trxNo } = await client.checkout();
      await sb.pay(String(trxNo));
      await sb.idle();
      const [delivery] = sb.deliveries();
      assert.equal(delivery?.state, 'delivered');
      assert.deepEqual(
        delivery?.attempts.map((a) => a.delayMs),
        [0, 1],
      );
      assert.match(String(delivery?.attempts[1]?.warning), /without the body OK/);
    } finally {
      await closeAll(sb, receiver);
    }
  });

  it("refuses a hosted-page path over one of WPay's API paths, naming both and the fix", async () => {
    for (const [hostedPagePath, apiPath] of [
      ['/checkout/w-payment/hpp', '/checkout/w-payment/hpp'],
      ['/checkout/w-payment', '/checkout/w-payment/hpp'],
      ['/user', '/user/auth/oauth2/token'],
    ] as const) {
      // A sandbox that did start is closed again, so that the refusal is what the test reads.
      const started = startSandbox({ defaults: { hostedPagePath } }).then((sb) => sb.close());
      await assert.rejects(started, (error: Error) => {
        assert.ok(error instanceof TypeError, String(error));
        assert.match(error.message, /^startSandbox: invalid options: defaults\.hostedPagePath: /);
        assert.ok(error.message.includes(`"${hostedPagePath}"`), error.message);
        assert.ok(error.message.includes(apiPath), error.message);
        assert.match(error.message, /such as \/hpp/);
        return true;
      });
    }
  });

  it('takes a hosted-page path beside or below the API paths', async () => {
    for (const hostedPagePath of ['/checkout/pay', '/checkout/w-payment/hpp/pages']) {
      const sb = await startSandbox({ defaults: { hostedPagePath } });
      try {
        const { redirectUrl } = await new TestClient(sb).checkout();
        assert.ok(String(redirectUrl).startsWith(`${sb.url}${hostedPagePath}/`));
        assert.equal((await fetch(String(redirectUrl))).status, 200);
      } finally {
        await sb.close();
      }
    }
  });

  it('refuses an unknown default and a bad value, naming each', async () => {
    await assert.rejects(startSandbox({ defaults: { zone: 1 } as never }), /defaults: .*zone/);
    await assert.rejects(
      startSandbox({ defaults: { hostedPagePath: '/__sandbox', defaultPageSize: 500 } }),
      /defaults\.hostedPagePath: .*; defaults\.defaultPageSize: /,
    );
  });
});
