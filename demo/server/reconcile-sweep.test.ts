import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReconcileReport } from '@wpay/server-helper';
import { eventually } from '../e2e/eventually.js';
import { silentLogger } from './logger.js';
import { startReconcileSweep } from './reconcile-sweep.js';

const EMPTY: ReconcileReport = {
  checked: 0,
  reconciled: 0,
  unchanged: 0,
  stillOpen: 0,
  notFound: 0,
  busy: 0,
  tooRecent: 0,
  tooOld: 0,
  transitions: {},
  errors: [],
};

describe('the periodic reconciliation sweep', () => {
  it('runs again and again, survives a failing sweep, and runs no more once stopped', async () => {
    let runs = 0;
    const sweep = startReconcileSweep(
      async () => {
        runs += 1;
        if (runs === 1) throw new Error('WPay is down');
        return EMPTY;
      },
      { everyMs: 5, logger: silentLogger },
    );
    await eventually('three sweeps ran', () => runs >= 3);
    await sweep.stop();
    const stoppedAt = runs;
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(runs, stoppedAt);
  });

  it('never runs two sweeps at once', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const sweep = startReconcileSweep(
      async () => {
        running += 1;
        runs += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 30));
        running -= 1;
        return EMPTY;
      },
      { everyMs: 2, logger: silentLogger },
    );
    await eventually('two sweeps ran', () => runs >= 2);
    await sweep.stop();
    assert.equal(most, 1);
    assert.equal(running, 0);
  });

  it('runs none with everyMs 0', async () => {
    let runs = 0;
    const sweep = startReconcileSweep(
      async () => {
        runs += 1;
        return EMPTY;
      },
      { everyMs: 0, logger: silentLogger },
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    await sweep.stop();
    assert.equal(runs, 0);
  });
});
