import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findFactCopies, SCANNED_FOLDERS, scanSource } from './test/find-fact-copies.js';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

const factsIn = (source: string) => scanSource(source, 'x.ts').map((copy) => copy.fact);

describe('when another package keeps its own copy of a protocol fact', () => {
  it('finds none in the sources of the helper, the sandbox, the widget and the demo', () => {
    const copies = findFactCopies(REPO).map((c) => `${c.file}:${c.line} ${c.fact}: ${c.text}`);
    assert.deepEqual(copies, [], 'import these from @wpay/protocol instead');
  });

  it('scans folders that exist', () => {
    for (const folder of SCANNED_FOLDERS) assert.ok(existsSync(`${REPO}/${folder}`), folder);
  });

  it('accepts imports, uses of one value and facts quoted in comments', () => {
    const source = [
      "import { PATHS, PAYMENT_STATUSES } from '@wpay/protocol';",
      '/** `PAYING`, `PAID`… e.g. `{ SIGNATURE: sig }`: see',
      " * '/checkout/w-payment/hpp', 'PAYING' | 'PAID' | 'FAILED' */",
      "if (status === 'PAID') pay(PATHS.checkoutCreate); // 'SIGNATURE'",
      "const url = 'http://localhost/x'; // '00007'",
      "on({ 'credit_card.order.paid': ship, 'credit_card.order.failed': tell });",
    ].join('\n');
    assert.deepEqual(factsIn(source), []);
  });

  it('accepts a subset marked as one on its line', () => {
    const subset =
      "z.enum(PAYMENT_STATUSES).extract(['PAYING', 'PAID', 'FAILED']); // @wpay/protocol subset";
    assert.deepEqual(factsIn(subset), []);
    assert.equal(factsIn(subset.replace('@wpay/protocol subset', 'a subset')).length, 1);
  });

  it('finds an endpoint path', () => {
    assert.deepEqual(factsIn("const HPP = '/checkout/w-payment/hpp';"), [
      'an endpoint path (PATHS)',
    ]);
  });

  it('finds a signature header name', () => {
    assert.deepEqual(factsIn('headers.set("SIGNATURE", sig);'), [
      'a signature header name (HEADERS)',
    ]);
  });

  it('finds a documented retcode', () => {
    assert.deepEqual(factsIn("throw new ApiError(401, '00007', 'mismatch');"), [
      'a documented retcode (REFUSALS)',
    ]);
  });

  it('finds a list of payment statuses, as an array or a union', () => {
    const copy =
      "type S = 'PAYING' | 'PAID' | 'FAILED';\nconst all = ['PAYING', 'PAID', 'REFUNDED'];";
    assert.deepEqual(factsIn(copy), [
      'a list of statuses (PAYMENT_STATUSES, SUBSCRIPTION_STATUSES)',
      'a list of statuses (PAYMENT_STATUSES, SUBSCRIPTION_STATUSES)',
    ]);
  });

  it('finds a list of subscription statuses', () => {
    assert.deepEqual(factsIn("type S = 'ACTIVE' | 'PAST_DUE' | 'EXPIRED';"), [
      'a list of statuses (PAYMENT_STATUSES, SUBSCRIPTION_STATUSES)',
    ]);
  });

  it('finds a table of status codes', () => {
    assert.deepEqual(factsIn('const CODES = { PAYING: 1, PAID: 2, FAILED: 3 };'), [
      'a table of status codes (PAYMENT_STATUS_CODES)',
    ]);
  });

  it('finds an exponent table and a list of currencies', () => {
    assert.deepEqual(factsIn('const E = { JPY: 0, KRW: 0, KWD: 3 };'), [
      'an exponent table (CURRENCY_EXPONENTS)',
    ]);
    assert.deepEqual(factsIn("new Set(['AED', 'AUD', 'BRL', 'CAD', 'CHF'])"), [
      'a list of currencies (CURRENCY_EXPONENTS)',
    ]);
  });

  it('finds a list of event types and a table of their kinds', () => {
    const list =
      "['credit_card.order.paid', 'credit_card.order.failed', 'credit_card.order.expired']";
    assert.deepEqual(factsIn(list), ['a list of event types (EVENT_TYPES)']);
    const kinds = [
      "{ 'credit_card.order.paid': 'payment',",
      "  'credit_card.subscription.expired': 'subscription',",
      "  'credit_card.subscription.bill.paid': 'bill' }",
    ].join('\n');
    assert.deepEqual(factsIn(kinds), ['a table of event kinds (EVENT_TYPES)']);
  });

  it('finds the pay modes, the interval units and a base URL', () => {
    assert.deepEqual(factsIn("z.enum(['ONETIME', 'SUBSCRIPTION'])"), ['the pay modes (PAY_MODES)']);
    assert.deepEqual(factsIn("unit: 'day' | 'week' | 'month' | 'year'"), [
      'the interval units (INTERVAL_UNITS)',
    ]);
    assert.deepEqual(factsIn("const BASE = 'https://openapi.stablelink.app';"), [
      'a base URL (ENVIRONMENTS)',
    ]);
  });

  it('tells where the copy is', () => {
    const [copy] = scanSource("// one\n\nconst P = '/user/auth/oauth2/token';", 'a/b.ts');
    assert.deepEqual(copy, {
      file: 'a/b.ts',
      line: 3,
      fact: 'an endpoint path (PATHS)',
      text: "'/user/auth/oauth2/token'",
    });
  });
});
