// The doctor against the kit's own demo (demo/), started as a shop with real-WPay settings that
// point at the doctor's sandbox: the way a shop is checked (`wpay doctor --print-env`).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Sandbox, startSandbox } from '@wpay/sandbox';
import { type Demo, startDemo } from '../../../demo/server/start-demo.js';
import { type DoctorReport, runDoctor } from './run-doctor.js';

describe("when the shop is the demo, pointed at the doctor's sandbox", () => {
  let sandbox: Sandbox;
  let demo: Demo;
  let report: DoctorReport;

  before(async () => {
    sandbox = await startSandbox({ port: 0 });
    const { apiKey, apiSecret, signKey } = sandbox.credentials;
    demo = await startDemo({
      port: 0,
      dbPath: ':memory:',
      reconcileEveryMs: 0,
      wpay: {
        kind: 'real',
        endpoint: { baseUrl: sandbox.url },
        apiKey,
        apiSecret,
        signKey,
        hostedPageHosts: new URL(sandbox.url).host,
      },
    });
    report = await runDoctor({ shop: demo.loopbackUrl, sandbox });
  });

  after(async () => {
    await demo?.close();
    await sandbox?.close();
  });

  it('passes every check', () => {
    assert.deepEqual(
      report.results.filter((result) => result.status !== 'pass'),
      [],
    );
    assert.equal(report.results.length, 19);
  });

  it("fulfilled the doctor's order once, from its webhook", () => {
    const paid = demo.stores.orders.list().filter((order) => order.status === 'paid');
    assert.deepEqual(
      paid.map((order) => order.statusSource),
      ['webhook'],
    );
  });
});
