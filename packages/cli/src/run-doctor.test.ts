// The doctor against fixture shops that each make one mistake on purpose: it must name exactly
// that mistake (and nothing else), and pass the shop that makes none.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Sandbox, startSandbox } from '@wpay/sandbox';
import {
  type Breakage,
  type FixtureShop,
  startExpressShop,
} from '../test/fixtures/express-shop.js';
import type { CheckName } from './check-names.js';
import { type DoctorReport, runDoctor } from './run-doctor.js';

const failed = (report: DoctorReport) =>
  report.results.filter((result) => result.status === 'fail').map((result) => result.name);

/** Starts a sandbox and the fixture shop pointed at it, runs the doctor once. */
function doctorAgainst(breakage?: Breakage) {
  let sandbox: Sandbox;
  let shop: FixtureShop;
  let report: DoctorReport;
  before(async () => {
    sandbox = await startSandbox({ port: 0 });
    shop = await startExpressShop(sandbox.env, breakage ? { breakage } : {});
    report = await runDoctor({ shop: shop.url, sandbox });
  });
  after(async () => {
    await shop?.close();
    await sandbox?.close();
  });
  return { report: () => report, shop: () => shop };
}

describe('when the shop is set up as the READMEs say', () => {
  const run = doctorAgainst();

  it('passes every check', () => {
    const report = run.report();
    assert.deepEqual(
      report.results.filter((result) => result.status !== 'pass'),
      [],
    );
    assert.equal(report.ok, true);
  });

  it("runs every shop check, and the shop's webhook saw its order paid", () => {
    assert.equal(run.report().results.length, 19);
    assert.equal(run.shop().paid.size, 1);
  });
});

const BROKEN: [Breakage, string, CheckName[]][] = [
  ['json-before-webhook', 'express.json() runs before the webhook route', ['webhook.raw-body']],
  ['wrong-sign-key', 'the shop has another sign key', ['shop.credentials', 'webhook.signed']],
  ['webhook-301', 'the webhook URL answers 301', ['webhook.redirect']],
  ['no-origin-check', 'the checkout accepts every origin', ['checkout.origin']],
  ['cached-status', 'the status answer is cached', ['status.no-store']],
  ['csp-without-wpay', "the page's CSP keeps the form from going to WPay", ['page.csp']],
];

for (const [breakage, what, expected] of BROKEN) {
  describe(`when ${what}`, () => {
    const run = doctorAgainst(breakage);

    it(`fails exactly ${expected.join(' and ')}, each with a fix`, () => {
      const report = run.report();
      assert.deepEqual(failed(report), expected, JSON.stringify(report.results, null, 1));
      assert.equal(report.ok, false);
      for (const result of report.results.filter((r) => r.status === 'fail')) {
        assert.ok(result.fix && result.fix.length > 20, `${result.name} has a fix`);
      }
    });
  });
}
