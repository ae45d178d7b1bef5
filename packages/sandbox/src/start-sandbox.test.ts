import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SANDBOX_DEFAULTS, type SandboxLogger, startSandbox } from './index.js';
import { checkoutBody, HPP, TestClient } from './test/wpay-client.js';

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
