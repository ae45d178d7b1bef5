import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { checkoutBody, HPP, TestClient } from '../test/wpay-client.js';
import { withSandbox } from './with-sandbox.js';

let firstUrl = '';

describe('when a test file uses withSandbox', () => {
  const sb = withSandbox({ before, after, beforeEach }, { timeScale: 1000 });

  it('starts a sandbox on a random port and sets the WPAY_* variables', () => {
    firstUrl = sb.url;
    assert.match(sb.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(sb.url, 'http://127.0.0.1:4010');
    assert.equal(process.env.WPAY_BASE_URL, sb.url);
    assert.equal(process.env.WPAY_SIGN_KEY, sb.credentials.signKey);
  });

  it('creates a payment in one test', async () => {
    const client = new TestClient(sb, sb.fetch);
    await client.call(HPP, checkoutBody());
    sb.faults.add({ kind: 'latency', latencyMs: 1 });
    assert.equal(sb.state.payments.length, 1);
  });

  it('finds a fresh sandbox in the next one (reset between tests)', () => {
    assert.equal(sb.state.payments.length, 0);
    assert.equal(sb.faults.list().length, 0);
    assert.equal(sb.requests().length, 0);
    assert.equal(sb.stats().requests, 0);
  });
});

describe('when the file that used withSandbox is done', () => {
  it('has closed the sandbox and restored the environment', async () => {
    assert.ok(firstUrl);
    assert.notEqual(process.env.WPAY_BASE_URL, firstUrl);
    await assert.rejects(fetch(`${firstUrl}/__sandbox/health`));
  });

  it('says how to call it when the runner hooks are missing', () => {
    assert.throws(() => withSandbox({}), /withSandbox\(\{ before, after, beforeEach \}\)/);
  });
});
