import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { PAYMENT_STATUS_CODES, REFUSALS } from '@wpay/protocol';
import { SANDBOX_DEFAULTS } from './defaults.js';

// The README describes the wire for people; these facts are defined in @wpay/protocol and the
// sandbox's defaults. The prose may say them again, but never differently.
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe("the README's copies of protocol facts", () => {
  it('numbers the payment statuses as PAYMENT_STATUS_CODES does', () => {
    const listed = /status` \(number: ([^)]+)\)/.exec(README)?.[1];
    assert.ok(listed, 'the README lists the numeric statuses of the create-HPP answer');
    const pairs = Object.fromEntries(
      listed.split(/,\s*/).map((pair) => {
        const [code = '', name = ''] = pair.trim().split(/\s+/);
        return [name, Number(code)];
      }),
    );
    assert.deepEqual(pairs, PAYMENT_STATUS_CODES);
  });

  it('gives each refusal the HTTP status and retcode of REFUSALS', () => {
    const table = README.slice(README.indexOf('### Refusals'));
    const rows = table
      .split('\n')
      .filter((line) => /^\| .* \| \d{3}( \/ \d{3})? \| `/.test(line))
      .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| /, '')));
    const seen = new Map<string, string>();
    for (const [, http = '', retcodes = ''] of rows) {
      const statuses = http.split(' / ');
      const codes = [...retcodes.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
      codes.forEach((code, i) => {
        seen.set(code, statuses[Math.min(i, statuses.length - 1)] ?? '');
      });
    }
    for (const [name, refusal] of Object.entries(REFUSALS)) {
      assert.equal(
        seen.get(refusal.retcode),
        String(refusal.httpStatus),
        `REFUSALS.${name}: retcode ${refusal.retcode} with HTTP ${refusal.httpStatus}`,
      );
    }
  });

  it('states the page sizes of SANDBOX_DEFAULTS', () => {
    const sizes = /default size (\d+), at most (\d+)/.exec(README);
    assert.deepEqual(sizes?.slice(1).map(Number), [
      SANDBOX_DEFAULTS.defaultPageSize,
      SANDBOX_DEFAULTS.maxPageSize,
    ]);
  });
});
