import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countResults } from './count-results.mjs';

const TAP = (pass, fail) => `ok 1 - a\n# tests ${pass + fail}\n# pass ${pass}\n# fail ${fail}\n`;

describe('when npm test counts what a suite printed', () => {
  it("reads node's TAP summary", () => {
    assert.deepEqual(countResults(TAP(43, 0)), { passed: 43, failed: 0 });
  });

  it("reads a runner's closing line, the last of its progress lines", () => {
    const output = 'Chromium: 10 passed, 0 failed\nChromium: 383 passed, 1 failed\n';
    assert.deepEqual(countResults(output), { passed: 383, failed: 1 });
  });

  it('adds the runners of one suite: node --test, then web-test-runner', () => {
    const output = `${TAP(29, 0)}Chromium: 120 passed, 0 failed\nChromium: 383 passed, 0 failed\n`;
    assert.deepEqual(countResults(output), { passed: 412, failed: 0 });
  });

  it('adds two TAP runs split by a plain one', () => {
    assert.deepEqual(countResults(`${TAP(2, 1)}5 passed, 0 failed\n${TAP(3, 0)}`), {
      passed: 10,
      failed: 1,
    });
  });

  it('reports nothing when nothing was counted', () => {
    assert.deepEqual(countResults('build failed\n'), { passed: undefined, failed: undefined });
  });
});
