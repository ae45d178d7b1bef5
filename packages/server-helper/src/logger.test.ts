import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SandboxLogger } from '@wpay/sandbox';
import { type Logger, silentLogger } from './logger.js';

// Compile-time: the helper's and the sandbox's logger are one shape, and console fits both.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<Logger, SandboxLogger> = true;
const consoleFits: Logger = console;

describe('the Logger shape', () => {
  it('is the sandbox logger shape both ways, and console is one', () => {
    assert.equal(sameShape, true);
    assert.equal(typeof consoleFits.warn, 'function');
    for (const level of ['warn', 'error'] as const) {
      assert.equal(typeof silentLogger[level], 'function');
    }
  });
});
